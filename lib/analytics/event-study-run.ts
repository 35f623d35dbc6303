// From stored price series to an event-study result: align, compute returns, locate day 0, run.

import { resolveEventStudyConfig, type EventStudyConfig } from "./event-study-config";
import { eventStudyAt, type EventStudyData, type EventStudyResult } from "./event-study";
import { alignedReturns, type ReturnKind } from "./returns";
import type { Series } from "./types";
import { lowerBound } from "./sorted-dates";

/** Aligned returns for an asset and its benchmark, computed once and reused for every event of that asset. */
export function prepareEventStudyData(
  assetPrices: Series,
  benchmarkPrices: Series,
  returnKind: ReturnKind = "simple",
): EventStudyData & { droppedAssetDates: string[]; droppedBenchmarkDates: string[]; returnKind: ReturnKind } {
  const r = alignedReturns(assetPrices, benchmarkPrices, returnKind);
  return {
    dates: r.dates,
    asset: r.asset,
    benchmark: r.benchmark,
    droppedAssetDates: r.droppedAssetDates,
    droppedBenchmarkDates: r.droppedBenchmarkDates,
    returnKind,
  };
}

/** Index of the first aligned return dated on or after `date` (null when none). */
export function indexOnOrAfter(dates: readonly string[], date: string): number | null {
  const i = lowerBound(dates, date);
  return i < dates.length ? i : null;
}

export type RunEventStudyResult =
  | (EventStudyResult & {
      /** Day 0 requested (the asset's first reacting session) and the aligned date used; they differ when the benchmark
       * did not trade on the requested session. */
      requestedDay0Date: string;
      droppedAssetDates: string[];
      droppedBenchmarkDates: string[];
      returnKind: ReturnKind;
    })
  | { status: "event-not-in-data"; message: string; requestedDay0Date: string };

/**
 * One event × one asset from stored prices. `day0Date` comes from `firstReactingSession` on the asset's own sessions;
 * returns are simple unless `returnKind` says otherwise.
 */
export function runEventStudy(input: {
  assetPrices: Series;
  benchmarkPrices: Series;
  day0Date: string;
  config?: Partial<EventStudyConfig>;
  returnKind?: ReturnKind;
}): RunEventStudyResult {
  const config = resolveEventStudyConfig(input.config);
  const data = prepareEventStudyData(input.assetPrices, input.benchmarkPrices, input.returnKind ?? "simple");
  const day0Index = indexOnOrAfter(data.dates, input.day0Date);
  if (day0Index === null) {
    return { status: "event-not-in-data", message: `no common session on or after ${input.day0Date}`, requestedDay0Date: input.day0Date };
  }
  return {
    ...eventStudyAt(data, day0Index, config),
    requestedDay0Date: input.day0Date,
    droppedAssetDates: data.droppedAssetDates,
    droppedBenchmarkDates: data.droppedBenchmarkDates,
    returnKind: data.returnKind,
  };
}
