// Which prices a stored result was computed on: the newest bar, the bar count and a digest of every close of the given
// assets, read in the caller's transaction. A verdict stores it, so a later data correction shows as a new vintage.
import "server-only";
import type { Prisma } from "@/lib/db/generated/client";

/** A type, not an interface: it is stored as JSON, and only a type alias fits Prisma's JSON input. */
export type PriceVintage = {
  lastBar: string | null;
  bars: number;
  digest: string | null;
  computedAt: string;
};

export async function priceVintage(tx: Prisma.TransactionClient, assetIds: number[]): Promise<PriceVintage> {
  const [row] = await tx.$queryRaw<{ last_bar: string | null; bars: bigint; digest: string | null }[]>`
    SELECT max(date)::text AS last_bar, count(*) AS bars,
           md5(string_agg(asset_id::text || ':' || date::text || ':' || coalesce(adj_close, close)::text, ',' ORDER BY asset_id, date)) AS digest
    FROM price_bar WHERE asset_id = ANY(${assetIds}::int[])`;
  return { lastBar: row?.last_bar ?? null, bars: Number(row?.bars ?? 0), digest: row?.digest ?? null, computedAt: new Date().toISOString() };
}
