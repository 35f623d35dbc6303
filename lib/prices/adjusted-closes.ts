// The one place bars are read for analytics: adjusted closes (close when no adjusted close is stored), one query for
// every asset a view needs, dated as YYYY-MM-DD strings straight from PostgreSQL.
import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { Series } from "@/lib/analytics";

export interface PriceSeries extends Series {
  dates: string[];
  values: Float64Array;
}

const EMPTY: PriceSeries = { dates: [], values: new Float64Array(0) };

/**
 * Adjusted-close series per asset id, ascending, from `from` and up to `asOf` (both inclusive) when given. Rows whose price is not a
 * positive finite number are skipped here (PostgreSQL orders NaN above Infinity, so `< 'Infinity'` drops both), since
 * returns cannot be taken across them. Assets without bars map to an empty series.
 */
export async function loadAdjustedCloses(assetIds: readonly number[], asOf?: string, from?: string): Promise<Map<number, PriceSeries>> {
  const ids = [...new Set(assetIds)];
  const out = new Map<number, PriceSeries>(ids.map((id) => [id, EMPTY]));
  if (ids.length === 0) return out;
  const rows = await db().$queryRaw<{ asset_id: number; d: string; p: number }[]>(Prisma.sql`
    SELECT asset_id, to_char(date, 'YYYY-MM-DD') AS d, COALESCE(adj_close, close) AS p
    FROM price_bar
    WHERE asset_id = ANY(${ids}::int[])
      AND COALESCE(adj_close, close) > 0 AND COALESCE(adj_close, close) < 'Infinity'::float8
      ${asOf ? Prisma.sql`AND date <= ${asOf}::date` : Prisma.empty}
      ${from ? Prisma.sql`AND date >= ${from}::date` : Prisma.empty}
    ORDER BY asset_id, date`);
  let i = 0;
  while (i < rows.length) {
    const id = rows[i]!.asset_id;
    let j = i;
    while (j < rows.length && rows[j]!.asset_id === id) j++;
    const dates = new Array<string>(j - i);
    const values = new Float64Array(j - i);
    for (let k = i; k < j; k++) {
      dates[k - i] = rows[k]!.d;
      values[k - i] = rows[k]!.p;
    }
    out.set(id, { dates, values });
    i = j;
  }
  return out;
}
