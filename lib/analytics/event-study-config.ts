// Windows, model and minimum data of an event study, with the defaults used by eventstudytools.com.

import { AnalyticsInputError } from "./types";

export type EventStudyModel = "market" | "constant-mean" | "market-adjusted";

/** An inclusive window [τ1, τ2] in trading sessions relative to day 0. */
export type EventWindow = readonly [number, number];

export interface EventStudyConfig {
  /** Estimation window [T0, T1], default [−250, −11]. */
  estimationWindow: EventWindow;
  /** Event window [T1 + 1 … , T2], default [−10, +10]; must not overlap the estimation window. */
  eventWindow: EventWindow;
  /** Fewer estimation returns than this → status "insufficient-estimation-data". Default 100. */
  minEstimationObservations: number;
  /** Normal-return model, default the market model. */
  model: EventStudyModel;
  /** Reporting windows, default [0,0], [0,+1], [−1,+1], [−5,+5], [−10,+10]; those outside the event window are skipped. */
  carWindows: readonly EventWindow[];
  /** Extra analyst windows; each must lie inside the event window. */
  customWindows: readonly EventWindow[];
}

export const STANDARD_CAR_WINDOWS: readonly EventWindow[] = [
  [0, 0],
  [0, 1],
  [-1, 1],
  [-5, 5],
  [-10, 10],
];

export const DEFAULT_EVENT_STUDY_CONFIG: EventStudyConfig = {
  estimationWindow: [-250, -11],
  eventWindow: [-10, 10],
  minEstimationObservations: 100,
  model: "market",
  carWindows: STANDARD_CAR_WINDOWS,
  customWindows: [],
};

function isWindow(w: EventWindow): boolean {
  return Number.isInteger(w[0]) && Number.isInteger(w[1]) && w[0] <= w[1];
}

/** Fills defaults and rejects impossible windows. */
export function resolveEventStudyConfig(partial: Partial<EventStudyConfig> = {}): EventStudyConfig {
  const config: EventStudyConfig = { ...DEFAULT_EVENT_STUDY_CONFIG, ...partial };
  const [t0, t1] = config.estimationWindow;
  const [e0, e1] = config.eventWindow;
  if (!isWindow(config.estimationWindow) || !isWindow(config.eventWindow)) {
    throw new AnalyticsInputError("windows must be integer [start, end] with start ≤ end");
  }
  if (t1 >= e0) throw new AnalyticsInputError("the estimation window must end before the event window starts");
  if (!Number.isInteger(config.minEstimationObservations) || config.minEstimationObservations < 5) {
    throw new AnalyticsInputError("minEstimationObservations must be an integer ≥ 5");
  }
  if (config.minEstimationObservations > t1 - t0 + 1) {
    throw new AnalyticsInputError("minEstimationObservations exceeds the estimation window length");
  }
  for (const w of config.customWindows) {
    if (!isWindow(w) || w[0] < e0 || w[1] > e1) throw new AnalyticsInputError(`custom window [${w[0]}, ${w[1]}] is outside the event window`);
  }
  return config;
}

const windowCache = new WeakMap<EventStudyConfig, EventWindow[]>();

/** Reporting windows inside the event window, standard first, without duplicates (memoised per config object). */
export function reportingWindows(config: EventStudyConfig): EventWindow[] {
  const cached = windowCache.get(config);
  if (cached) return cached;
  const out = computeReportingWindows(config);
  windowCache.set(config, out);
  return out;
}

function computeReportingWindows(config: EventStudyConfig): EventWindow[] {
  const [e0, e1] = config.eventWindow;
  const seen = new Set<string>();
  const out: EventWindow[] = [];
  for (const w of [...config.carWindows, ...config.customWindows]) {
    const key = `${w[0]},${w[1]}`;
    if (w[0] < e0 || w[1] > e1 || seen.has(key)) continue;
    seen.add(key);
    out.push(w);
  }
  return out;
}
