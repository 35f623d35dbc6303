// Every bar of a set of assets from a starting date, for the moves-to-explain detection (lib/triage), which reads
// bars, quality flags and returns of many assets at once on one connection.
import "server-only";
import type pg from "pg";
import type { DailyBar } from "@/lib/prices/types";

export interface ScanBars {
  dates: string[];
  bars: DailyBar[];
  /** COALESCE(adj_close, close), usable (positive, finite) ones only. */
  usableDates: string[];
  usable: Float64Array;
}

const orNull = (field: string | undefined) => (field ? Number(field) : null);

/**
 * Bars of each asset from `from` − `historyDays` (all of them for a null `from`), one text per asset with a line per bar:
 * a lateral index range scan per asset, and text PostgreSQL prints and JavaScript splits faster than six JSON arrays.
 * Floats print in their shortest exact form (extra_float_digits = 1, PostgreSQL 12+), so Number() reads them back exactly.
 */
export async function readScanBars(client: pg.PoolClient, assets: { id: number; from: string | null }[], historyDays: number): Promise<Map<number, ScanBars>> {
  const out = new Map<number, ScanBars>();
  if (assets.length === 0) return out;
  const { rows } = await client.query<{ asset_id: number; lines: string | null }>(
    `SELECT s.asset_id, b.lines
     FROM unnest($1::int[], $2::date[]) AS s(asset_id, from_date)
     CROSS JOIN LATERAL (
       SELECT string_agg(to_char(p.date, 'YYYY-MM-DD') || ',' || coalesce(p.open::text, '') || ',' || coalesce(p.high::text, '') || ','
                         || coalesce(p.low::text, '') || ',' || p.close::text || ',' || coalesce(p.adj_close::text, ''), E'\n' ORDER BY p.date) AS lines
       FROM price_bar p
       WHERE p.asset_id = s.asset_id AND p.date >= COALESCE(s.from_date - $3::int, '-infinity'::date) AND p.close < 'Infinity'::float8
     ) b`,
    [assets.map((a) => a.id), assets.map((a) => a.from), historyDays],
  );
  for (const r of rows) {
    if (!r.lines) continue;
    const lines = r.lines.split("\n");
    const dates: string[] = new Array<string>(lines.length);
    const bars: DailyBar[] = new Array<DailyBar>(lines.length);
    const usableDates: string[] = [];
    const usable: number[] = [];
    for (let i = 0; i < lines.length; i++) {
      const [date, open, high, low, close, adj] = (lines[i] as string).split(",") as [string, string, string, string, string, string];
      const bar: DailyBar = { date, open: orNull(open), high: orNull(high), low: orNull(low), close: Number(close), adjClose: orNull(adj), volume: null };
      dates[i] = date;
      bars[i] = bar;
      const price = bar.adjClose ?? bar.close;
      if (price > 0 && Number.isFinite(price)) {
        usableDates.push(date);
        usable.push(price);
      }
    }
    out.set(r.asset_id, { dates, bars, usableDates, usable: Float64Array.from(usable) });
  }
  return out;
}
