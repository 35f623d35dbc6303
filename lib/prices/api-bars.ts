// Daily bars of one asset between two dates, as the JSON API serves them.
import "server-only";
import { z } from "zod";
import { isoDate } from "@/lib/dates";
import { calendarDateSchema } from "@/lib/validation/fields";
import { readDb, readQuery } from "@/lib/db/read-routing";

export const priceQuerySchema = z
  .object({ from: calendarDateSchema.optional(), to: calendarDateSchema.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "to must be on or after from" });

/** A float column as JSON.stringify writes it: NaN and ±Infinity become null. */
const finite = (column: string) => `CASE WHEN ${column} IN ('NaN', 'Infinity', '-Infinity') THEN NULL ELSE ${column} END`;

// The whole answer of the price API, written by PostgreSQL: no rows cross into JavaScript only to be turned into
// JSON again (a year of bars is 250 objects per request).
const PRICE_BODY = `SELECT json_build_object(
    'symbol', a.symbol, 'currency', a.currency, 'source', a.source,
    'data', coalesce((
      SELECT json_agg(json_build_object(
          'date', to_char(p.date, 'YYYY-MM-DD'), 'open', ${finite("p.open")}, 'high', ${finite("p.high")}, 'low', ${finite("p.low")},
          'close', ${finite("p.close")}, 'adjClose', ${finite("p.adj_close")}, 'volume', ${finite("p.volume")}
        ) ORDER BY p.date)
      FROM price_bar p
      WHERE p.asset_id = a.id AND ($2::date IS NULL OR p.date >= $2::date) AND ($3::date IS NULL OR p.date <= $3::date)
    ), '[]'::json)
  )::text AS body
  FROM asset a WHERE a.symbol = $1 AND a.deleted_at IS NULL`;

/**
 * The JSON text of `{ symbol, currency, source, data: bars }` for a tracked asset's daily bars in [from, to] (either
 * bound optional), the same document as `apiBars` wrapped with the asset; null when no such asset is tracked.
 */
export async function priceApiBody(symbol: string, from?: string, to?: string): Promise<string | null> {
  const { rows } = await readQuery<{ body: string }>(PRICE_BODY, [symbol, from ?? null, to ?? null]);
  return rows[0]?.body ?? null;
}

export async function apiBars(assetId: number, from?: string, to?: string) {
  const rows = await readDb().priceBar.findMany({
    where: {
      assetId,
      ...(from || to ? { date: { ...(from ? { gte: new Date(`${from}T00:00:00Z`) } : {}), ...(to ? { lte: new Date(`${to}T00:00:00Z`) } : {}) } } : {}),
    },
    orderBy: { date: "asc" },
  });
  return rows.map((r) => ({ date: isoDate(r.date), open: r.open, high: r.high, low: r.low, close: r.close, adjClose: r.adjClose, volume: r.volume }));
}
