// Read side of assets and their prices, for pages and the API. PostgreSQL only: never the market-data provider.
import { db } from "@/lib/db/client";
import { barCoverage, lastCloses } from "@/lib/prices/bars";

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
  const assets = await db().asset.findMany({
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
  return db().asset.findUnique({
    where: { symbol },
    include: { benchmark: { select: { symbol: true, name: true } } },
  });
}

