// The one place bars are read for analytics: adjusted closes (close when no adjusted close is stored), one query for
// every asset a view needs, dated as YYYY-MM-DD strings straight from PostgreSQL.
import "server-only";
import type { Series } from "@/lib/analytics";
import { readQuery } from "@/lib/db/read-routing";

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
  // One row per asset with its dates and prices as two JSON arrays: a few thousand bars arrive as a handful of
  // strings for JSON.parse instead of a few thousand rows to convert one value at a time.
  const { rows } = await readQuery<{ asset_id: number; dates: string; prices: string }>(
    `SELECT asset_id, json_agg(to_char(date, 'YYYY-MM-DD') ORDER BY date)::text AS dates, json_agg(COALESCE(adj_close, close) ORDER BY date)::text AS prices
     FROM price_bar
     WHERE asset_id = ANY($1::int[])
       AND COALESCE(adj_close, close) > 0 AND COALESCE(adj_close, close) < 'Infinity'::float8
       AND ($2::date IS NULL OR date <= $2::date)
       AND ($3::date IS NULL OR date >= $3::date)
     GROUP BY asset_id`,
    [ids, asOf ?? null, from ?? null],
  );
  for (const row of rows) {
    out.set(row.asset_id, { dates: JSON.parse(row.dates) as string[], values: Float64Array.from(JSON.parse(row.prices) as number[]) });
  }
  return out;
}
