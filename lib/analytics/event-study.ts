// Event study for one (event, asset) pair after MacKinlay (1997): estimate normal returns on the estimation window,
// then abnormal returns, CARs and their tests on the event window.

import { reportingWindows, type EventStudyConfig, type EventStudyModel, type EventWindow } from "./event-study-config";
import { averageRanksInto } from "./ranks";
import { normalTwoSidedP, studentTTwoSidedP } from "./special-functions";
import { fitNormalModel } from "./normal-model";
import { AnalyticsInputError } from "./types";

/** Aligned returns of one asset and its benchmark (see `alignedReturns`); index i is the return ending on dates[i]. */
export interface EventStudyData {
  dates: readonly string[];
  asset: Float64Array;
  benchmark: Float64Array;
}

export interface CarWindowStats {
  window: EventWindow;
  days: number;
  /** Σ AR over the window. */
  car: number;
  /** √Var(CAR), the exact variance including estimation error (see docs/methodology.md). */
  sd: number;
  /** CAR / sd against Student t with `df` degrees of freedom. */
  t: number;
  p: number;
  /** Patell: Σ SAR / √(w·df/(df−2)), N(0,1). */
  patellZ: number;
  patellP: number;
  /** Corrado rank test (Campbell–Wasley multi-day form), N(0,1). */
  rankZ: number;
  rankP: number;
  /** Generalised sign test over the window's days against the estimation-window share of positive residuals, N(0,1). */
  signZ: number;
  signP: number;
  positiveDays: number;
}

export interface EventStudyOk {
  status: "ok";
  model: EventStudyModel;
  /** Index of day 0 in the aligned returns, and its date. */
  day0Index: number;
  day0Date: string;
  eventWindow: EventWindow;
  /** Market model α̂, β̂; constant-mean: α = mean return, β = 0; market-adjusted: α = 0, β = 1. */
  alpha: number;
  beta: number;
  /** σ̂_ε = √(Σε²/df). */
  sigma: number;
  /** Degrees of freedom of σ̂_ε: L1 − 2 (market model) or L1 − 1 (constant-mean, market-adjusted). */
  df: number;
  /** L1: estimation returns actually used. */
  estimationN: number;
  /** τ of the first estimation return (T0, or later when data start later). */
  estimationStart: number;
  estimationEnd: number;
  /** Estimation residuals ε_t (market-adjusted: R − R_m), in event time from estimationStart. */
  estimationResiduals: Float64Array;
  /** Share of positive estimation residuals: the generalised sign test's p̂. */
  positiveResidualShare: number;
  /** Event-window dates. */
  eventDates: string[];
  /** AR_τ for τ = eventWindow[0] … eventWindow[1]. */
  ar: Float64Array;
  /** Per-day forecast-error-corrected Var(AR_τ) = σ̂²·C_τ. */
  arVariance: Float64Array;
  /** Standardised AR_τ / √Var(AR_τ) (Patell). */
  sar: Float64Array;
  /** R_mτ − μ̂_m on event days (market model; zeros otherwise), for exact CAR variances of any window. */
  benchmarkDeviation: Float64Array;
  /** Σ_est (R_m − μ̂_m)² (market model; NaN otherwise). */
  benchmarkSxx: number;
  /** Corrado U = K/(L+1) − ½ for estimation days then event days (L = L1 + L2, average ranks for ties). */
  rankU: Float64Array;
  /** S_U = √((1/L) Σ U²), the rank test's scale. */
  rankScale: number;
  windows: CarWindowStats[];
}

export type EventStudyFailureStatus =
  | "insufficient-estimation-data"
  | "insufficient-event-data"
  | "degenerate-benchmark";

export interface EventStudyFailure {
  status: EventStudyFailureStatus;
  message: string;
  day0Index: number;
  estimationN: number;
}

export type EventStudyResult = EventStudyOk | EventStudyFailure;

// Temporaries of the rank test, reused across calls: a 50,000-pair run would otherwise allocate two arrays per pair.
let rankInput = new Float64Array(0);
let rankOutput = new Float64Array(0);

function fail(status: EventStudyFailureStatus, message: string, day0Index: number, estimationN: number): EventStudyFailure {
  return { status, message, day0Index, estimationN };
}

/**
 * Runs the study for day 0 at `day0Index` of the aligned returns. The estimation window is cut at the start of the
 * data and must keep `minEstimationObservations` returns; the whole event window must be inside the data.
 */
export function eventStudyAt(data: EventStudyData, day0Index: number, config: EventStudyConfig): EventStudyResult {
  const { asset: y, benchmark: x } = data;
  const n = y.length;
  if (x.length !== n || data.dates.length !== n) throw new AnalyticsInputError("asset, benchmark and dates differ in length");
  if (!Number.isInteger(day0Index)) throw new AnalyticsInputError("day0Index must be an integer");
  const [t0, t1] = config.estimationWindow;
  const [e0, e1] = config.eventWindow;
  const estFrom = Math.max(0, day0Index + t0);
  const estTo = Math.min(n, day0Index + t1 + 1);
  const L1 = Math.max(0, estTo - estFrom);
  if (L1 < config.minEstimationObservations) {
    return fail(
      "insufficient-estimation-data",
      `${L1} estimation returns available, ${config.minEstimationObservations} required`,
      day0Index,
      L1,
    );
  }
  const evFrom = day0Index + e0;
  const evTo = day0Index + e1 + 1;
  if (evFrom < 0 || evTo > n) {
    return fail("insufficient-event-data", `the event window [${e0}, ${e1}] runs past the available returns`, day0Index, L1);
  }
  const L2 = evTo - evFrom;
  const model = config.model;

  const fit = fitNormalModel(x, y, estFrom, estTo, model);
  if (!fit) return fail("degenerate-benchmark", "the benchmark return is constant over the estimation window", day0Index, L1);
  const { alpha, beta, mx, sxx, df } = fit;

  // Every array the result keeps shares one allocation: one backing store per study instead of six.
  const store = new Float64Array(L1 + 4 * L2 + (L1 + L2));
  const residuals = store.subarray(0, L1);
  let sse = 0;
  let positives = 0;
  let residualSum = 0;
  for (let k = 0; k < L1; k++) {
    const i = estFrom + k;
    const e = (y[i] as number) - alpha - beta * (x[i] as number);
    residuals[k] = e;
    residualSum += e;
    if (e > 0) positives++;
  }
  // Market-adjusted residuals need not average zero, so σ̂ is their sample sd; for OLS models the mean is ~0 anyway.
  const residualMean = model === "market-adjusted" ? residualSum / L1 : 0;
  for (let k = 0; k < L1; k++) {
    const d = (residuals[k] as number) - residualMean;
    sse += d * d;
  }
  const sigma2 = sse / df;
  const sigma = Math.sqrt(sigma2);

  const ar = store.subarray(L1, L1 + L2);
  const arVariance = store.subarray(L1 + L2, L1 + 2 * L2);
  const sar = store.subarray(L1 + 2 * L2, L1 + 3 * L2);
  const benchmarkDeviation = store.subarray(L1 + 3 * L2, L1 + 4 * L2);
  const eventDates: string[] = new Array<string>(L2);
  for (let k = 0; k < L2; k++) {
    const i = evFrom + k;
    const xi = x[i] as number;
    const a = (y[i] as number) - alpha - beta * xi;
    let c: number;
    if (model === "market") {
      const dx = xi - mx;
      benchmarkDeviation[k] = dx;
      c = 1 + 1 / L1 + (dx * dx) / sxx;
    } else if (model === "constant-mean") c = 1 + 1 / L1;
    else c = 1;
    ar[k] = a;
    arVariance[k] = sigma2 * c;
    sar[k] = a / Math.sqrt(sigma2 * c);
    eventDates[k] = data.dates[i] as string;
  }

  const L = L1 + L2;
  if (rankInput.length < L) {
    rankInput = new Float64Array(L);
    rankOutput = new Float64Array(L);
  }
  const combined = rankInput.length === L ? rankInput : rankInput.subarray(0, L);
  combined.set(residuals, 0);
  combined.set(ar, L1);
  const ranks = averageRanksInto(combined, rankOutput);
  const rankU = store.subarray(L1 + 4 * L2, L1 + 4 * L2 + L);
  const scale = 1 / (L1 + L2 + 1);
  let u2 = 0;
  for (let k = 0; k < rankU.length; k++) {
    const u = (ranks[k] as number) * scale - 0.5;
    rankU[k] = u;
    u2 += u * u;
  }

  const result: EventStudyOk = {
    status: "ok",
    model,
    day0Index,
    day0Date: data.dates[day0Index] as string,
    eventWindow: config.eventWindow,
    alpha,
    beta,
    sigma,
    df,
    estimationN: L1,
    estimationStart: estFrom - day0Index,
    estimationEnd: estTo - 1 - day0Index,
    estimationResiduals: residuals,
    positiveResidualShare: positives / L1,
    eventDates,
    ar,
    arVariance,
    sar,
    benchmarkDeviation,
    benchmarkSxx: sxx,
    rankU,
    rankScale: Math.sqrt(u2 / rankU.length),
    windows: [],
  };
  result.windows = reportingWindows(config).map((w) => carWindowStats(result, w));
  return result;
}

/** CAR and its tests over [τ1, τ2] ⊆ event window, from a computed study. */
export function carWindowStats(study: EventStudyOk, window: EventWindow): CarWindowStats {
  const [e0, e1] = study.eventWindow;
  const [a, b] = window;
  if (a < e0 || b > e1 || a > b) throw new AnalyticsInputError(`window [${a}, ${b}] is outside the event window`);
  const from = a - e0;
  const to = b - e0 + 1;
  const w = to - from;
  const L1 = study.estimationN;
  const sigma2 = study.sigma * study.sigma;
  let car = 0;
  let csar = 0;
  let dev = 0;
  let positiveDays = 0;
  let uSum = 0;
  for (let k = from; k < to; k++) {
    const v = study.ar[k] as number;
    car += v;
    csar += study.sar[k] as number;
    dev += study.benchmarkDeviation[k] as number;
    if (v > 0) positiveDays++;
    uSum += study.rankU[L1 + k] as number;
  }
  let variance: number;
  if (study.model === "market") variance = sigma2 * (w + (w * w) / L1 + (dev * dev) / study.benchmarkSxx);
  else if (study.model === "constant-mean") variance = sigma2 * (w + (w * w) / L1);
  else variance = sigma2 * w;
  const sd = Math.sqrt(variance);
  const t = car / sd;
  const df = study.df;
  const patellZ = csar / Math.sqrt((w * df) / (df - 2));

  const rankZ = uSum / (Math.sqrt(w) * study.rankScale);

  const p0 = study.positiveResidualShare;
  const signZ = (positiveDays - w * p0) / Math.sqrt(w * p0 * (1 - p0));
  return {
    window,
    days: w,
    car,
    sd,
    t,
    p: studentTTwoSidedP(t, df),
    patellZ,
    patellP: normalTwoSidedP(patellZ),
    rankZ,
    rankP: normalTwoSidedP(rankZ),
    signZ,
    signP: normalTwoSidedP(signZ),
    positiveDays,
  };
}

/** Cumulative AR path CAR(e0, τ) over the event window. */
export function cumulativeAbnormalReturns(study: EventStudyOk): Float64Array {
  const out = new Float64Array(study.ar.length);
  let s = 0;
  for (let k = 0; k < out.length; k++) {
    s += study.ar[k] as number;
    out[k] = s;
  }
  return out;
}
