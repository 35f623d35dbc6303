// The first usable sessions of an asset from the day before each exposed event, enough to find every event's day 0
// without loading whole histories, each marked with whether the asset's benchmark traded that day too: the studies'
// day 0 moves to the next session both traded (lib/analytics dayZero), so a report needs the same calendar.
import "server-only";
import { readQuery } from "@/lib/db/read-routing";
import type { TimePrecision } from "@/lib/enums";

/** Sessions read per event: day 0 sits within a few sessions of the event, even across a long benchmark holiday. */
export const SESSIONS_AFTER_EVENT = 30;

export interface ExposedEventSessions {
  eventId: number;
  assetId: number;
  occurredAt: Date;
  timePrecision: TimePrecision;
  /** Ascending YYYY-MM-DD sessions with a usable price, from the day before the event's UTC date. */
  sessions: string[];
  /**
   * The asset's benchmark and which of `sessions` it traded (had a usable price), or null when the asset has no
   * benchmark or its benchmark has fewer than two usable prices (the studies then use the constant-mean model on the
   * asset's own sessions).
   */
  benchmark: { symbol: string; sessions: string[] } | null;
}

const USABLE = (p: string) => `COALESCE(${p}.adj_close, ${p}.close) > 0 AND COALESCE(${p}.adj_close, ${p}.close) < 'Infinity'::float8`;

export async function sessionsAfterExposedEvents(assetIds: readonly number[]): Promise<ExposedEventSessions[]> {
  if (assetIds.length === 0) return [];
  const { rows } = await readQuery<{
    event_id: number;
    asset_id: number;
    occurred_at: Date;
    time_precision: TimePrecision;
    sessions: string[];
    benchmark_symbol: string | null;
    benchmark_sessions: string[] | null;
  }>(
    `SELECT x.event_id, x.asset_id, e.occurred_at, e.time_precision::text AS time_precision, s.sessions,
            CASE WHEN bm.usable THEN b.symbol END AS benchmark_symbol,
            CASE WHEN bm.usable THEN s.traded END AS benchmark_sessions
     FROM exposure x
     JOIN event e ON e.id = x.event_id AND e.deleted_at IS NULL
     JOIN asset a ON a.id = x.asset_id
     LEFT JOIN asset b ON b.id = a.benchmark_id
     CROSS JOIN LATERAL (
       SELECT (SELECT count(*) FROM (SELECT 1 FROM price_bar q WHERE q.asset_id = b.id AND ${USABLE("q")} LIMIT 2) two) = 2 AS usable
     ) bm
     CROSS JOIN LATERAL (
       SELECT COALESCE(array_agg(to_char(f.date, 'YYYY-MM-DD') ORDER BY f.date), '{}') AS sessions,
              COALESCE(array_agg(to_char(f.date, 'YYYY-MM-DD') ORDER BY f.date) FILTER (WHERE f.benchmark_traded), '{}') AS traded
       FROM (
         SELECT p.date, EXISTS (SELECT 1 FROM price_bar q WHERE q.asset_id = b.id AND q.date = p.date AND ${USABLE("q")}) AS benchmark_traded
         FROM price_bar p
         WHERE p.asset_id = x.asset_id AND p.date >= (e.occurred_at AT TIME ZONE 'UTC')::date - 1 AND ${USABLE("p")}
         ORDER BY p.date LIMIT ${SESSIONS_AFTER_EVENT}
       ) f
     ) s
     WHERE x.asset_id = ANY($1::int[])`,
    [[...assetIds]],
  );
  return rows.map((r) => ({
    eventId: r.event_id,
    assetId: r.asset_id,
    occurredAt: r.occurred_at,
    timePrecision: r.time_precision,
    sessions: r.sessions,
    benchmark: r.benchmark_symbol !== null && r.benchmark_sessions !== null ? { symbol: r.benchmark_symbol, sessions: r.benchmark_sessions } : null,
  }));
}
