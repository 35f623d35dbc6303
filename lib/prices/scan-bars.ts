// Every bar of a set of assets from a starting date, for the moves-to-explain detection (lib/triage), which reads
// bars, quality flags and returns of many assets at once on one connection.
import "server-only";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { dateOfDay, isCalendarDate } from "@/lib/dates";
import type { DailyBar } from "@/lib/prices/types";

export interface ScanBars {
  dates: string[];
  bars: DailyBar[];
  /** COALESCE(adj_close, close), usable (positive, finite) ones only. */
  usableDates: string[];
  usable: Float64Array;
}

/** PostgreSQL's binary `date` counts days from 2000-01-01, 10,957 days after 1970-01-01. */
const PG_EPOCH_DAY = 10_957;
/** "PGCOPY\n\377\r\n\0", then 32-bit flags and the length of a header extension. */
const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");

/** The COPY statement (which takes no bind parameters), built from checked integers and calendar dates only. */
function scanBarsCopySql(assets: readonly { id: number; from: string | null }[], historyDays: number): string {
  for (const a of assets) {
    if (!Number.isSafeInteger(a.id)) throw new TypeError(`asset id ${String(a.id)} is not an integer`);
    if (a.from !== null && !isCalendarDate(a.from)) throw new TypeError(`"${a.from}" is not a calendar date`);
  }
  if (!Number.isSafeInteger(historyDays)) throw new TypeError(`history of ${historyDays} days is not an integer`);
  const ids = `ARRAY[${assets.map((a) => a.id).join(",")}]::int[]`;
  const froms = `ARRAY[${assets.map((a) => (a.from === null ? "NULL" : `'${a.from}'`)).join(",")}]::date[]`;
  return `COPY (
    SELECT p.asset_id, p.date, p.open, p.high, p.low, p.close, p.adj_close
    FROM unnest(${ids}, ${froms}) AS s(asset_id, from_date)
    CROSS JOIN LATERAL (
      SELECT asset_id, date, open, high, low, close, adj_close FROM price_bar
      WHERE asset_id = s.asset_id AND date >= COALESCE(s.from_date - ${historyDays}, '-infinity'::date) AND close < 'Infinity'::float8
      ORDER BY date
    ) p
  ) TO STDOUT (FORMAT binary)`;
}

/**
 * Bars of each asset from `from` − `historyDays` (all of them for a null `from`): a lateral index range scan per
 * asset, sent by COPY in binary. PostgreSQL formats no number or date (formatting 260,000 bars as text was most of a
 * full recompute's time), and the doubles arrive bit for bit.
 */
export async function readScanBars(client: pg.PoolClient, assets: { id: number; from: string | null }[], historyDays: number): Promise<Map<number, ScanBars>> {
  const out = new Map<number, ScanBars>();
  if (assets.length === 0) return out;
  const chunks: Buffer[] = [];
  for await (const chunk of client.query(copyTo(scanBarsCopySql(assets, historyDays)))) chunks.push(chunk as Buffer);
  const buf = Buffer.concat(chunks);
  if (buf.length < 19 || !buf.subarray(0, 11).equals(SIGNATURE)) throw new Error("the bars did not arrive in PostgreSQL's binary COPY format");
  let o = 19 + buf.readInt32BE(15);
  const float = (): number | null => {
    const length = buf.readInt32BE(o);
    o += 4;
    if (length === -1) return null;
    const v = buf.readDoubleBE(o);
    o += 8;
    return v;
  };
  // The asset whose bars are arriving (COPY sends each asset's bars together, in date order).
  let current = null as { id: number; dates: string[]; bars: DailyBar[]; usableDates: string[]; usable: number[] } | null;
  const finish = () => {
    if (current) out.set(current.id, { dates: current.dates, bars: current.bars, usableDates: current.usableDates, usable: Float64Array.from(current.usable) });
  };
  // Each tuple: a field count (−1 ends the data), then each field's length (−1 for NULL) and its bytes.
  while (buf.readInt16BE(o) !== -1) {
    o += 2 + 4; // field count, asset_id length
    const assetId = buf.readInt32BE(o);
    o += 4 + 4; // asset_id, date length
    const date = dateOfDay(PG_EPOCH_DAY + buf.readInt32BE(o));
    o += 4;
    const open = float();
    const high = float();
    const low = float();
    const close = float() as number; // NOT NULL
    const adjClose = float();
    if (current?.id !== assetId) {
      finish();
      current = { id: assetId, dates: [], bars: [], usableDates: [], usable: [] };
    }
    current.dates.push(date);
    current.bars.push({ date, open, high, low, close, adjClose, volume: null });
    const price = adjClose ?? close;
    if (price > 0 && Number.isFinite(price)) {
      current.usableDates.push(date);
      current.usable.push(price);
    }
  }
  finish();
  return out;
}
