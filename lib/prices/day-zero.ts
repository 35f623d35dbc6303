// Where an event sits on an asset's chart: the asset's first trading session that could react to it — the same
// day 0 the event studies use (MacKinlay: the event's date on the exchange, or the next session when the event came
// after that session's close or on a day without a session).
import { firstReactingSession } from "@/lib/analytics";
import { sessionCloseFor, type SessionClose } from "@/lib/prices/exchange-hours";
import { dateInZone, isoDate } from "@/lib/dates";

export interface MarkerEvent {
  id: number;
  occurredAt: Date;
  timePrecision: "EXACT" | "DAY";
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
  let lo = 0;
  let hi = sessions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sessions[mid]! < date) lo = mid + 1;
    else hi = mid;
  }
  return lo < sessions.length ? lo : -1;
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
 * last session, or before the first (a window that starts later cannot say which session reacted first).
 */
export function reactingSessionIndex(event: MarkerEvent, sessions: readonly string[], asset: MarkerAsset): number {
  if (sessions.length === 0 || eventDateOnExchange(event, asset.timeZone) < sessions[0]!) return -1;
  return dayZero(event, sessions, sessionCloseFor(asset)) ?? -1;
}
