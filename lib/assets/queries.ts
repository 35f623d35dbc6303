// Read side of assets and their prices, for pages and the API. PostgreSQL only: never the market-data provider.
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { isoDate } from "@/lib/dates";

export interface AssetOverviewRow {
  id: number;
  symbol: string;
  name: string;
  assetClass: string;
  currency: string;
  source: "YAHOO" | "CSV" | "DEMO";
  lastDate: string | null;
  lastClose: number | null;
  /** Simple return of the last session on the one before, from adjusted closes. */
  change: number | null;
  bars: number;
  refreshError: string | null;
}

export async function listAssetOverview(): Promise<AssetOverviewRow[]> {
  const rows = await db().$queryRaw<
    {
      id: number; symbol: string; name: string; asset_class: string; currency: string; source: AssetOverviewRow["source"];
      last_date: Date | null; last_close: number | null; last_adj: number | null; prev_adj: number | null; bars: bigint;
      refresh_error: string | null;
    }[]
  >(Prisma.sql`
    SELECT a.id, a.symbol, a.name, a.asset_class::text AS asset_class, a.currency, a.source::text AS source, a.refresh_error,
           l.date AS last_date, l.close AS last_close, COALESCE(l.adj_close, l.close) AS last_adj,
           (SELECT COALESCE(p.adj_close, p.close) FROM price_bar p
             WHERE p.asset_id = a.id AND p.date < l.date ORDER BY p.date DESC LIMIT 1) AS prev_adj,
           (SELECT count(*) FROM price_bar c WHERE c.asset_id = a.id) AS bars
    FROM asset a
    LEFT JOIN LATERAL (SELECT date, close, adj_close FROM price_bar WHERE asset_id = a.id ORDER BY date DESC LIMIT 1) l ON true
    WHERE a.deleted_at IS NULL
    ORDER BY a.symbol`);
  return rows.map((r) => ({
    id: r.id,
    symbol: r.symbol,
    name: r.name,
    assetClass: r.asset_class,
    currency: r.currency,
    source: r.source,
    lastDate: r.last_date ? isoDate(r.last_date) : null,
    lastClose: r.last_close,
    change: r.last_adj !== null && r.prev_adj ? r.last_adj / r.prev_adj - 1 : null,
    bars: Number(r.bars),
    refreshError: r.refresh_error,
  }));
}

export async function findAssetBySymbol(symbol: string) {
  return db().asset.findFirst({
    where: { symbol, deletedAt: null },
    include: { benchmark: { select: { symbol: true, name: true } } },
  });
}

export interface ClosePoint {
  date: string;
  close: number;
  adjClose: number;
}

/** Closes from `from` to `to` (both inclusive, YYYY-MM-DD; open-ended when omitted), ascending. */
export async function loadCloses(assetId: number, from?: string, to?: string): Promise<ClosePoint[]> {
  const date = {
    ...(from ? { gte: new Date(`${from}T00:00:00Z`) } : {}),
    ...(to ? { lte: new Date(`${to}T00:00:00Z`) } : {}),
  };
  const rows = await db().priceBar.findMany({
    where: { assetId, ...(from || to ? { date } : {}) },
    orderBy: { date: "asc" },
    select: { date: true, close: true, adjClose: true },
  });
  return rows.map((r) => ({ date: isoDate(r.date), close: r.close, adjClose: r.adjClose ?? r.close }));
}

export async function lastBarDateOf(assetId: number): Promise<string | null> {
  const last = await db().priceBar.findFirst({ where: { assetId }, orderBy: { date: "desc" }, select: { date: true } });
  return last ? isoDate(last.date) : null;
}

/**
 * An asset as the API returns it: identity, source, and the benchmark with the event-study model it implies (the
 * market model against the benchmark, or the constant-mean model when there is none).
 */
export async function assetDto(symbol: string) {
  const a = await findAssetBySymbol(symbol);
  if (!a) return null;
  return {
    symbol: a.symbol,
    name: a.name,
    assetClass: a.assetClass,
    currency: a.currency,
    exchange: a.exchange,
    timeZone: a.timeZone,
    country: a.country,
    source: a.source,
    benchmark: a.benchmark?.symbol ?? null,
    studyModel: a.benchmark ? ("market" as const) : ("constant-mean" as const),
    refreshedAt: a.refreshedAt,
    refreshError: a.refreshError,
  };
}
