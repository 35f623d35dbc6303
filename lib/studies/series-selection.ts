// One asset's side of every study: which series and model it is studied with, and where an event's day 0 falls on
// its sessions — shared by the event, asset and theme views.
import "server-only";
import { dayZero as alignedDayZero, indexOnOrAfter, prepareEventStudyData, type DayZero, type EventStudyData, type EventStudyModel } from "@/lib/analytics";
import type { PriceSeries } from "@/lib/prices/adjusted-closes";
import { dayZero } from "@/lib/prices/day-zero";
import { sessionCloseFor, type SessionClose } from "@/lib/prices/exchange-hours";
import { MODEL_LABEL } from "./study-params";
import type { DataSource, TimePrecision } from "@/lib/enums";

export interface StudyAsset {
  id: number;
  symbol: string;
  name: string;
  source: DataSource;
  exchange: string;
  timeZone: string;
  assetClass: string;
  benchmark: { id: number; symbol: string; name: string } | null;
}

export interface StudyEventRef {
  id: number;
  occurredAt: Date;
  timePrecision: TimePrecision;
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
  /** Asset sessions the benchmark did not trade, and benchmark sessions the asset did not: left out, never filled. */
  droppedAssetDateList: string[];
  droppedBenchmarkDateList: string[];
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
      droppedAssetDateList: [],
      droppedBenchmarkDateList: [],
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
    droppedAssetDateList: data.droppedAssetDates,
    droppedBenchmarkDateList: data.droppedBenchmarkDates,
    problem: null,
  };
}

/** The asset session that first reacts to the event (day 0 with the exchange's close), or null. */
export function day0Session(prepared: PreparedAsset, event: StudyEventRef): string | null {
  const i = dayZero(event, prepared.sessions, prepared.session);
  return i === null ? null : (prepared.sessions[i] ?? null);
}

/** Day 0 by the one rule: the asset's reacting session, moved to the next session its benchmark traded too. */
export function dayZeroOf(prepared: PreparedAsset, event: StudyEventRef): DayZero | null {
  const benchmark = prepared.benchmark && prepared.data ? { symbol: prepared.benchmark.symbol, sessions: prepared.data.dates } : null;
  return alignedDayZero({ occurredAt: event.occurredAt.toISOString(), timePrecision: event.timePrecision }, prepared.sessions, prepared.session, benchmark);
}

/** Day-0 indices already placed per prepared asset, by instant and precision (all day 0 depends on). */
const day0Indices = new WeakMap<PreparedAsset, Map<string, number | null>>();

/**
 * Index of the event's day 0 in the aligned returns, or null when the event is after the data. Remembered per prepared
 * asset: each event's placebo excludes every other event's window, so an asset with E events asks E² times.
 */
export function day0Index(prepared: PreparedAsset, event: StudyEventRef): number | null {
  if (!prepared.data) return null;
  let known = day0Indices.get(prepared);
  if (!known) day0Indices.set(prepared, (known = new Map()));
  const key = `${event.occurredAt.getTime()}|${event.timePrecision}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const dz = dayZeroOf(prepared, event);
  const index = dz === null ? null : indexOnOrAfter(prepared.data.dates, dz.date);
  known.set(key, index);
  return index;
}
