// An event's study across every asset exposed to it: per asset the abnormal returns, CAR tests, placebo and verdict on
// the analyst's hypothesis, and the cross-asset aggregate. Serialisable: the event page and the JSON API share it.
import "server-only";
import { aggregateEventStudies, resolveEventStudyConfig, scoreboard, MIN_CROSS_SECTIONAL_ASSETS, TOO_FEW_ASSETS, type Scoreboard, type EventStudyConfig, type EventStudyOk, type ExpectedDirection } from "@/lib/analytics";
import { ALPHA, PLACEBO_DRAWS, PLACEBO_SEED, studyEventOnAsset } from "./asset-event-study";
import { prepareAsset, type StudyAsset } from "./series-selection";
import { type AssetEventResult } from "./dto";
import { aggregateWindowJson, nums, type AggregateWindowJson, type Num } from "./dto";
import { STUDY_ASSET_SELECT } from "@/lib/assets/study-asset-select";
import { exposedEventsByAsset } from "./exposed-events";
import { loadAdjustedCloses } from "@/lib/prices/adjusted-closes";
import { benchmarkOverride, withBenchmark } from "./benchmark-override";
import { MODEL_LABEL, primaryWindow } from "./study-params";
import { readDb } from "@/lib/db/read-routing";
import type { TimePrecision } from "@/lib/enums";

export interface StudySettingsJson {
  model: EventStudyConfig["model"];
  estimationWindow: [number, number];
  eventWindow: [number, number];
  customWindows: [number, number][];
  minEstimationObservations: number;
  /** The window verdicts, hypothesis scores and the headline placebo are read on. */
  verdictWindow: [number, number];
  alpha: number;
  placeboDraws: number;
  placeboSeed: number;
  /** The benchmark that replaced each asset's own (`benchmark=`), or null when each asset used its own. */
  benchmarkOverride: string | null;
}

export function settingsJson(config: EventStudyConfig, benchmarkOverride: string | null = null): StudySettingsJson {
  const v = primaryWindow(config);
  return {
    model: config.model,
    estimationWindow: [config.estimationWindow[0], config.estimationWindow[1]],
    eventWindow: [config.eventWindow[0], config.eventWindow[1]],
    customWindows: config.customWindows.map((w) => [w[0], w[1]]),
    minEstimationObservations: config.minEstimationObservations,
    verdictWindow: [v[0], v[1]],
    alpha: ALPHA,
    placeboDraws: PLACEBO_DRAWS,
    placeboSeed: PLACEBO_SEED,
    benchmarkOverride,
  };
}

export interface AssetStudyEntry extends Omit<AssetEventResult, "ok"> {
  asset: Pick<StudyAsset, "id" | "symbol" | "name" | "source" | "exchange" | "timeZone">;
  direction: ExpectedDirection;
  rationale: string;
  model: EventStudyConfig["model"];
  modelNote: string | null;
  benchmark: { symbol: string; name: string } | null;
  sessionClose: { close: string; timeZone: string; basis: string };
  droppedAssetDates: number;
  droppedBenchmarkDates: number;
  /** A stored index on the asset's own exchange, suggested when a foreign benchmark's calendar moved day 0. */
  suggestedBenchmark: string | null;
}

export interface AggregateJson {
  n: number;
  /** What was averaged: asset symbols for an event, event titles for a theme. */
  members: string[];
  eventWindow: [number, number];
  taus: number[];
  aar: Num[];
  caar: Num[];
  averageResidualCorrelation: Num;
  clusteredPairs: number;
  windows: AggregateWindowJson[];
  /** Caveats in words: mixed models, no cross-sectional test with one study, KP equal to BMP without shared dates. */
  notes: string[];
}

export interface EventStudyReport {
  event: { id: number; title: string; occurredAt: string; timePrecision: TimePrecision; theme: { id: number; name: string } | null };
  settings: StudySettingsJson;
  assets: AssetStudyEntry[];
  aggregate: AggregateJson | null;
  /** Hypotheses confirmed / contradicted / inconclusive / pending, hit rate, and the sign-adjusted CAAR on the headline window. */
  scoreboard: Scoreboard;
}

/** Stored indexes by exchange: the candidates for a same-market benchmark. */
async function storedIndexes(): Promise<{ symbol: string; exchange: string }[]> {
  return readDb().asset.findMany({ where: { assetClass: "EQUITY_INDEX", deletedAt: null }, select: { symbol: true, exchange: true }, orderBy: { symbol: "asc" } });
}

/** An index on the asset's own exchange other than the asset and its current benchmark, or null. */
export function sameMarketBenchmark(asset: { symbol: string; exchange: string; benchmark: { symbol: string } | null }, indexes: readonly { symbol: string; exchange: string }[]): string | null {
  return indexes.find((i) => i.exchange === asset.exchange && i.symbol !== asset.symbol && i.symbol !== asset.benchmark?.symbol)?.symbol ?? null;
}

/** AAR/CAAR and the cross-sectional tests across successful studies sharing the event window. */
export function aggregateJson(studies: { label: string; ok: EventStudyOk }[], config: EventStudyConfig): AggregateJson | null {
  if (studies.length === 0) return null;
  const okList = studies.map((s) => s.ok);
  const agg = aggregateEventStudies(okList, okList[0]!.windows.map((w) => w.window));
  const notes: string[] = [];
  if (agg.n < MIN_CROSS_SECTIONAL_ASSETS) notes.push(`${agg.n} stud${agg.n === 1 ? "y" : "ies"}: ${TOO_FEW_ASSETS} (the minimum is ${MIN_CROSS_SECTIONAL_ASSETS}).`);
  const models = [...new Set(okList.map((s) => s.model))];
  if (models.length > 1) notes.push(`Studies use different models (${models.map((m) => MODEL_LABEL[m]).join(", ")}).`);
  if (agg.n >= 2 && agg.clusteredPairs === 0) notes.push("No two studies share a day-0 date, so Kolari–Pynnönen equals BMP.");
  const [e0] = config.eventWindow;
  return {
    n: agg.n,
    members: studies.map((s) => s.label),
    eventWindow: [agg.eventWindow[0], agg.eventWindow[1]],
    taus: Array.from(agg.aar, (_, k) => e0 + k),
    aar: nums(agg.aar),
    caar: nums(agg.caarPath),
    averageResidualCorrelation: Number.isFinite(agg.averageResidualCorrelation) ? agg.averageResidualCorrelation : null,
    clusteredPairs: agg.clusteredPairs,
    windows: agg.windows.map((w) => aggregateWindowJson(w, ALPHA)),
    notes,
  };
}

/**
 * The study of event `eventId` on every exposed asset, or null when the event does not exist (or was deleted). Prices
 * for all assets and benchmarks come from one query.
 */
export async function eventStudyForEvent(
  eventId: number,
  options: Partial<Pick<EventStudyConfig, "model" | "estimationWindow" | "eventWindow" | "customWindows" | "minEstimationObservations">> & {
    /** Symbol of a tracked asset every exposed asset is studied against instead of its own benchmark. */
    benchmark?: string | null;
  } = {},
): Promise<EventStudyReport | null> {
  const { benchmark: overrideSymbol, ...configOptions } = options;
  const config = resolveEventStudyConfig(configOptions);
  const override = await benchmarkOverride(overrideSymbol);
  const event = await readDb().event.findFirst({
    where: { id: eventId, deletedAt: null },
    select: {
      id: true,
      title: true,
      occurredAt: true,
      timePrecision: true,
      theme: { select: { id: true, name: true } },
      exposures: { select: { direction: true, rationale: true, asset: { select: STUDY_ASSET_SELECT } }, orderBy: { asset: { symbol: "asc" } } },
    },
  });
  if (!event) return null;
  const exposures = event.exposures.map((x) => ({ ...x, asset: withBenchmark(x.asset, override) }));
  const assets = exposures.map((x) => x.asset);
  const ids = assets.flatMap((a) => (a.benchmark ? [a.id, a.benchmark.id] : [a.id]));
  const [prices, linked, indexes] = await Promise.all([loadAdjustedCloses(ids), exposedEventsByAsset(assets.map((a) => a.id)), storedIndexes()]);
  const verdictWindow = primaryWindow(config);
  const ok: { label: string; ok: EventStudyOk }[] = [];
  const entries = exposures.map((x): AssetStudyEntry => {
    const prepared = prepareAsset(x.asset, prices, config.model);
    const result = studyEventOnAsset({
      prepared,
      event,
      direction: x.direction,
      config,
      otherEvents: linked.get(x.asset.id) ?? [],
      verdictWindow,
      placeboWindows: [verdictWindow],
    });
    if (result.ok) ok.push({ label: x.asset.symbol, ok: result.ok });
    const { ok: _internal, ...rest } = result;
    const { id, symbol, name, source, exchange, timeZone } = x.asset;
    return {
      ...rest,
      asset: { id, symbol, name, source, exchange, timeZone },
      direction: x.direction,
      rationale: x.rationale,
      model: prepared.model,
      modelNote: prepared.modelNote,
      benchmark: prepared.benchmark,
      sessionClose: prepared.session,
      droppedAssetDates: prepared.droppedAssetDates,
      droppedBenchmarkDates: prepared.droppedBenchmarkDates,
      suggestedBenchmark: result.dayZero?.disclosure ? sameMarketBenchmark(x.asset, indexes) : null,
    };
  });
  return {
    event: {
      id: event.id,
      title: event.title,
      occurredAt: event.occurredAt.toISOString(),
      timePrecision: event.timePrecision,
      theme: event.theme,
    },
    settings: settingsJson(config, override?.symbol ?? null),
    assets: entries,
    aggregate: aggregateJson(ok, config),
    scoreboard: scoreboard(entries.map((e) => ({ direction: e.direction, score: e.hypothesis?.score ?? null, car: e.hypothesis?.car ?? null }))),
  };
}
