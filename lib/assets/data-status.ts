// What an analyst needs to judge a series before trusting a chart: where it comes from, how much there is, how
// fresh it is, what failed last, and the quality flags of its bars.
import "server-only";
import { db } from "@/lib/db/client";
import { isoDate } from "@/lib/dates";
import { storedBars } from "@/lib/prices/bars";
import { qualityFlags, staleFlag, type QualityFlag } from "@/lib/market-data/quality";
import type { DataSource } from "@/lib/enums";

export interface DataStatus {
  source: DataSource;
  bars: number;
  firstDate: string | null;
  lastDate: string | null;
  refreshedAt: Date | null;
  refreshError: string | null;
  refreshErrorAt: Date | null;
  flags: QualityFlag[];
}

export async function dataStatus(assetId: number, today = isoDate(new Date())): Promise<DataStatus> {
  const [asset, bars] = await Promise.all([
    db().asset.findUniqueOrThrow({ where: { id: assetId } }),
    storedBars(assetId),
  ]);
  const lastDate = bars.at(-1)?.date ?? null;
  const stale = asset.source === "CSV" ? null : staleFlag(lastDate, today);
  return {
    source: asset.source,
    bars: bars.length,
    firstDate: bars[0]?.date ?? null,
    lastDate,
    refreshedAt: asset.refreshedAt,
    refreshError: asset.refreshError,
    refreshErrorAt: asset.refreshErrorAt,
    flags: [...qualityFlags(bars), ...(stale ? [stale] : [])],
  };
}
