// Reads of stored daily bars that are not analytics series: closes for charts, the last bar, per-asset coverage and
// the last close of each asset. lib/prices is the only code that names the price_bar table.
import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { isoDate } from "@/lib/dates";
import type { DailyBar } from "@/lib/prices/types";

export interface ClosePoint {
  date: string;
  close: number;
  adjClose: number;
}

/** Prisma's filter for an optional inclusive YYYY-MM-DD range. */
function dateRange(from?: string, to?: string) {
  if (!from && !to) return {};
  return { date: { ...(from ? { gte: new Date(`${from}T00:00:00Z`) } : {}), ...(to ? { lte: new Date(`${to}T00:00:00Z`) } : {}) } };
}

/** Closes from `from` to `to` (both inclusive, YYYY-MM-DD; open-ended when omitted), ascending. */
export async function loadCloses(assetId: number, from?: string, to?: string): Promise<ClosePoint[]> {
  const rows = await db().priceBar.findMany({
    where: { assetId, ...dateRange(from, to) },
    orderBy: { date: "asc" },
    select: { date: true, close: true, adjClose: true },
  });
  return rows.map((r) => ({ date: isoDate(r.date), close: r.close, adjClose: r.adjClose ?? r.close }));
}

/** Every stored bar of one asset, ascending: what the data-quality checks look at. */
export async function storedBars(assetId: number): Promise<DailyBar[]> {
  const rows = await db().priceBar.findMany({ where: { assetId }, orderBy: { date: "asc" } });
  return rows.map((r) => ({ date: isoDate(r.date), open: r.open, high: r.high, low: r.low, close: r.close, adjClose: r.adjClose, volume: r.volume }));
}

/** Last stored trading date of an asset (YYYY-MM-DD), or null when it has no bar. */
export async function lastBarDate(assetId: number): Promise<string | null> {
  const rows = await db().$queryRaw<{ last: string | null }[]>`
    SELECT to_char(max(date), 'YYYY-MM-DD') AS last FROM price_bar WHERE asset_id = ${assetId}`;
  return rows[0]?.last ?? null;
}

export interface BarCoverage {
  firstDate: string | null;
  lastDate: string | null;
  bars: number;
}

/** First and last stored date and the number of bars per asset id; assets without bars get nulls and 0. */
export async function barCoverage(assetIds: readonly number[]): Promise<Map<number, BarCoverage>> {
  const ids = [...new Set(assetIds)];
  const out = new Map<number, BarCoverage>(ids.map((id) => [id, { firstDate: null, lastDate: null, bars: 0 }]));
  if (ids.length === 0) return out;
  const rows = await db().$queryRaw<{ asset_id: number; first: string; last: string; bars: bigint }[]>`
    SELECT asset_id, to_char(min(date), 'YYYY-MM-DD') AS first, to_char(max(date), 'YYYY-MM-DD') AS last, count(*) AS bars
    FROM price_bar WHERE asset_id = ANY(${ids}::int[]) GROUP BY asset_id`;
  for (const r of rows) out.set(r.asset_id, { firstDate: r.first, lastDate: r.last, bars: Number(r.bars) });
  return out;
}

/** Number of stored bars of these assets between two optional inclusive dates. */
export async function barCount(assetIds: readonly number[], from?: string, to?: string): Promise<number> {
  const rows = await db().$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM price_bar WHERE asset_id = ANY(${[...assetIds]}::int[])
      ${from ? Prisma.sql`AND date >= ${from}::date` : Prisma.empty} ${to ? Prisma.sql`AND date <= ${to}::date` : Prisma.empty}`;
  return Number(rows[0]?.n ?? 0);
}

export interface LastClose {
  date: string;
  close: number;
  /** Adjusted close, or the close when the source has none. */
  adjClose: number;
  /** Adjusted close of the session before, for the day's change; null for a single bar. */
  previousAdjClose: number | null;
}

/** Each asset's last bar on or before `asOf` (the latest when omitted), with the adjusted close of the one before. */
export async function lastCloses(assetIds: readonly number[] | "all", asOf?: string): Promise<Map<number, LastClose>> {
  if (assetIds !== "all" && assetIds.length === 0) return new Map();
  const rows = await db().$queryRaw<{ asset_id: number; d: string; close: number; adj: number; prev_adj: number | null }[]>`
    SELECT a.id AS asset_id, to_char(l.date, 'YYYY-MM-DD') AS d, l.close, COALESCE(l.adj_close, l.close) AS adj,
           (SELECT COALESCE(p.adj_close, p.close) FROM price_bar p
             WHERE p.asset_id = a.id AND p.date < l.date ORDER BY p.date DESC LIMIT 1) AS prev_adj
    FROM asset a
    JOIN LATERAL (SELECT date, close, adj_close FROM price_bar
                  WHERE asset_id = a.id ${asOf ? Prisma.sql`AND date <= ${asOf}::date` : Prisma.empty}
                  ORDER BY date DESC LIMIT 1) l ON true
    ${assetIds === "all" ? Prisma.empty : Prisma.sql`WHERE a.id = ANY(${[...assetIds]}::int[])`}`;
  return new Map(rows.map((r) => [r.asset_id, { date: r.d, close: r.close, adjClose: r.adj, previousAdjClose: r.prev_adj }]));
}
