// The one place bars are read for analytics: adjusted closes (close when no adjusted close is stored), one query for
// every asset a view needs, dated as YYYY-MM-DD strings.
import "server-only";
import os from "node:os";
import type { Series } from "@/lib/analytics";
import { dateOfDay } from "@/lib/dates";
import { readQuery } from "@/lib/db/read-routing";

export interface PriceSeries extends Series {
  dates: string[];
  values: Float64Array;
}

const EMPTY: PriceSeries = { dates: [], values: new Float64Array(0) };

/**
 * Adjusted-close series per asset id, ascending, from `from` and up to `asOf` (both inclusive) when given. Rows whose
 * price is not a positive finite number are skipped here (PostgreSQL orders NaN above Infinity, so `< 'Infinity'` drops
 * both), since returns cannot be taken across them. Assets without bars map to an empty series.
 *
 * One row per asset, its days and closes each aggregated into one bytea of big-endian int4 day numbers and float8
 * closes: no number-to-text conversion on either side, and exact doubles. Books of hundreds of assets read in
 * `parallel` queries over slices of the ids.
 */
export async function loadAdjustedCloses(assetIds: readonly number[], asOf?: string, from?: string, parallel = 1): Promise<Map<number, PriceSeries>> {
  const ids = [...new Set(assetIds)];
  const out = new Map<number, PriceSeries>(ids.map((id) => [id, EMPTY]));
  if (ids.length === 0) return out;
  const size = Math.ceil(ids.length / Math.max(1, parallel));
  const slices = Array.from({ length: Math.ceil(ids.length / size) }, (_, k) => ids.slice(k * size, (k + 1) * size));
  const results = await Promise.all(
    slices.map((slice) =>
      readQuery<{ asset_id: number; days: Buffer; prices: Buffer }>(
        `SELECT asset_id, string_agg(int4send(date - DATE '1970-01-01'), ''::bytea ORDER BY date) AS days,
                string_agg(float8send(COALESCE(adj_close, close)), ''::bytea ORDER BY date) AS prices
         FROM price_bar
         WHERE asset_id = ANY($1::int[])
           AND COALESCE(adj_close, close) > 0 AND COALESCE(adj_close, close) < 'Infinity'::float8
           AND ($2::date IS NULL OR date <= $2::date)
           AND ($3::date IS NULL OR date >= $3::date)
         GROUP BY asset_id`,
        [slice, asOf ?? null, from ?? null],
      ),
    ),
  );
  for (const { rows } of results) {
    for (const row of rows) {
      const n = row.prices.length / 8;
      const values = new Float64Array(n);
      const bytes = Buffer.from(values.buffer);
      row.prices.copy(bytes);
      if (os.endianness() === "LE") bytes.swap64();
      const dates = new Array<string>(n);
      for (let i = 0; i < n; i++) dates[i] = dateOfDay(row.days.readInt32BE(4 * i));
      out.set(row.asset_id, { dates, values });
    }
  }
  return out;
}
