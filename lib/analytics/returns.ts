// Returns from adjusted closes, and the alignment of an asset with its benchmark on the dates both traded.

import { AnalyticsInputError, type Numeric, type Series } from "./types";

export type ReturnKind = "simple" | "log";

function checkPrices(prices: Numeric): void {
  for (let i = 0; i < prices.length; i++) {
    const p = prices[i] as number;
    if (!(p > 0) || !Number.isFinite(p)) throw new AnalyticsInputError(`price at index ${i} is not a positive finite number: ${p}`);
  }
}

function checkAscending(dates: readonly string[], label: string): void {
  for (let i = 1; i < dates.length; i++) {
    if (!((dates[i - 1] as string) < (dates[i] as string))) {
      throw new AnalyticsInputError(`${label} dates must be strictly ascending (at ${dates[i - 1]} → ${dates[i]})`);
    }
  }
}

/** Simple returns R_t = P_t / P_{t−1} − 1 (length n − 1). */
export function simpleReturns(prices: Numeric): Float64Array {
  checkPrices(prices);
  const out = new Float64Array(Math.max(0, prices.length - 1));
  for (let i = 1; i < prices.length; i++) out[i - 1] = (prices[i] as number) / (prices[i - 1] as number) - 1;
  return out;
}

/** Log returns r_t = ln(P_t / P_{t−1}) (length n − 1). */
export function logReturns(prices: Numeric): Float64Array {
  checkPrices(prices);
  const out = new Float64Array(Math.max(0, prices.length - 1));
  for (let i = 1; i < prices.length; i++) out[i - 1] = Math.log((prices[i] as number) / (prices[i - 1] as number));
  return out;
}

/** Returns of a price series, each dated by the later of its two closes. */
export function returnsOf(prices: Series, kind: ReturnKind = "log"): { dates: string[]; values: Float64Array } {
  checkAscending(prices.dates, "price");
  if (prices.dates.length !== prices.values.length) throw new AnalyticsInputError("dates and values differ in length");
  return {
    dates: prices.dates.slice(1),
    values: kind === "log" ? logReturns(prices.values) : simpleReturns(prices.values),
  };
}

export interface AlignedPrices {
  /** Dates on which both the asset and the benchmark have a close. */
  dates: string[];
  asset: Float64Array;
  benchmark: Float64Array;
  /** Asset dates without a benchmark close (dropped, never filled). */
  droppedAssetDates: string[];
  /** Benchmark dates without an asset close. */
  droppedBenchmarkDates: string[];
}

/** Keeps only dates both series traded; nothing is forward-filled, and every dropped date is reported. */
export function alignOnCommonDates(asset: Series, benchmark: Series): AlignedPrices {
  checkAscending(asset.dates, "asset");
  checkAscending(benchmark.dates, "benchmark");
  if (asset.dates.length !== asset.values.length || benchmark.dates.length !== benchmark.values.length) {
    throw new AnalyticsInputError("dates and values differ in length");
  }
  const dates: string[] = [];
  const a: number[] = [];
  const b: number[] = [];
  const droppedAssetDates: string[] = [];
  const droppedBenchmarkDates: string[] = [];
  let i = 0;
  let j = 0;
  while (i < asset.dates.length || j < benchmark.dates.length) {
    const da = asset.dates[i];
    const db = benchmark.dates[j];
    if (da !== undefined && (db === undefined || da < db)) {
      droppedAssetDates.push(da);
      i++;
    } else if (db !== undefined && (da === undefined || db < da)) {
      droppedBenchmarkDates.push(db);
      j++;
    } else {
      dates.push(da as string);
      a.push(asset.values[i] as number);
      b.push(benchmark.values[j] as number);
      i++;
      j++;
    }
  }
  return { dates, asset: Float64Array.from(a), benchmark: Float64Array.from(b), droppedAssetDates, droppedBenchmarkDates };
}

export interface AlignedReturns {
  /** Date of the closing price that ends each return (both series traded on it and on the previous common date). */
  dates: string[];
  asset: Float64Array;
  benchmark: Float64Array;
  kind: ReturnKind;
  droppedAssetDates: string[];
  droppedBenchmarkDates: string[];
}

/**
 * Returns of asset and benchmark between consecutive common dates. When one market was closed the other's return
 * spans both of its sessions (close-to-close over the common dates), which is what "only dates both traded" implies.
 */
export function alignedReturns(asset: Series, benchmark: Series, kind: ReturnKind = "simple"): AlignedReturns {
  const aligned = alignOnCommonDates(asset, benchmark);
  const f = kind === "log" ? logReturns : simpleReturns;
  return {
    dates: aligned.dates.slice(1),
    asset: f(aligned.asset),
    benchmark: f(aligned.benchmark),
    kind,
    droppedAssetDates: aligned.droppedAssetDates,
    droppedBenchmarkDates: aligned.droppedBenchmarkDates,
  };
}

