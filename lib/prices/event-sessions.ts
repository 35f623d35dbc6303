// The first few usable sessions of an asset from the day before each exposed event, enough to find every event's day
// 0 without loading whole histories (day 0 is at most two calendar days after the event's UTC date).
import "server-only";
import { readQuery } from "@/lib/db/read-routing";
import type { TimePrecision } from "@/lib/enums";

export interface ExposedEventSessions {
  eventId: number;
  assetId: number;
  occurredAt: Date;
  timePrecision: TimePrecision;
  /** Ascending YYYY-MM-DD sessions with a usable price, from the day before the event's UTC date. */
  sessions: string[];
}

export async function sessionsAfterExposedEvents(assetIds: readonly number[]): Promise<ExposedEventSessions[]> {
  if (assetIds.length === 0) return [];
  const { rows } = await readQuery<{ event_id: number; asset_id: number; occurred_at: Date; time_precision: TimePrecision; sessions: string[] }>(
    `SELECT x.event_id, x.asset_id, e.occurred_at, e.time_precision::text AS time_precision,
            ARRAY(SELECT to_char(p.date, 'YYYY-MM-DD') FROM price_bar p
                  WHERE p.asset_id = x.asset_id AND p.date >= (e.occurred_at AT TIME ZONE 'UTC')::date - 1
                    AND COALESCE(p.adj_close, p.close) > 0 AND COALESCE(p.adj_close, p.close) < 'Infinity'::float8
                  ORDER BY p.date LIMIT 6) AS sessions
     FROM exposure x JOIN event e ON e.id = x.event_id AND e.deleted_at IS NULL
     WHERE x.asset_id = ANY($1::int[])`,
    [[...assetIds]],
  );
  return rows.map((r) => ({ eventId: r.event_id, assetId: r.asset_id, occurredAt: r.occurred_at, timePrecision: r.time_precision, sessions: r.sessions }));
}
