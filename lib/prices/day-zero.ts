// Where an event sits on an asset's chart: the asset's first trading session that could react to it — the same
// day 0 the event studies use (MacKinlay: the event's date on the exchange, or the next session when the event came
// after that session's close or on a day without a session).
import { dayZero as alignedDayZero, firstReactingSession, localDateTime, type DayZero } from "@/lib/analytics";
import { sessionCloseFor, type SessionClose } from "@/lib/prices/exchange-hours";
import { dateInZone, isoDate } from "@/lib/dates";
import { lowerBound } from "@/lib/analytics/sorted-dates";
import type { TimePrecision } from "@/lib/enums";

export interface MarkerEvent {
  id: number;
  occurredAt: Date;
  timePrecision: TimePrecision;
}

export interface MarkerAsset {
  exchange: string;
  timeZone: string;
  assetClass?: string;
}

/** The event's calendar date on the exchange: the UTC date for day-precision events, the local date otherwise. */
export function eventDateOnExchange(event: MarkerEvent, timeZone: string): string {
  return event.timePrecision === "DAY" ? isoDate(event.occurredAt) : dateInZone(event.occurredAt, timeZone);
}

/** Index of the first session on or after `date` in ascending `sessions`, or -1 when there is none. */
export function firstSessionOnOrAfter(sessions: readonly string[], date: string): number {
  const i = lowerBound(sessions, date);
  return i < sessions.length ? i : -1;
}

/**
 * Day 0: the index in ascending `sessions` of the first session whose close could reflect the event, given when the
 * exchange closes, or null when no stored session does. The one day-0 rule of charts, studies and reports.
 */
export function dayZero(event: Pick<MarkerEvent, "occurredAt" | "timePrecision">, sessions: readonly string[], close: SessionClose): number | null {
  return firstReactingSession(event.occurredAt.toISOString(), event.timePrecision, sessions, close.timeZone, close.close);
}

/**
 * Index of day 0 for `event` among the asset's ascending `sessions`, or -1 when the event falls outside them: after the
 * last session, or before the first (a window that starts later cannot say which session reacted first). With the
 * asset's `benchmark` sessions, day 0 follows the one rule of `dayZero`: the first session both traded.
 */
export function reactingSessionIndex(event: MarkerEvent, sessions: readonly string[], asset: MarkerAsset, benchmark: { symbol: string; sessions: readonly string[] } | null = null): number {
  if (sessions.length === 0 || eventDateOnExchange(event, asset.timeZone) < sessions[0]!) return -1;
  const dz = dayZeroOnChart(event, sessions, asset, benchmark);
  return dz === null ? -1 : firstSessionOnOrAfter(sessions, dz.date);
}

/** Day 0 with the benchmark's calendar (`alignedDayZero` in lib/analytics): for charts and tables of the asset's sessions. */
export function dayZeroOnChart(event: MarkerEvent, sessions: readonly string[], asset: MarkerAsset, benchmark: { symbol: string; sessions: readonly string[] } | null = null): DayZero | null {
  return alignedDayZero({ occurredAt: event.occurredAt.toISOString(), timePrecision: event.timePrecision }, sessions, sessionCloseFor(asset), benchmark);
}

/**
 * Why `day0` is the event's day 0, in one sentence for tooltips: the same rule `reactingSessionIndex` applies
 * (an exact-time event at or after the session close, or on a day without a session, moves to the next session).
 */
export function day0Reason(event: MarkerEvent, day0: string | null, close: { close: string; timeZone: string }): string {
  if (day0 === null) return "No session of this series on or after the event, so the chart cannot place it.";
  if (event.timePrecision === "DAY") {
    const d = isoDate(event.occurredAt);
    return d === day0
      ? `Known to the day only: ${d} is a session, so that session is day 0.`
      : `Known to the day only: ${d} has no session, so day 0 is the next one, ${day0}.`;
  }
  const local = localDateTime(event.occurredAt, close.timeZone);
  const at = `${local.time.slice(0, 5)} ${close.timeZone}`;
  if (local.date === day0) return `At ${at}, before the ${close.close} close: that session's close can reflect it.`;
  if (local.time >= `${close.close}:00`) return `At ${at} on ${local.date}, at or after the ${close.close} close: the next session, ${day0}, is the first to react.`;
  return `At ${at} on ${local.date}, a day without a session: the next session, ${day0}, is the first to react.`;
}
