// Read side of the triage queue: items by size with their moves, counts, and the prices around each session for the
// sparklines. Reads the stored moves only; `updatePendingMoves` keeps them current.
import "server-only";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { readQuery } from "@/lib/db/read-routing";
import { closesAroundSessions, type SparkPoint } from "@/lib/prices/around-sessions";
import { type DismissReasonCode, type MoveFilter, type MoveKind, type MoveStatus } from "@/lib/triage/schemas";

export const PAGE_SIZE = 20;
/** Sessions either side of the move the sparkline shows. */
export const SPARK_SESSIONS = 10;

export interface MoveRow {
  assetId: number;
  symbol: string;
  name: string;
  ret: number;
  abnormalReturn: number;
  z: number;
  zEwma: number;
  suspect: boolean;
}

export interface MoveItemView {
  id: number;
  session: string;
  status: MoveStatus;
  kind: MoveKind;
  maxAbsZ: number;
  dismissReason: DismissReasonCode | null;
  dismissNote: string | null;
  eventId: number | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  /** Largest |z| first. */
  moves: MoveRow[];
}

function where(filter: Omit<MoveFilter, "page">, onlyId?: number): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const clauses: string[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    values.push(value);
    clauses.push(sql(`$${values.length}`));
  };
  if (onlyId !== undefined) add((p) => `i.id = ${p}::int`, onlyId);
  if (filter.status !== "ALL") add((p) => `i.status = ${p}::"MoveItemStatus"`, filter.status);
  if (filter.kind) add((p) => `i.kind = ${p}::"MoveItemKind"`, filter.kind);
  if (filter.from) add((p) => `i.session >= ${p}::date`, filter.from);
  if (filter.to) add((p) => `i.session <= ${p}::date`, filter.to);
  if (filter.minZ !== undefined) add((p) => `i.max_abs_z >= ${p}::float8`, filter.minZ);
  if (filter.asset) {
    add((p) => `EXISTS (SELECT 1 FROM move_item_asset m JOIN asset a ON a.id = m.asset_id WHERE m.item_id = i.id AND upper(a.symbol) = upper(${p}))`, filter.asset);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "", values };
}

/** One page of items matching `filter`, largest move first, and how many match in all. */
export async function listMoveItems(filter: MoveFilter, pageSize = PAGE_SIZE, onlyId?: number): Promise<{ items: MoveItemView[]; total: number }> {
  const w = where(filter, onlyId);
  const offset = (filter.page - 1) * pageSize;
  const [page, count] = await Promise.all([
    readQuery<{ id: number; session: string; status: MoveStatus; kind: MoveKind; max_abs_z: number; dismiss_reason: DismissReasonCode | null; dismiss_note: string | null; event_id: number | null; decided_by_name: string | null; decided_at: Date | null; moves: MoveRow[] | null }>(
      `SELECT i.id, to_char(i.session, 'YYYY-MM-DD') AS session, i.status::text AS status, i.kind::text AS kind, i.max_abs_z,
              i.dismiss_reason::text AS dismiss_reason, i.dismiss_note, i.event_id, i.decided_by_name, i.decided_at,
              (SELECT json_agg(json_build_object('assetId', a.id, 'symbol', a.symbol, 'name', a.name, 'ret', m.ret, 'abnormalReturn', m.abnormal_return,
                                                 'z', m.z, 'zEwma', m.z_ewma, 'suspect', m.suspect) ORDER BY abs(m.z) DESC)
               FROM move_item_asset m JOIN asset a ON a.id = m.asset_id WHERE m.item_id = i.id) AS moves
       FROM move_item i ${w.sql}
       ORDER BY i.max_abs_z DESC, i.session DESC, i.id
       LIMIT ${pageSize} OFFSET ${offset}`,
      w.values,
    ),
    readQuery<{ n: number }>(`SELECT count(*)::int AS n FROM move_item i ${w.sql}`, w.values),
  ]);
  return {
    items: page.rows.map((r) => ({
      id: r.id, session: r.session, status: r.status, kind: r.kind, maxAbsZ: r.max_abs_z, dismissReason: r.dismiss_reason,
      dismissNote: r.dismiss_note, eventId: r.event_id, decidedByName: r.decided_by_name, decidedAt: r.decided_at, moves: r.moves ?? [],
    })),
    total: count.rows[0]?.n ?? 0,
  };
}

/** Open items by kind, as columns of a SELECT over the open rows of move_item. */
const OPEN_COUNTS = "count(*) FILTER (WHERE kind = 'EXPLAIN')::int AS explain, count(*) FILTER (WHERE kind = 'CHECK_DATA')::int AS check_data";

/** Open items by kind, for the triage page's header. */
export async function openMoveCounts(): Promise<{ explain: number; checkData: number }> {
  const { rows } = await readQuery<{ explain: number; check_data: number }>(`SELECT ${OPEN_COUNTS} FROM move_item WHERE status = 'OPEN'`);
  return { explain: rows[0]?.explain ?? 0, checkData: rows[0]?.check_data ?? 0 };
}

/** Adjusted closes of each (asset, session) pair from SPARK_SESSIONS before to SPARK_SESSIONS after, keyed "assetId:session". */
export function sparklines(pairs: readonly { assetId: number; session: string }[]): Promise<Map<string, SparkPoint[]>> {
  return closesAroundSessions(pairs, SPARK_SESSIONS);
}

/** An event offered in the "link to an event" picker. */
export interface NearbyEvent {
  id: number;
  title: string;
  date: string;
}

/**
 * Live events within `days` calendar days of each session, nearest first (up to 20 a session), for the "link to an
 * event" picker: one statement for a page of items, keyed by session.
 */
export async function eventsNear(sessions: readonly string[], days = 10): Promise<Map<string, NearbyEvent[]>> {
  const out = new Map<string, NearbyEvent[]>();
  const wanted = [...new Set(sessions)];
  if (wanted.length === 0) return out;
  const { rows } = await readQuery<{ session: string; events: NearbyEvent[] }>(
    `SELECT s.session, COALESCE(n.events, '[]'::json) AS events
     FROM unnest($1::text[]) AS s(session)
     CROSS JOIN LATERAL (
       SELECT json_agg(json_build_object('id', e.id, 'title', e.title, 'date', e.date) ORDER BY e.distance, e.occurred_at DESC) AS events
       FROM (SELECT id, title, occurred_at, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date, abs(extract(epoch FROM occurred_at - s.session::date)) AS distance
             FROM event
             WHERE deleted_at IS NULL AND occurred_at BETWEEN s.session::date - $2::int AND s.session::date + $2::int + 1
             ORDER BY distance, occurred_at DESC LIMIT 20) e
     ) n`,
    [wanted, days],
  );
  for (const r of rows) out.set(r.session, r.events);
  return out;
}

/** One item with its moves, or null (the "create an event" prefill). */
export async function moveItemById(id: number): Promise<MoveItemView | null> {
  const { items } = await listMoveItems({ status: "ALL", page: 1 }, 1, id);
  return items[0] ?? null;
}

/** The global k and the assets with their own. */
export async function moveThresholds(): Promise<{ global: number; assets: { symbol: string; threshold: number }[] }> {
  const { rows } = await readQuery<{ global: number | null; assets: { symbol: string; threshold: number }[] }>(
    `SELECT (SELECT threshold FROM move_settings WHERE id = 1) AS global,
            COALESCE((SELECT json_agg(json_build_object('symbol', a.symbol, 'threshold', t.threshold) ORDER BY a.symbol)
                      FROM asset_move_threshold t JOIN asset a ON a.id = t.asset_id), '[]'::json) AS assets`,
  );
  return { global: rows[0]?.global ?? 3, assets: rows[0]?.assets ?? [] };
}

/** An open item as the overview's card names it: its session and its largest moves. */
export interface TriageCardItem {
  id: number;
  session: string;
  /** Largest |z| first. */
  moves: { symbol: string; z: number }[];
}

/**
 * The overview card's figures: the open counts and the three largest open items as stored, in one statement (every
 * overview view reads it); null while the database is unreachable, so the card says so instead of failing the
 * overview. The card does not score what is pending: the overview is the busiest page, and scoring there put a rescore
 * in every view while analysts were saving events. The worker scores the queue within a minute, and the triage page
 * scores it before it lists anything.
 */
export async function triageCardData(): Promise<{ counts: { explain: number; checkData: number }; items: TriageCardItem[] } | null> {
  try {
    const { rows } = await readQuery<{ explain: number; check_data: number; items: TriageCardItem[] | null }>(
      `SELECT ${OPEN_COUNTS},
              (SELECT json_agg(json_build_object('id', t.id, 'session', to_char(t.session, 'YYYY-MM-DD'), 'moves',
                        (SELECT json_agg(json_build_object('symbol', a.symbol, 'z', m.z) ORDER BY abs(m.z) DESC)
                         FROM move_item_asset m JOIN asset a ON a.id = m.asset_id WHERE m.item_id = t.id)) ORDER BY t.max_abs_z DESC, t.session DESC, t.id)
               FROM (SELECT id, session, max_abs_z FROM move_item WHERE status = 'OPEN' ORDER BY max_abs_z DESC, session DESC, id LIMIT 3) t) AS items
       FROM move_item WHERE status = 'OPEN'`,
    );
    const row = rows[0];
    return { counts: { explain: row?.explain ?? 0, checkData: row?.check_data ?? 0 }, items: (row?.items ?? []).map((i) => ({ ...i, moves: i.moves ?? [] })) };
  } catch (err) {
    if (isDatabaseUnavailable(err)) return null;
    throw err;
  }
}
