// Where an event sits on an asset's chart: the asset's first trading session that could react to it.
import { dateInZone } from "@/lib/dates";

export interface MarkerEvent {
  id: number;
  occurredAt: Date;
  timePrecision: "EXACT" | "DAY";
}

/** The event's calendar date on the exchange: the UTC date for day-precision events, the local date otherwise. */
export function eventDateOnExchange(event: MarkerEvent, timeZone: string): string {
  return event.timePrecision === "DAY" ? event.occurredAt.toISOString().slice(0, 10) : dateInZone(event.occurredAt, timeZone);
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
