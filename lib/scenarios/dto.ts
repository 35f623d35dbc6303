// Scenario results as JSON-safe values (undefined statistics are null) and the plain-language summary of Scenario 1.
import type { DistributionStats } from "@/lib/analytics";
import { num, windowLabel, type Num } from "@/lib/studies/dto";
import type { ResolvedPosition } from "./book";
import type { AnalogueScenarioResult } from "./analogues";

export { num, type Num };

export interface StatsJson {
  n: number;
  mean: Num;
  median: Num;
  worst: Num;
  best: Num;
  /** 10 % quantile (type 7). */
  quantile: Num;
  /** Mean of the worst 20 % (a loss is negative). */
  expectedShortfall: Num;
}

export function statsJson(s: DistributionStats): StatsJson {
  return { n: s.n, mean: num(s.mean), median: num(s.median), worst: num(s.worst), best: num(s.best), quantile: num(s.quantile), expectedShortfall: num(s.expectedShortfall) };
}

/** A resolved position as JSON: everything but the asset's internals, plus its share of the book. */
export type PositionJson = Omit<ResolvedPosition, "asset"> & {
  /** value / net value. */
  share: number;
};

export function positionJson({ asset: _asset, ...p }: ResolvedPosition, netValue: number): PositionJson {
  return { ...p, share: p.value / netValue };
}

const pct = (x: number, digits = 1) => `${x < 0 ? "−" : ""}${Math.abs(100 * x).toFixed(digits)} %`;

/**
 * "Across 9 analogues, this book lost 2.1 % on average over [0, +5] (90 % CI −3.4 % … −0.8 %), 2.6× its usual 6-session
 * expected shortfall; a loss this large on random dates: 3 %."
 */
export function describeAnalogueScenario(r: AnalogueScenarioResult): string {
  const n = r.analogues.length;
  const m = r.distribution.mean;
  if (n === 0 || m === null) return "No analogue could be computed for this book.";
  const [lo, hi] = r.bootstrap.mean;
  const verb = m < 0 ? "lost" : "gained";
  const sessions = r.parameters.horizon[1] - r.parameters.horizon[0] + 1;
  let s = `Across ${n} analogue${n === 1 ? "" : "s"}, this book ${verb} ${pct(Math.abs(m))} on average over ${windowLabel(r.parameters.horizon)}`;
  if (n >= 3 && lo !== null && hi !== null) s += ` (${Math.round(100 * r.bootstrap.confidence)} % CI ${pct(lo)} … ${pct(hi)})`;
  if (r.tailRatio !== null) s += `, ${r.tailRatio.toFixed(1)}× its usual ${sessions}-session expected shortfall`;
  if (r.placebo && r.placebo.pValue !== null) {
    const share = `${Math.round(100 * r.placebo.pValue)} %`;
    s += m < 0 ? `; a loss this large on random dates: ${share}` : `; random dates did worse ${share} of the time`;
  }
  s += ".";
  if (r.warning) s += ` ${r.warning}`;
  return s;
}
