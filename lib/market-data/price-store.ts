// Writes daily bars in set-based SQL: one statement per chunk, arrays unnested server-side. Prisma's createMany is
// an order of magnitude slower for price histories (see docs/performance.md).
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { DailyBar } from "@/lib/market-data/provider";

type Tx = Pick<ReturnType<typeof db>, "$queryRaw">;

const CHUNK = 50_000;

export interface UpsertCounts {
  inserted: number;
  updated: number;
}

/**
 * Inserts new bars and overwrites changed ones for one asset; unchanged rows are not rewritten. Run it inside a
 * transaction (`tx`) to make a refresh all-or-nothing.
 */
export async function upsertBars(assetId: number, bars: readonly DailyBar[], tx: Tx = db()): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0 };
  for (let start = 0; start < bars.length; start += CHUNK) {
    const chunk = bars.slice(start, start + CHUNK);
    const rows = await tx.$queryRaw<{ inserted: boolean; n: bigint }[]>(Prisma.sql`
      WITH written AS (
        INSERT INTO price_bar AS p (asset_id, date, open, high, low, close, adj_close, volume)
        SELECT ${assetId}, d, o, h, l, c, a, v
        FROM unnest(${chunk.map((b) => b.date)}::date[], ${chunk.map((b) => b.open)}::float8[],
                    ${chunk.map((b) => b.high)}::float8[], ${chunk.map((b) => b.low)}::float8[],
                    ${chunk.map((b) => b.close)}::float8[], ${chunk.map((b) => b.adjClose)}::float8[],
                    ${chunk.map((b) => b.volume)}::float8[]) AS t(d, o, h, l, c, a, v)
        ON CONFLICT (asset_id, date) DO UPDATE SET
          open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close,
          adj_close = EXCLUDED.adj_close, volume = EXCLUDED.volume
        WHERE (p.open, p.high, p.low, p.close, p.adj_close, p.volume)
          IS DISTINCT FROM (EXCLUDED.open, EXCLUDED.high, EXCLUDED.low, EXCLUDED.close, EXCLUDED.adj_close, EXCLUDED.volume)
        RETURNING (xmax = 0) AS inserted
      )
      SELECT inserted, count(*) AS n FROM written GROUP BY inserted`);
    for (const r of rows) counts[r.inserted ? "inserted" : "updated"] += Number(r.n);
  }
  return counts;
}

/** Last stored trading date per asset (YYYY-MM-DD), for incremental refreshes. */
export async function lastBarDate(assetId: number): Promise<string | null> {
  const rows = await db().$queryRaw<{ last: Date | null }[]>`SELECT max(date) AS last FROM price_bar WHERE asset_id = ${assetId}`;
  const last = rows[0]?.last;
  return last ? last.toISOString().slice(0, 10) : null;
}
