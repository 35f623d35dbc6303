// Read side of assets and their prices, for pages and the API. PostgreSQL only: never the market-data provider.
import "server-only";
import { db } from "@/lib/db/client";
import { barCoverage, lastCloses } from "@/lib/prices/bars";
import { readDb } from "@/lib/db/read-routing";
import type { DataSource } from "@/lib/enums";

export interface AssetOverviewRow {
  id: number;
  symbol: string;
  name: string;
  assetClass: string;
  currency: string;
  source: DataSource;
  lastDate: string | null;
  lastClose: number | null;
  /** Simple return of the last session on the one before, from adjusted closes. */
  change: number | null;
  bars: number;
  refreshError: string | null;
}

export async function listAssetOverview(): Promise<AssetOverviewRow[]> {
  const assets = await readDb().asset.findMany({
    where: { deletedAt: null },
    select: { id: true, symbol: true, name: true, assetClass: true, currency: true, source: true, refreshError: true },
    orderBy: { symbol: "asc" },
  });
  const ids = assets.map((a) => a.id);
  const [last, coverage] = await Promise.all([lastCloses(ids), barCoverage(ids)]);
  return assets.map((a) => {
    const l = last.get(a.id);
    return {
      id: a.id,
      symbol: a.symbol,
      name: a.name,
      assetClass: a.assetClass,
      currency: a.currency,
      source: a.source,
      lastDate: l?.date ?? null,
      lastClose: l?.close ?? null,
      change: l && l.previousAdjClose ? l.adjClose / l.previousAdjClose - 1 : null,
      bars: coverage.get(a.id)?.bars ?? 0,
      refreshError: a.refreshError,
    };
  });
}

export async function findAssetBySymbol(symbol: string) {
  return db().asset.findFirst({
    where: { symbol, deletedAt: null },
    include: { benchmark: { select: { symbol: true, name: true } } },
  });
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
