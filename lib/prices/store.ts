// Writes daily bars set-based: the rows are streamed with COPY into a session-local staging table, then merged into
// price_bar in one INSERT … ON CONFLICT. Prisma's createMany is an order of magnitude slower for price histories, and
// COPY keeps the write within a small factor of `psql \copy` (bench/upsert-prices.ts, docs/performance.md).
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { withTransaction } from "@/lib/db/transaction";
import type { CorporateAction, DailyBar } from "@/lib/prices/types";

export interface UpsertCounts {
  inserted: number;
  updated: number;
}

export interface AssetBars {
  assetId: number;
  bars: readonly DailyBar[];
}

const STAGE = `CREATE TEMP TABLE IF NOT EXISTS price_bar_stage
  (asset_id int, date date, open float8, high float8, low float8, close float8, adj_close float8, volume float8)
  ON COMMIT DELETE ROWS`;

// Unchanged rows are not rewritten (no dead tuples, no WAL); changed ones are, so provider corrections land.
const MERGE = `
  WITH written AS (
    INSERT INTO price_bar AS p (asset_id, date, open, high, low, close, adj_close, volume)
    SELECT DISTINCT ON (asset_id, date) asset_id, date, open, high, low, close, adj_close, volume FROM price_bar_stage
    ORDER BY asset_id, date
    ON CONFLICT (asset_id, date) DO UPDATE SET
      open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close,
      adj_close = EXCLUDED.adj_close, volume = EXCLUDED.volume
    WHERE (p.open, p.high, p.low, p.close, p.adj_close, p.volume)
      IS DISTINCT FROM (EXCLUDED.open, EXCLUDED.high, EXCLUDED.low, EXCLUDED.close, EXCLUDED.adj_close, EXCLUDED.volume)
    RETURNING (xmax = 0) AS inserted
  )
  SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated FROM written`;

/** COPY text format: tab-separated, \N for null. String(number) is the shortest exact round trip of a double. */
function* copyLines(sets: readonly AssetBars[]): Generator<string> {
  const cell = (v: number | null) => (v === null || !Number.isFinite(v) ? "\\N" : String(v));
  let chunk = "";
  for (const { assetId, bars } of sets) {
    for (const b of bars) {
      chunk += `${assetId}\t${b.date}\t${cell(b.open)}\t${cell(b.high)}\t${cell(b.low)}\t${cell(b.close)}\t${cell(b.adjClose)}\t${cell(b.volume)}\n`;
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = "";
      }
    }
  }
  if (chunk) yield chunk;
}

/** Upserts bars of one or many assets inside the caller's transaction (`client` must be in BEGIN). */
export async function upsertBarsWith(client: pg.PoolClient, sets: readonly AssetBars[]): Promise<UpsertCounts> {
  await client.query(STAGE);
  await pipeline(Readable.from(copyLines(sets)), client.query(copyFrom("COPY price_bar_stage FROM STDIN")));
  const { rows } = await client.query<{ inserted: string; updated: string }>(MERGE);
  await client.query("TRUNCATE price_bar_stage");
  return { inserted: Number(rows[0]?.inserted ?? 0), updated: Number(rows[0]?.updated ?? 0) };
}

/** Stores splits and dividends reported with a history (few rows: a plain parameterised upsert). */
export async function upsertActionsWith(client: pg.PoolClient, assetId: number, actions: readonly CorporateAction[]): Promise<void> {
  if (actions.length === 0) return;
  await client.query(
    `INSERT INTO corporate_action (asset_id, date, kind, value)
     SELECT $1, d, k::"CorporateActionKind", v FROM unnest($2::date[], $3::text[], $4::float8[]) AS t(d, k, v)
     ON CONFLICT (asset_id, date, kind) DO UPDATE SET value = EXCLUDED.value`,
    [assetId, actions.map((a) => a.date), actions.map((a) => (a.kind === "split" ? "SPLIT" : "DIVIDEND")), actions.map((a) => a.value)],
  );
}

/** Removes every bar of an asset inside the caller's transaction (a CSV import replacing a provider's series). */
export async function deleteBarsWith(client: pg.PoolClient, assetId: number): Promise<number> {
  return (await client.query("DELETE FROM price_bar WHERE asset_id = $1", [assetId])).rowCount ?? 0;
}

/** Upserts one asset's bars in a transaction of its own. */
export async function upsertBars(assetId: number, bars: readonly DailyBar[]): Promise<UpsertCounts> {
  return withTransaction((client) => upsertBarsWith(client, [{ assetId, bars }]));
}

