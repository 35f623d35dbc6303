// The study of one event on one asset: the event study, its placebo tests and the hypothesis verdict, on the series
// chosen by series-selection.ts.
import "server-only";
import {
  carWindowStats,
  describeCar,
  eventStudyAt,
  indexOnOrAfter,
  placeboTest,
  scoreHypothesis,
  type EventStudyConfig,
  type EventStudyData,
  type EventWindow,
  type ExpectedDirection,
} from "@/lib/analytics";
import { num, studyJson, windowLabel, type AssetEventResult, type PlaceboJson, type StudyStatus } from "./dto";
import { day0Index, day0Session, type PreparedAsset, type StudyEventRef } from "./series-selection";

/** Significance level for every verdict and band. */
export const ALPHA = 0.05;
export const PLACEBO_DRAWS = 1000;
export const PLACEBO_SEED = 1;

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
