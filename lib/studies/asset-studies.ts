// Every event linked to one asset with the two CARs an analyst scans first — [−1, +1] and [−5, +5] — their
// significance and how unusual each was against the asset's own non-event days (placebo percentile).
import "server-only";
import { cache } from "react";
import { resolveEventStudyConfig, type EventWindow, type ExpectedDirection, type HypothesisScore } from "@/lib/analytics";
import { eventDateOnExchange } from "@/lib/prices/day-zero";
import { ALPHA, PLACEBO_DRAWS, PLACEBO_SEED, studyEventOnAsset } from "./asset-event-study";
import { prepareAsset } from "./series-selection";
import { type StudyStatus } from "./dto";
import { windowLabel, type Num } from "./dto";
import { STUDY_ASSET_SELECT } from "@/lib/assets/study-asset-select";
import { loadAdjustedCloses } from "@/lib/prices/adjusted-closes";
import { describeConfig } from "./study-params";
import { readDb } from "@/lib/db/read-routing";
import type { DataSource, TimePrecision } from "@/lib/enums";

const WINDOWS: readonly EventWindow[] = [
  [-1, 1],
  [-5, 5],
];

export interface CarCell {
  window: [number, number];
  label: string;
  car: Num;
  t: Num;
  p: Num;
  significant: boolean;
  placeboPercentile: Num;
  placeboP: Num;
  placeboDraws: number;
}

export interface AssetEventStudyRow {
  event: { id: number; title: string; occurredAt: string; timePrecision: TimePrecision; category: string; severity: number };
  direction: ExpectedDirection;
  /** The event's calendar date on the asset's exchange. */
  eventDate: string;
  /** Day 0 by the one rule (`dayZero`): the asset's reacting session, moved to the next one its benchmark traded. */
  day0Session: string | null;
  /** The sentence saying the benchmark's calendar moved day 0, or null. */
  day0Note: string | null;
  status: StudyStatus;
  summary: string;
  estimationN: number | null;
  cars: CarCell[];
  /** Scored on CAR[−1, +1]. */
  hypothesis: HypothesisScore | null;
}

export interface AssetEventStudies {
  asset: { id: number; symbol: string; name: string; source: DataSource };
  model: "market" | "constant-mean" | "market-adjusted";
  modelNote: string | null;
  benchmark: { symbol: string; name: string } | null;
  /** "market model, estimation [−250, −11], event window [−10, +10]; benchmark ^GSPC; placebo 1,000 draws, seed 1". */
  caption: string;
  sessionClose: { close: string; timeZone: string; basis: string };
  rows: AssetEventStudyRow[];
}

/**
 * Studies (default settings) of every live event exposing the asset, oldest first; null for an unknown asset. Cached
 * per request: the asset page's chart tooltips and its studies table read the same figures.
 */
export const eventStudiesForAsset = cache(async function eventStudiesForAsset(assetId: number): Promise<AssetEventStudies | null> {
  const asset = await readDb().asset.findUnique({ where: { id: assetId }, select: STUDY_ASSET_SELECT });
  if (!asset) return null;
  const exposures = await readDb().exposure.findMany({
    where: { assetId, event: { deletedAt: null } },
    select: {
      direction: true,
      event: { select: { id: true, title: true, occurredAt: true, timePrecision: true, category: true, severity: true } },
    },
    orderBy: [{ event: { occurredAt: "asc" } }, { eventId: "asc" }],
  });
  const config = resolveEventStudyConfig();
  const prices = await loadAdjustedCloses(asset.benchmark ? [asset.id, asset.benchmark.id] : [asset.id]);
  const prepared = prepareAsset(asset, prices, config.model);
  const events = exposures.map((x) => x.event);
  const rows = exposures.map(({ direction, event }): AssetEventStudyRow => {
    const r = studyEventOnAsset({ prepared, event, direction, config, otherEvents: events, verdictWindow: [-1, 1], placeboWindows: WINDOWS });
    const cars = WINDOWS.flatMap((w): CarCell[] => {
      const stats = r.study?.windows.find((s) => s.window[0] === w[0] && s.window[1] === w[1]);
      if (!stats) return [];
      const placebo = r.placebo.find((p) => p.window[0] === w[0] && p.window[1] === w[1]);
      return [
        {
          window: [w[0], w[1]],
          label: windowLabel(w),
          car: stats.car,
          t: stats.t,
          p: stats.p,
          significant: stats.significant,
          placeboPercentile: placebo?.percentile ?? null,
          placeboP: placebo?.pValue ?? null,
          placeboDraws: placebo?.draws ?? 0,
        },
      ];
    });
    return {
      event: { ...event, occurredAt: event.occurredAt.toISOString() },
      direction,
      eventDate: eventDateOnExchange(event, prepared.session.timeZone),
      day0Session: r.dayZero?.date ?? r.day0Session,
      day0Note: r.dayZero?.disclosure ?? null,
      status: r.status,
      summary: r.summary,
      estimationN: r.study?.estimationN ?? null,
      cars,
      hypothesis: r.hypothesis?.score ?? null,
    };
  });
  const bench = prepared.benchmark ? `benchmark ${prepared.benchmark.symbol}` : "no benchmark";
  return {
    asset: { id: asset.id, symbol: asset.symbol, name: asset.name, source: asset.source },
    model: prepared.model,
    modelNote: prepared.modelNote,
    benchmark: prepared.benchmark,
    caption: `${describeConfig(config, prepared.model)}; ${bench}; simple returns of adjusted closes; t test at α = ${ALPHA}; placebo ${PLACEBO_DRAWS.toLocaleString("en-US")} random non-event days, seed ${PLACEBO_SEED}`,
    sessionClose: prepared.session,
    rows,
  };
});
