// "How unusual was this move?": the same CAR on random non-event dates of the same asset.

import { fitNormalModel } from "./normal-model";
import type { EventStudyConfig, EventWindow } from "./event-study-config";
import type { EventStudyData } from "./event-study";
import { mulberry32, sampleWithoutReplacement } from "./prng";
import { AnalyticsInputError } from "./types";

export interface PlaceboResult {
  window: EventWindow;
  actualCar: number;
  /** Placebo CARs in draw order. */
  placeboCars: Float64Array;
  /** Placebo day-0 indices in draw order. */
  placeboDay0Indices: Int32Array;
  /** Candidate day-0 indices that were eligible (enough data, no overlap with a real event window). */
  eligible: number;
  /** 100 · #{placebo CAR ≤ actual} / N. */
  percentile: number;
  /** Share of placebo CARs with |CAR| ≥ |actual CAR|: how often a move this large happens on a random date. */
  shareAsLarge: number;
  /** min(1, 2·min((1 + #{≤ actual})/(N + 1), (1 + #{≥ actual})/(N + 1))). */
  pValue: number;
  seed: number;
}

/** CAR over `window` with normal returns fitted on the estimation window of a day 0 (NaN when data are short). */
export function carAt(data: EventStudyData, day0Index: number, config: EventStudyConfig, window: EventWindow): number {
  const { asset: y, benchmark: x } = data;
  const n = y.length;
  const estFrom = Math.max(0, day0Index + config.estimationWindow[0]);
  const estTo = Math.min(n, day0Index + config.estimationWindow[1] + 1);
  const L1 = estTo - estFrom;
  const from = day0Index + window[0];
  const to = day0Index + window[1] + 1;
  if (L1 < config.minEstimationObservations || from < 0 || to > n) return NaN;
  const fit = fitNormalModel(x, y, estFrom, estTo, config.model);
  if (!fit) return NaN; // constant benchmark: no market model to measure against
  const { alpha, beta } = fit;
  let car = 0;
  for (let i = from; i < to; i++) car += (y[i] as number) - alpha - beta * (x[i] as number);
  return car;
}

/**
 * Draws `draws` (default 1,000) distinct placebo day-0 indices with mulberry32(seed) among those whose full event window
 * fits the data, whose estimation window keeps the minimum observations, and whose event window does not overlap the
 * event window of any real event in `realEventDay0Indices`; fewer are used when fewer are eligible.
 */
export function placeboTest(
  data: EventStudyData,
  actualDay0Index: number,
  realEventDay0Indices: readonly number[],
  config: EventStudyConfig,
  options: { window: EventWindow; draws?: number; seed?: number },
): PlaceboResult {
  const draws = options.draws ?? 1000;
  const seed = options.seed ?? 1;
  const window = options.window;
  const [e0, e1] = config.eventWindow;
  if (window[0] < e0 || window[1] > e1) throw new AnalyticsInputError("placebo window must lie inside the event window");
  const actualCar = carAt(data, actualDay0Index, config, window);
  const span = e1 - e0;
  const real = [...realEventDay0Indices, actualDay0Index];
  const candidates: number[] = [];
  const n = data.asset.length;
  // Sessions within `span` of a real event's day 0, marked once: O(n + events × span) rather than O(n × events), which
  // an asset exposed to hundreds of events pays once per event and window.
  const nearRealEvent = new Uint8Array(n);
  for (const r of real) for (let d = Math.max(0, r - span); d <= Math.min(n - 1, r + span); d++) nearRealEvent[d] = 1;
  for (let d = Math.max(0, -e0); d + e1 < n; d++) {
    const estN = Math.min(n, d + config.estimationWindow[1] + 1) - Math.max(0, d + config.estimationWindow[0]);
    if (estN < config.minEstimationObservations) continue;
    if (nearRealEvent[d] === 0) candidates.push(d);
  }
  const chosen = sampleWithoutReplacement(candidates, draws, mulberry32(seed));
  const placeboCars = new Float64Array(chosen.length);
  let below = 0;
  let above = 0;
  let asLarge = 0;
  chosen.forEach((d, i) => {
    const c = carAt(data, d, config, window);
    placeboCars[i] = c;
    if (c <= actualCar) below++;
    if (c >= actualCar) above++;
    if (Math.abs(c) >= Math.abs(actualCar)) asLarge++;
  });
  const N = chosen.length;
  return {
    window,
    actualCar,
    placeboCars,
    placeboDay0Indices: Int32Array.from(chosen),
    eligible: candidates.length,
    percentile: N === 0 ? NaN : (100 * below) / N,
    shareAsLarge: N === 0 ? NaN : asLarge / N,
    pValue: N === 0 ? NaN : Math.min(1, 2 * Math.min((1 + below) / (N + 1), (1 + above) / (N + 1))),
    seed,
  };
}
