// Study results as plain JSON-safe values: the same objects feed the pages (across the server/client boundary) and the
// JSON API. Undefined statistics (NaN, ±∞) become null, as docs/methodology.md promises.
import {
  abnormalReturnBands,
  type AggregateWindowStats,
  type CarWindowStats,
  type EventStudyModel,
  type EventStudyOk,
  type EventWindow,
  type ExpectedDirection,
  type HypothesisScore,
} from "@/lib/analytics";

export type Num = number | null;

/** Finite numbers pass; NaN and ±∞ become null, and −0 becomes 0 so JSON round-trips exactly. */
export function num(x: number): Num {
  return Number.isFinite(x) ? x + 0 : null;
}

export function nums(values: ArrayLike<number>): Num[] {
  const out = new Array<Num>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = num(values[i] as number);
  return out;
}

/** [τ1, τ2] written with real minus signs, e.g. "[−1, +1]". */
export function windowLabel(w: EventWindow | readonly [number, number]): string {
  const f = (t: number) => (t > 0 ? `+${t}` : t < 0 ? `−${-t}` : "0");
  return `[${f(w[0])}, ${f(w[1])}]`;
}

export interface CarWindowJson {
  window: [number, number];
  label: string;
  days: number;
  car: Num;
  sd: Num;
  t: Num;
  p: Num;
  patellZ: Num;
  patellP: Num;
  rankZ: Num;
  rankP: Num;
  signZ: Num;
  signP: Num;
  positiveDays: number;
  /** p < α on the parametric t test. */
  significant: boolean;
}

export function carWindowJson(s: CarWindowStats, alpha: number): CarWindowJson {
  return {
    window: [s.window[0], s.window[1]],
    label: windowLabel(s.window),
    days: s.days,
    car: num(s.car),
    sd: num(s.sd),
    t: num(s.t),
    p: num(s.p),
    patellZ: num(s.patellZ),
    patellP: num(s.patellP),
    rankZ: num(s.rankZ),
    rankP: num(s.rankP),
    signZ: num(s.signZ),
    signP: num(s.signP),
    positiveDays: s.positiveDays,
    significant: s.p < alpha,
  };
}

export interface AggregateWindowJson {
  window: [number, number];
  label: string;
  n: number;
  caar: Num;
  crossSectionalT: Num;
  crossSectionalP: Num;
  patellZ: Num;
  patellP: Num;
  bmpT: Num;
  bmpP: Num;
  kpT: Num;
  kpP: Num;
  rankZ: Num;
  rankP: Num;
  signZ: Num;
  signP: Num;
  positiveCount: number;
  /** Judged on Kolari–Pynnönen's p (equal to BMP's when no two studies share a day 0). */
  significant: boolean;
}

export function aggregateWindowJson(s: AggregateWindowStats, alpha: number): AggregateWindowJson {
  return {
    window: [s.window[0], s.window[1]],
    label: windowLabel(s.window),
    n: s.n,
    caar: num(s.caar),
    crossSectionalT: num(s.crossSectionalT),
    crossSectionalP: num(s.crossSectionalP),
    patellZ: num(s.patellZ),
    patellP: num(s.patellP),
    bmpT: num(s.bmpT),
    bmpP: num(s.bmpP),
    kpT: num(s.kpT),
    kpP: num(s.kpP),
    rankZ: num(s.rankZ),
    rankP: num(s.rankP),
    signZ: num(s.signZ),
    signP: num(s.signP),
    positiveCount: s.positiveCount,
    significant: s.kpP < alpha,
  };
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

export function studyJson(ok: EventStudyOk, alpha: number): StudyJson {
  const bands = abnormalReturnBands(ok, alpha);
  const path: PathPoint[] = bands.path.map((p) => ({
    tau: p.tau,
    date: p.date,
    ar: num(p.ar),
    arLow: num(p.arLow),
    arHigh: num(p.arHigh),
    car: num(p.car),
    carLow: num(p.carLow),
    carHigh: num(p.carHigh),
  }));
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
    criticalT: bands.criticalT,
    path,
    windows: ok.windows.map((w) => carWindowJson(w, alpha)),
  };
}
