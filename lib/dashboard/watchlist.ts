// One watchlist row per asset from its adjusted closes: the figures an analyst scans first. Pure: no I/O, no clock.
import "server-only";
import { ewmaVolatility, logReturns, normalQuantile, rollingVolatility, volatilityZScore, type Series } from "@/lib/analytics";

export interface WatchlistRow {
  lastDate: string | null;
  lastClose: number | null;
  /** Simple returns over 1, 5 and 21 sessions. */
  return1d: number | null;
  return1w: number | null;
  return1m: number | null;
  /** Annualised realised volatility of the last 20 log returns (√252, sample sd). */
  vol20: number | null;
  /** z-score of today's 20d volatility against its trailing 252-session history; > 2 = elevated regime. */
  volZ: number | null;
  /** Current drawdown: 1 − P_t / max(P_s, s ≤ t) over the history given (the overview passes about two years). */
  drawdown: number | null;
  /** One-day 99 % parametric VaR with the RiskMetrics EWMA σ (λ = 0.94, μ = 0), as a loss fraction. */
  ewmaVar99: number | null;
  /** The last 60 closes, for the sparkline. */
  spark: number[];
}

const finite = (v: number | undefined): number | null => (v !== undefined && Number.isFinite(v) ? v : null);

function ret(values: Float64Array, sessions: number): number | null {
  const n = values.length;
  if (n <= sessions) return null;
  return (values[n - 1] as number) / (values[n - 1 - sessions] as number) - 1;
}

export function watchlistRow(series: Series): WatchlistRow {
  const values = Float64Array.from(series.values);
  const n = values.length;
  if (n === 0) {
    return { lastDate: null, lastClose: null, return1d: null, return1w: null, return1m: null, vol20: null, volZ: null, drawdown: null, ewmaVar99: null, spark: [] };
  }
  const r = logReturns(values);
  const vol = rollingVolatility(r, 20);
  const regime = r.length >= 40 ? volatilityZScore(r) : null;
  let peak = -Infinity;
  for (const v of values) peak = Math.max(peak, v);
  const ewma = r.length > 20 ? ewmaVolatility(r, { lambda: 0.94 }) : null;
  const sigma = ewma ? Math.sqrt(ewma.nextDayVariance) : NaN;
  return {
    lastDate: series.dates[n - 1] ?? null,
    lastClose: values[n - 1] ?? null,
    return1d: ret(values, 1),
    return1w: ret(values, 5),
    return1m: ret(values, 21),
    vol20: finite(vol[vol.length - 1]),
    volZ: regime ? finite(regime.latestZScore) : null,
    drawdown: 1 - (values[n - 1] as number) / peak,
    ewmaVar99: finite(-normalQuantile(0.01) * sigma),
    spark: Array.from(values.subarray(Math.max(0, n - 60))),
  };
}

export const WATCHLIST_SORTS = ["symbol", "return1d", "return1w", "return1m", "vol20", "volZ", "drawdown", "ewmaVar99"] as const;
export type WatchlistSort = (typeof WATCHLIST_SORTS)[number];

/** Sorts rows by a column; missing values always last. */
export function sortWatchlist<T extends WatchlistRow & { symbol: string }>(rows: T[], by: WatchlistSort, dir: "asc" | "desc"): T[] {
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (by === "symbol") return sign * a.symbol.localeCompare(b.symbol);
    const x = a[by];
    const y = b[by];
    if (x === null && y === null) return a.symbol.localeCompare(b.symbol);
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * (x - y);
  });
}
