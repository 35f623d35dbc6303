// Keeps the stored moves current. Triggers queue every asset whose moves may have changed (new or corrected prices, a
// CSV import, an event or exposure written, a benchmark or threshold changed) in move_scan_pending with the first
// date that can change; `updatePendingMoves` drains that queue: it rescores only those assets from those dates and
// rewrites their rows, in one transaction, so a failure leaves the queue as it was.
import "server-only";
import type pg from "pg";
import { detectMoves, MOVE_DETECTION_DEFAULTS, type DetectedMove } from "@/lib/analytics";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { pgPool } from "@/lib/db/pool";
import { withTransaction } from "@/lib/db/transaction";
import { logger } from "@/lib/logger";
import { publishNotification } from "@/lib/notifications/publish";
import { readScanInputs } from "@/lib/triage/scan-inputs";

/** An item that just entered the open queue: new, or back because the event that explained it went away. */
export interface DetectedMoveItem {
  id: number;
  session: string;
  kind: "EXPLAIN" | "CHECK_DATA";
  maxAbsZ: number;
  /** The assets that moved, largest |z| first, as ids (for subscriptions) and symbols (for words). */
  assetIds: number[];
  symbols: string[];
}

/** "^KS11, EWY and KRW=X" */
function listSymbols(symbols: readonly string[]): string {
  const shown = symbols.slice(0, 3);
  const rest = symbols.length - shown.length;
  if (rest > 0) return `${shown.join(", ")} and ${rest} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}` : (shown[0] ?? "");
}

/**
 * Called once per update, after the commit, with the items that entered the open queue (new sessions, or items back
 * because the event that explained them was deleted or moved); never with an empty list. Each item is announced to
 * the followers of its assets and to webhooks taking `move.detected`, once: the key names the item and its assets, so
 * a recompute that finds the same move again adds nothing. A failure here is logged and does not undo the update.
 */
export async function onMovesDetected(items: readonly DetectedMoveItem[]): Promise<void> {
  for (const item of items) {
    const who = listSymbols(item.symbols);
    const together = item.symbols.length > 1 ? " moved together" : " moved";
    const title = item.kind === "CHECK_DATA" ? `Check the data: ${who} on ${item.session}` : `${who}${together} on ${item.session} with no logged event`;
    const text =
      item.kind === "CHECK_DATA"
        ? `A quality flag marks the prices of ${item.session}; the move (largest |z| ${item.maxAbsZ.toFixed(1)}) may be a data error.`
        : `Largest abnormal return ${item.maxAbsZ.toFixed(1)} standard deviations; no live event exposing ${item.symbols.length > 1 ? "these assets" : "it"} has its day 0 within a session.`;
    await publishNotification({
      type: "move.detected",
      title,
      text,
      url: `/triage?status=ALL&from=${item.session}&to=${item.session}`,
      assetIds: item.assetIds,
      key: `move.detected:${item.session}:${[...item.assetIds].sort((a, b) => a - b).join(",")}`,
      payload: { itemId: item.id, session: item.session, kind: item.kind, maxAbsZ: item.maxAbsZ, symbols: item.symbols },
    });
  }
}

export interface MoveUpdateSummary {
  assets: number;
  moves: number;
  /** Items that entered the open queue. */
  opened: DetectedMoveItem[];
  /** Items that left it because no unexplained move is left on their session. */
  resolved: number;
}

async function globalThreshold(client: pg.PoolClient): Promise<number> {
  const { rows } = await client.query<{ threshold: number }>("SELECT threshold FROM move_settings WHERE id = 1");
  return rows[0]?.threshold ?? MOVE_DETECTION_DEFAULTS.threshold;
}

async function writeMoves(client: pg.PoolClient, scanned: { id: number; from: string | null }[], moves: DetectedMove[], symbols: Map<number, string>) {
  const removed = await client.query<{ item_id: number }>(
    `DELETE FROM move_item_asset m USING unnest($1::int[], $2::date[]) AS s(asset_id, from_date)
     WHERE m.asset_id = s.asset_id AND (s.from_date IS NULL OR m.session >= s.from_date)
     RETURNING m.item_id`,
    [scanned.map((a) => a.id), scanned.map((a) => a.from)],
  );
  const sessions = [...new Set(moves.map((m) => m.session))];
  const created = await client.query<{ id: number }>(
    `INSERT INTO move_item (session, updated_at) SELECT s, now() FROM unnest($1::date[]) AS s
     ON CONFLICT (session) DO NOTHING RETURNING id`,
    [sessions],
  );
  const added = await client.query<{ item_id: number }>(
    `INSERT INTO move_item_asset (item_id, asset_id, session, ret, abnormal_return, z, z_ewma, suspect)
     SELECT i.id, u.asset_id, u.session, u.ret, u.ar, u.z, u.z_ewma, u.suspect
     FROM unnest($1::int[], $2::date[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::bool[])
          AS u(asset_id, session, ret, ar, z, z_ewma, suspect)
     JOIN move_item i ON i.session = u.session
     RETURNING item_id`,
    [
      moves.map((m) => m.assetId), moves.map((m) => m.session), moves.map((m) => m.ret), moves.map((m) => m.abnormalReturn),
      moves.map((m) => m.z), moves.map((m) => m.zEwma), moves.map((m) => m.suspect),
    ],
  );
  const touched = [...new Set([...removed.rows.map((r) => r.item_id), ...added.rows.map((r) => r.item_id)])];
  const createdIds = new Set(created.rows.map((r) => r.id));
  // Aggregates, then the status: an open item with no move left is resolved (an event now explains it); an item that
  // resolved that way and has moves again (the event was deleted or moved) reopens. Dismissed and linked items keep
  // their status whatever the recompute finds, and so does one resolved by an event created from it.
  const { rows } = await client.query<{ id: number; session: string; kind: "EXPLAIN" | "CHECK_DATA"; max_abs_z: number; status: string; was: string; n: number; symbols: number[] }>(
    `WITH agg AS (
       SELECT t.id, COALESCE(max(abs(m.z)), 0) AS max_abs_z, count(m.asset_id)::int AS n, COALESCE(bool_or(m.suspect), false) AS suspect,
              COALESCE(array_agg(m.asset_id ORDER BY abs(m.z) DESC) FILTER (WHERE m.asset_id IS NOT NULL), '{}') AS symbols
       FROM unnest($1::int[]) AS t(id) LEFT JOIN move_item_asset m ON m.item_id = t.id GROUP BY t.id
     ), old AS (SELECT i.id, i.status FROM move_item i JOIN agg ON agg.id = i.id FOR UPDATE OF i)
     UPDATE move_item i SET
       max_abs_z = agg.max_abs_z, asset_count = agg.n,
       kind = (CASE WHEN agg.suspect THEN 'CHECK_DATA' ELSE 'EXPLAIN' END)::"MoveItemKind",
       status = (CASE WHEN agg.n = 0 AND i.status = 'OPEN' THEN 'RESOLVED'
                      WHEN agg.n > 0 AND i.status = 'RESOLVED' AND i.event_id IS NULL THEN 'OPEN'
                      ELSE i.status::text END)::"MoveItemStatus",
       updated_at = now()
     FROM agg, old WHERE i.id = agg.id AND old.id = agg.id
     RETURNING i.id, to_char(i.session, 'YYYY-MM-DD') AS session, i.kind::text AS kind, i.max_abs_z, i.status::text AS status, old.status::text AS was, agg.n, agg.symbols`,
    [touched],
  );
  const opened: DetectedMoveItem[] = [];
  let resolved = 0;
  for (const r of rows) {
    if (r.status === "OPEN" && r.n > 0 && (createdIds.has(r.id) || r.was !== "OPEN")) {
      opened.push({ id: r.id, session: r.session, kind: r.kind, maxAbsZ: r.max_abs_z, assetIds: r.symbols, symbols: r.symbols.map((id) => symbols.get(id) ?? String(id)) });
    }
    if (r.status === "RESOLVED" && r.was === "OPEN") resolved++;
  }
  // Items created for sessions whose moves all failed to insert cannot exist (sessions come from the moves), and
  // items left with nothing and never decided on are removed so the table holds only what someone may look at.
  await client.query(`DELETE FROM move_item WHERE id = ANY($1::int[]) AND asset_count = 0 AND status = 'RESOLVED' AND event_id IS NULL AND decided_at IS NULL`, [touched]);
  return { opened, resolved };
}

/** Drains the queue of assets to rescore (those another instance is draining are left to it). */
export async function updatePendingMoves(): Promise<MoveUpdateSummary> {
  const summary = await withTransaction(async (client) => {
    const pending = await client.query<{ asset_id: number; from_date: string | null }>(
      `DELETE FROM move_scan_pending WHERE asset_id IN (SELECT asset_id FROM move_scan_pending FOR UPDATE SKIP LOCKED)
       RETURNING asset_id, CASE WHEN from_date = '-infinity'::date THEN NULL ELSE to_char(from_date, 'YYYY-MM-DD') END AS from_date`,
    );
    if (pending.rows.length === 0) return { assets: 0, moves: 0, opened: [], resolved: 0 };
    const scanned = pending.rows.map((r) => ({ id: r.asset_id, from: r.from_date }));
    const { inputs, symbols } = await readScanInputs(client, scanned);
    const config = { ...MOVE_DETECTION_DEFAULTS, threshold: await globalThreshold(client) };
    const moves = inputs.flatMap((input) => detectMoves(input, config));
    const { opened, resolved } = await writeMoves(client, scanned, moves, symbols);
    return { assets: scanned.length, moves: moves.length, opened, resolved };
  });
  if (summary.opened.length > 0) {
    try {
      await onMovesDetected(summary.opened);
    } catch (err) {
      // The database going away mid-way is an outage, logged once elsewhere: one line here, no stack.
      if (isDatabaseUnavailable(err)) logger().warn("triage: new moves not announced, the database is unavailable");
      else logger().error({ err }, "triage: onMovesDetected failed");
    }
  }
  return summary;
}

/**
 * What the triage page and the overview card call before reading the queue: one indexed read when nothing is
 * pending (the usual case, as the worker drains the queue every minute and refreshes and imports drain it at once),
 * so a page view writes only when a change since the last drain (an event saved a moment ago) is still unscored.
 */
export async function updatePendingMovesIfAny(): Promise<MoveUpdateSummary | null> {
  const { rows } = await pgPool().query<{ pending: boolean }>("SELECT EXISTS (SELECT 1 FROM move_scan_pending) AS pending");
  return rows[0]?.pending ? updatePendingMoves() : null;
}

/** Rescores every asset from its first price (after a change of method, or for the benchmark). */
export async function queueFullMoveScan(): Promise<void> {
  await withTransaction(async (client) => {
    await client.query(`SELECT move_scan_queue(id, '-infinity'::date) FROM asset`);
  });
}
