// Scenario 1, historical analogues: what the book would have done over the same window after each past event like
// the one feared, set against the same-length window on ordinary days. Returns are simple, in the base currency.

import { mean, quantileLinearSorted } from "./descriptive";
import { mulberry32, sampleWithoutReplacement } from "./prng";
import { AnalyticsInputError, type Numeric } from "./types";

/** Quantile reported as the scenario's VaR level (the 10 % worst outcome). */
export const SCENARIO_QUANTILE = 0.1;
/** Expected shortfall is the mean of the worst 20 % of outcomes. */
export const SCENARIO_ES_TAIL = 0.2;
/** Below this many analogues a confidence interval means little; the scenario is still computed. */
export const MIN_ANALOGUES = 3;
export const BOOTSTRAP_DRAWS = 2000;
export const BOOTSTRAP_CONFIDENCE = 0.9;
export const SCENARIO_PLACEBO_DRAWS = 1000;
export const SCENARIO_SEED = 1;

/** Sessions relative to day 0, both ends included: [0, 5] is day 0 and the five sessions after it. */
export type SessionWindow = readonly [number, number];

export interface AnalogueReturns {
  /** The analogue event's id. */
  key: string;
  /** Per position (same order as the values), the base-currency simple return over the window. */
  returns: Numeric;
  /** Per position: true when the return is β × benchmark return, the position having no data for this analogue. */
  proxied: readonly boolean[];
}

export interface DistributionStats {
  n: number;
  mean: number;
  median: number;
  worst: number;
  best: number;
  /** quantile_{0.10}, numpy's linear interpolation (Hyndman & Fan type 7), as for historical VaR. */
  quantile: number;
  /** Mean of the outcomes at or below quantile_{0.20} (type 7): a loss is negative. */
  expectedShortfall: number;
}

/** Mean of the values at or below their type-7 `tail` quantile (NaN for an empty sample). */
export function tailMeanSorted(sorted: Float64Array, tail: number): number {
  const cut = quantileLinearSorted(sorted, tail);
  let s = 0;
  let k = 0;
  for (let i = 0; i < sorted.length && (sorted[i] as number) <= cut; i++) {
    s += sorted[i] as number;
    k++;
  }
  return k === 0 ? NaN : s / k;
}

/** Distribution statistics of a sample of returns (or P&Ls), finite values only. */
export function distributionStats(values: Numeric, quantile = SCENARIO_QUANTILE, esTail = SCENARIO_ES_TAIL): DistributionStats {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i] as number)) finite.push(values[i] as number);
  const sorted = Float64Array.from(finite).sort();
  const n = sorted.length;
  return {
    n,
    mean: n === 0 ? NaN : mean(sorted),
    median: quantileLinearSorted(sorted, 0.5),
    worst: n === 0 ? NaN : (sorted[0] as number),
    best: n === 0 ? NaN : (sorted[n - 1] as number),
    quantile: quantileLinearSorted(sorted, quantile),
    expectedShortfall: tailMeanSorted(sorted, esTail),
  };
}

export interface BootstrapInterval {
  mean: [number, number];
  expectedShortfall: [number, number];
  draws: number;
  seed: number;
  confidence: number;
}

/**
 * Percentile bootstrap: `draws` resamples of the n values with replacement, index ⌊u·n⌋ for each of n uniforms from
 * mulberry32(seed) in order; the interval is the type-7 quantiles (1−c)/2 and (1+c)/2 of the resampled statistics.
 */
export function bootstrapMeanAndES(
  values: Numeric,
  options: { draws?: number; seed?: number; confidence?: number; esTail?: number } = {},
): BootstrapInterval {
  const draws = options.draws ?? BOOTSTRAP_DRAWS;
  const seed = options.seed ?? SCENARIO_SEED;
  const confidence = options.confidence ?? BOOTSTRAP_CONFIDENCE;
  const esTail = options.esTail ?? SCENARIO_ES_TAIL;
  const n = values.length;
  if (n === 0) return { mean: [NaN, NaN], expectedShortfall: [NaN, NaN], draws, seed, confidence };
  const random = mulberry32(seed);
  const means = new Float64Array(draws);
  const tails = new Float64Array(draws);
  const sample = new Float64Array(n);
  for (let b = 0; b < draws; b++) {
    let s = 0;
    for (let j = 0; j < n; j++) {
      const v = values[Math.floor(random() * n)] as number;
      sample[j] = v;
      s += v;
    }
    means[b] = s / n;
    sample.sort();
    tails[b] = tailMeanSorted(sample, esTail);
  }
  means.sort();
  tails.sort();
  const lo = (1 - confidence) / 2;
  const hi = (1 + confidence) / 2;
  return {
    mean: [quantileLinearSorted(means, lo), quantileLinearSorted(means, hi)],
    expectedShortfall: [quantileLinearSorted(tails, lo), quantileLinearSorted(tails, hi)],
    draws,
    seed,
    confidence,
  };
}

/**
 * The book's return over `window` from every start session of a common calendar: position i's base-currency prices
 * `prices[i]` (same length T), weights w_i = value_i / Σ value. Entry s is Σ w_i (P_i[s+b] / P_i[s+a−1] − 1), NaN where
 * the window leaves the calendar.
 */
export function unconditionalWindowReturns(prices: readonly Numeric[], weights: Numeric, window: SessionWindow): Float64Array {
  if (prices.length !== weights.length) throw new AnalyticsInputError("one price series per weight");
  const [a, b] = window;
  const T = prices.length === 0 ? 0 : (prices[0] as Numeric).length;
  const out = new Float64Array(T).fill(NaN);
  const from = Math.max(0, 1 - a);
  const to = T - b;
  if (to <= from) return out;
  for (let s = from; s < to; s++) out[s] = 0;
  for (let i = 0; i < prices.length; i++) {
    const p = prices[i] as Numeric;
    if (p.length !== T) throw new AnalyticsInputError("price series differ in length");
    const w = weights[i] as number;
    for (let s = from; s < to; s++) out[s] = (out[s] as number) + w * ((p[s + b] as number) / (p[s + a - 1] as number) - 1);
  }
  return out;
}

export interface AnaloguePlacebo {
  /** Share of random start-date sets whose mean return is below the analogues' mean (strictly worse). */
  pValue: number;
  draws: number;
  /** Start sessions eligible as placebo dates. */
  eligible: number;
  /** Size of each random set: the number of analogues. */
  setSize: number;
  seed: number;
}

/**
 * Placebo for the analogues' mean: `draws` sets of k start sessions drawn without replacement (the placebo engine's
 * seeded partial Fisher–Yates, one mulberry32(seed) stream across draws) among the sessions with a defined return whose
 * window does not overlap any analogue's window (|s − e| > b − a for every analogue start e).
 */
export function analoguePlacebo(
  unconditional: Numeric,
  analogueStarts: readonly number[],
  analogueMean: number,
  k: number,
  window: SessionWindow,
  options: { draws?: number; seed?: number } = {},
): AnaloguePlacebo {
  const draws = options.draws ?? SCENARIO_PLACEBO_DRAWS;
  const seed = options.seed ?? SCENARIO_SEED;
  const span = window[1] - window[0];
  const near = new Uint8Array(unconditional.length);
  for (const e of analogueStarts) for (let d = Math.max(0, e - span); d <= Math.min(unconditional.length - 1, e + span); d++) near[d] = 1;
  const candidates: number[] = [];
  for (let s = 0; s < unconditional.length; s++) if (near[s] === 0 && Number.isFinite(unconditional[s] as number)) candidates.push(s);
  if (k < 1 || candidates.length < k || !Number.isFinite(analogueMean)) return { pValue: NaN, draws: 0, eligible: candidates.length, setSize: k, seed };
  const random = mulberry32(seed);
  let worse = 0;
  for (let d = 0; d < draws; d++) {
    const set = sampleWithoutReplacement(candidates, k, random);
    let s = 0;
    for (const i of set) s += unconditional[i] as number;
    if (s / k < analogueMean) worse++;
  }
  return { pValue: worse / draws, draws, eligible: candidates.length, setSize: k, seed };
}

export interface Contribution {
  position: number;
  /** value_i × r_i in the base currency. */
  pnl: number;
  /** value_i × r_i / Σ value: the position's share of the book's return. */
  contribution: number;
}

export interface AnalogueOutcome {
  key: string;
  /** The book's return: Σ value_i r_i / Σ value. */
  return: number;
  pnl: number;
  /** The three positions with the largest |P&L|, largest first. */
  topContributors: Contribution[];
  proxiedPositions: number[];
}

export interface PositionContribution {
  position: number;
  /** Mean over the analogues of value_i × r_i. */
  meanPnl: number;
  meanContribution: number;
  /** Median over the analogues of the position's own base-currency return. */
  medianReturn: number;
  /** Analogues in which the position was proxied. */
  proxiedIn: number;
}

export interface AnalogueScenario {
  netValue: number;
  window: SessionWindow;
  analogues: AnalogueOutcome[];
  /** Per position, sorted by mean P&L, worst first. */
  positions: PositionContribution[];
  /** Statistics of the analogues' book returns; multiply by `netValue` for P&L. */
  distribution: DistributionStats;
  bootstrap: BootstrapInterval;
  /** Same-horizon book returns from every start session on the common calendar (null when not supplied). */
  unconditional: DistributionStats | null;
  /** Conditional ES ÷ unconditional ES (null when either is undefined or the unconditional ES is not a loss). */
  tailRatio: number | null;
  placebo: AnaloguePlacebo | null;
  /** Plain words when there are too few analogues for an interval to mean much; null otherwise. */
  warning: string | null;
}

/** Scenario 1 from per-position per-analogue returns and the positions' base-currency values. */
export function analogueScenario(input: {
  positionValues: Numeric;
  analogues: readonly AnalogueReturns[];
  window: SessionWindow;
  /** `unconditionalWindowReturns` of the book, and each analogue's start on that calendar (null when outside it). */
  unconditional?: { returns: Numeric; analogueStarts: readonly (number | null)[] } | null;
  bootstrap?: { draws?: number; seed?: number; confidence?: number };
  placebo?: { draws?: number; seed?: number };
}): AnalogueScenario {
  const values = input.positionValues;
  const P = values.length;
  let netValue = 0;
  for (let i = 0; i < P; i++) netValue += values[i] as number;
  if (!(netValue > 0)) throw new AnalyticsInputError("the book's net value must be positive");
  const K = input.analogues.length;
  const outcomes: AnalogueOutcome[] = [];
  const bookReturns = new Float64Array(K);
  const sumPnl = new Float64Array(P);
  const proxiedIn = new Int32Array(P);
  const byPosition: number[][] = Array.from({ length: P }, () => []);
  input.analogues.forEach((an, k) => {
    if (an.returns.length !== P || an.proxied.length !== P) throw new AnalyticsInputError(`analogue ${an.key}: one return per position`);
    let pnl = 0;
    const contributions: Contribution[] = [];
    const proxied: number[] = [];
    for (let i = 0; i < P; i++) {
      const r = an.returns[i] as number;
      if (!Number.isFinite(r)) throw new AnalyticsInputError(`analogue ${an.key}: position ${i} has no return`);
      const v = (values[i] as number) * r;
      pnl += v;
      sumPnl[i] = (sumPnl[i] as number) + v;
      byPosition[i]!.push(r);
      contributions.push({ position: i, pnl: v, contribution: v / netValue });
      if (an.proxied[i]) {
        proxied.push(i);
        proxiedIn[i] = (proxiedIn[i] as number) + 1;
      }
    }
    contributions.sort((x, y) => Math.abs(y.pnl) - Math.abs(x.pnl) || x.position - y.position);
    bookReturns[k] = pnl / netValue;
    outcomes.push({ key: an.key, return: pnl / netValue, pnl, topContributors: contributions.slice(0, 3), proxiedPositions: proxied });
  });
  const positions: PositionContribution[] = Array.from({ length: P }, (_, i) => ({
    position: i,
    meanPnl: K === 0 ? NaN : (sumPnl[i] as number) / K,
    meanContribution: K === 0 ? NaN : (sumPnl[i] as number) / K / netValue,
    medianReturn: quantileLinearSorted(Float64Array.from(byPosition[i]!).sort(), 0.5),
    proxiedIn: proxiedIn[i] as number,
  })).sort((x, y) => x.meanPnl - y.meanPnl || x.position - y.position);
  const distribution = distributionStats(bookReturns);
  const bootstrap = bootstrapMeanAndES(bookReturns, input.bootstrap);
  let unconditional: DistributionStats | null = null;
  let tailRatio: number | null = null;
  let placebo: AnaloguePlacebo | null = null;
  if (input.unconditional) {
    unconditional = distributionStats(input.unconditional.returns);
    const u = unconditional.expectedShortfall;
    const c = distribution.expectedShortfall;
    tailRatio = Number.isFinite(u) && Number.isFinite(c) && u < 0 ? c / u : null;
    const starts = input.unconditional.analogueStarts.filter((s): s is number => s !== null);
    placebo = analoguePlacebo(input.unconditional.returns, starts, distribution.mean, K, input.window, input.placebo);
  }
  const warning =
    K < MIN_ANALOGUES
      ? `Only ${K} analogue${K === 1 ? "" : "s"}: at least ${MIN_ANALOGUES} are needed for a confidence interval to mean anything, so read these figures as anecdotes.`
      : null;
  return { netValue, window: input.window, analogues: outcomes, positions, distribution, bootstrap, unconditional, tailRatio, placebo, warning };
}

/** OLS slope β = Cov(r_i, r_m) / Var(r_m) of aligned returns (sample moments; NaN with fewer than 2 or a flat benchmark). */
export function betaToBenchmark(asset: Numeric, benchmark: Numeric): number {
  const n = asset.length;
  if (n !== benchmark.length) throw new AnalyticsInputError("align asset and benchmark returns first");
  if (n < 2) return NaN;
  const ma = mean(asset);
  const mb = mean(benchmark);
  let c = 0;
  let v = 0;
  for (let t = 0; t < n; t++) {
    const db = (benchmark[t] as number) - mb;
    c += ((asset[t] as number) - ma) * db;
    v += db * db;
  }
  return v > 0 ? c / v : NaN;
}

/** The proxy for a position without data over an analogue's window: β × the benchmark's return over that window. */
export function betaProxyReturn(beta: number, benchmarkWindowReturn: number): number {
  return beta * benchmarkWindowReturn;
}
