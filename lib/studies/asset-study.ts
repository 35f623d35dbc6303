// One asset's side of every study: which series and model it is studied with, where an event's day 0 falls on its
// sessions, and the study, placebo and hypothesis verdict for one event — shared by the event, asset and theme views.
import "server-only";
import {
  carWindowStats,
  describeCar,
  eventStudyAt,
  indexOnOrAfter,
  placeboTest,
  prepareEventStudyData,
  scoreHypothesis,
  studentTTwoSidedP,
  type EventStudyConfig,
  type EventStudyData,
  type EventStudyModel,
  type EventStudyOk,
  type EventWindow,
  type ExpectedDirection,
  type HypothesisScore,
} from "@/lib/analytics";
import { dayZero } from "@/lib/prices/day-zero";
import { sessionCloseFor, type SessionClose } from "@/lib/prices/exchange-hours";
import { carWindowJson, num, windowLabel, type CarWindowJson, type Num } from "./json";
import type { PriceSeries } from "@/lib/prices/adjusted-closes";
import { MODEL_LABEL } from "./study-params";

/** Significance level for every verdict and band. */
export const ALPHA = 0.05;
export const PLACEBO_DRAWS = 1000;
export const PLACEBO_SEED = 1;

export interface StudyAsset {
  id: number;
  symbol: string;
  name: string;
  source: "YAHOO" | "CSV" | "DEMO";
  exchange: string;
  timeZone: string;
  assetClass: string;
  benchmark: { id: number; symbol: string; name: string } | null;
}

export interface StudyEventRef {
  id: number;
  occurredAt: Date;
  timePrecision: "EXACT" | "DAY";
}

export interface PreparedAsset {
  asset: StudyAsset;
  /** The asset's own sessions (dates with a usable price). */
  sessions: string[];
  /** Aligned returns the study runs on; null when there are too few prices. */
  data: EventStudyData | null;
  model: EventStudyModel;
  /** Why the model differs from the one asked for, in words for a caption. */
  modelNote: string | null;
  /** The benchmark actually used (null for the constant-mean model). */
  benchmark: { symbol: string; name: string } | null;
  session: SessionClose;
  droppedAssetDates: number;
  droppedBenchmarkDates: number;
  problem: string | null;
}

/**
 * Chooses the series and model for an asset. Without a benchmark (FX pairs in the seed) or without benchmark prices,
 * the market and market-adjusted models are impossible, so the constant-mean model is used and the note says so. The
 * constant-mean model needs no benchmark, so the asset is then studied on its own sessions rather than losing the days
 * a benchmark did not trade.
 */
export function prepareAsset(asset: StudyAsset, prices: Map<number, PriceSeries>, requested: EventStudyModel): PreparedAsset {
  const own = prices.get(asset.id) ?? { dates: [], values: new Float64Array(0) };
  const benchmarkPrices = asset.benchmark ? (prices.get(asset.benchmark.id) ?? null) : null;
  let model = requested;
  let modelNote: string | null = null;
  if (requested !== "constant-mean" && !asset.benchmark) {
    model = "constant-mean";
    modelNote = `${asset.symbol} has no benchmark, so the constant-mean model is used instead of the ${MODEL_LABEL[requested]}.`;
  } else if (requested !== "constant-mean" && asset.benchmark && (benchmarkPrices?.dates.length ?? 0) < 2) {
    model = "constant-mean";
    modelNote = `Its benchmark ${asset.benchmark.symbol} has no prices yet, so the constant-mean model is used instead of the ${MODEL_LABEL[requested]}.`;
  }
  const base = { asset, sessions: own.dates, model, modelNote, session: sessionCloseFor(asset) };
  if (own.dates.length < 3) {
    return {
      ...base,
      data: null,
      benchmark: null,
      droppedAssetDates: 0,
      droppedBenchmarkDates: 0,
      problem: own.dates.length === 0 ? `No prices stored for ${asset.symbol} yet.` : `Only ${own.dates.length} prices stored for ${asset.symbol}.`,
    };
  }
  const useBenchmark = model !== "constant-mean" && asset.benchmark && benchmarkPrices;
  // The constant-mean model ignores the benchmark column; the asset's own returns fill it so the shapes match.
  const data = prepareEventStudyData(own, useBenchmark ? benchmarkPrices : own);
  return {
    ...base,
    data,
    benchmark: useBenchmark && asset.benchmark ? { symbol: asset.benchmark.symbol, name: asset.benchmark.name } : null,
    droppedAssetDates: data.droppedAssetDates.length,
    droppedBenchmarkDates: data.droppedBenchmarkDates.length,
    problem: null,
  };
}

/** The asset session that first reacts to the event (day 0 with the exchange's close), or null. */
export function day0Session(prepared: PreparedAsset, event: StudyEventRef): string | null {
  const i = dayZero(event, prepared.sessions, prepared.session);
  return i === null ? null : (prepared.sessions[i] ?? null);
}

/** Index of the event's day 0 in the aligned returns, or null when the event is after the data. */
export function day0Index(prepared: PreparedAsset, event: StudyEventRef): number | null {
  if (!prepared.data) return null;
  const session = day0Session(prepared, event);
  return session === null ? null : indexOnOrAfter(prepared.data.dates, session);
}

export interface PathPoint {
  tau: number;
  date: string;
  ar: Num;
  /** AR ± t_{df, 0.975}·√Var(AR_τ). */
  arLow: Num;
  arHigh: Num;
  /** CAR from the start of the event window to τ, with its exact-variance band. */
  car: Num;
  carLow: Num;
  carHigh: Num;
}

export interface StudyJson {
  model: EventStudyModel;
  day0Date: string;
  eventWindow: [number, number];
  /** Estimation window actually used (cut at the start of the data). */
  estimationWindow: [number, number];
  alpha: Num;
  beta: Num;
  sigma: Num;
  df: number;
  estimationN: number;
  /** Two-sided 95 % Student-t critical value with the model's df, used for the bands. */
  criticalT: number;
  path: PathPoint[];
  windows: CarWindowJson[];
}

export interface PlaceboJson {
  window: [number, number];
  label: string;
  percentile: Num;
  pValue: Num;
  draws: number;
  eligible: number;
  seed: number;
}

export interface HypothesisJson {
  direction: ExpectedDirection;
  window: [number, number];
  score: HypothesisScore;
  car: Num;
  p: Num;
}

export type StudyStatus =
  | "ok"
  | "no-prices"
  | "event-after-data"
  | "insufficient-estimation-data"
  | "insufficient-event-data"
  | "degenerate-benchmark";

export interface AssetEventResult {
  status: StudyStatus;
  /** Plain-language outcome: the verdict sentence, or why there is none. */
  summary: string;
  /** The asset session day 0 was placed on (before alignment with the benchmark), null after the data. */
  day0Session: string | null;
  ok: EventStudyOk | null;
  study: StudyJson | null;
  placebo: PlaceboJson[];
  hypothesis: HypothesisJson | null;
}

const criticalCache = new Map<number, number>();

/** t with P(|T| ≥ t) = α for `df` degrees of freedom, by bisection on the library's t distribution. */
export function studentCritical(df: number, alpha = ALPHA): number {
  const key = df * 1000 + alpha;
  const hit = criticalCache.get(key);
  if (hit !== undefined) return hit;
  let lo = 0;
  let hi = 1000;
  for (let k = 0; k < 100 && hi - lo > 1e-12; k++) {
    const mid = (lo + hi) / 2;
    if (studentTTwoSidedP(mid, df) > alpha) lo = mid;
    else hi = mid;
  }
  criticalCache.set(key, hi);
  return hi;
}

function studyJson(ok: EventStudyOk, alpha: number): StudyJson {
  const crit = studentCritical(ok.df, alpha);
  const [e0] = ok.eventWindow;
  const path: PathPoint[] = [];
  let car = 0;
  for (let k = 0; k < ok.ar.length; k++) {
    const ar = ok.ar[k] as number;
    car += ar;
    const arSd = Math.sqrt(ok.arVariance[k] as number);
    const carSd = carWindowStats(ok, [e0, e0 + k]).sd;
    path.push({
      tau: e0 + k,
      date: ok.eventDates[k] as string,
      ar: num(ar),
      arLow: num(-crit * arSd),
      arHigh: num(crit * arSd),
      car: num(car),
      carLow: num(-crit * carSd),
      carHigh: num(crit * carSd),
    });
  }
  return {
    model: ok.model,
    day0Date: ok.day0Date,
    eventWindow: [ok.eventWindow[0], ok.eventWindow[1]],
    estimationWindow: [ok.estimationStart, ok.estimationEnd],
    alpha: num(ok.alpha),
    beta: num(ok.beta),
    sigma: num(ok.sigma),
    df: ok.df,
    estimationN: ok.estimationN,
    criticalT: crit,
    path,
    windows: ok.windows.map((w) => carWindowJson(w, alpha)),
  };
}

function failure(status: StudyStatus, summary: string, session: string | null): AssetEventResult {
  return { status, summary, day0Session: session, ok: null, study: null, placebo: [], hypothesis: null };
}

/**
 * The study of one event on one asset. `otherEvents` are the asset's other real events: placebo dates avoid their
 * event windows so an actual event never serves as "normal". `placeboWindows` get a placebo each (windows outside the
 * event window are skipped); the verdict is read on `verdictWindow`.
 */
export function studyEventOnAsset(input: {
  prepared: PreparedAsset;
  event: StudyEventRef;
  direction: ExpectedDirection;
  config: EventStudyConfig;
  otherEvents: readonly StudyEventRef[];
  verdictWindow: EventWindow;
  placeboWindows: readonly EventWindow[];
  alpha?: number;
}): AssetEventResult {
  const { prepared, event, config } = input;
  const alpha = input.alpha ?? ALPHA;
  if (!prepared.data) return failure("no-prices", prepared.problem ?? "No prices.", null);
  const session = day0Session(prepared, event);
  const index = session === null ? null : indexOnOrAfter(prepared.data.dates, session);
  if (session === null || index === null) {
    const last = prepared.sessions[prepared.sessions.length - 1];
    return failure("event-after-data", `No ${prepared.asset.symbol} session after the event yet (prices end ${last}).`, session);
  }
  const studyConfig = config.model === prepared.model ? config : { ...config, model: prepared.model };
  const result = eventStudyAt(prepared.data, index, studyConfig);
  if (result.status !== "ok") {
    const why =
      result.status === "insufficient-estimation-data"
        ? `Not enough history before the event: ${result.message}.`
        : result.status === "insufficient-event-data"
          ? `The event window is not complete yet: ${result.message}.`
          : `The benchmark did not move over the estimation window, so no market model can be fitted.`;
    return failure(result.status, why, session);
  }
  const otherIndices: number[] = [];
  for (const other of input.otherEvents) {
    if (other.id === event.id) continue;
    const i = day0Index(prepared, other);
    if (i !== null) otherIndices.push(i);
  }
  const [e0, e1] = config.eventWindow;
  const placebo: PlaceboJson[] = input.placeboWindows
    .filter((w) => w[0] >= e0 && w[1] <= e1)
    .map((window) => {
      const p = placeboTest(prepared.data as EventStudyData, index, otherIndices, studyConfig, {
        window,
        draws: PLACEBO_DRAWS,
        seed: PLACEBO_SEED,
      });
      return {
        window: [window[0], window[1]],
        label: windowLabel(window),
        percentile: num(p.percentile),
        pValue: num(p.pValue),
        draws: p.placeboCars.length,
        eligible: p.eligible,
        seed: p.seed,
      };
    });
  const verdict =
    result.windows.find((w) => w.window[0] === input.verdictWindow[0] && w.window[1] === input.verdictWindow[1]) ??
    carWindowStats(result, input.verdictWindow);
  const score = scoreHypothesis(input.direction, verdict.car, verdict.p, alpha);
  return {
    status: "ok",
    summary: describeCar({ car: verdict.car, pValue: verdict.p, window: verdict.window, alpha }),
    day0Session: session,
    ok: result,
    study: studyJson(result, alpha),
    placebo,
    hypothesis: { direction: input.direction, window: [verdict.window[0], verdict.window[1]], score, car: num(verdict.car), p: num(verdict.p) },
  };
}
