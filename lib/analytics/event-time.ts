// Day 0 of an event for one asset: the first session of its exchange whose close could reflect the news.

import { AnalyticsInputError } from "./types";
import { lowerBound } from "./sorted-dates";

export type TimePrecision = "EXACT" | "DAY";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Calendar date (YYYY-MM-DD) and time (HH:MM:SS) of a UTC instant in an IANA time zone. */
export function localDateTime(instant: Date, timeZone: string): { date: string; time: string } {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}:${parts.second}` };
}

/** Index of the first session date ≥ date (or > date when `strictlyAfter`), or null when there is none. */
function firstSessionFrom(sessionDates: readonly string[], date: string, strictlyAfter: boolean): number | null {
  let i = lowerBound(sessionDates, date);
  // Sessions are distinct: at most one equals `date`.
  if (strictlyAfter && sessionDates[i] === date) i++;
  return i < sessionDates.length ? i : null;
}

/**
 * Index in `sessionDates` of event day 0. EXACT: the event's calendar date in the exchange zone, moved to the next
 * session when the local time is at or after the session close (`HH:MM`) or the date is not a session. DAY: the
 * instant's UTC calendar date (the time is not known), moved to the next session when not a session. Null when the
 * event is after the last session.
 */
export function firstReactingSession(
  eventInstantUtcISO: string,
  precision: TimePrecision,
  sessionDates: readonly string[],
  timeZone: string,
  sessionCloseLocal: string,
): number | null {
  const instant = new Date(eventInstantUtcISO);
  if (Number.isNaN(instant.getTime())) throw new AnalyticsInputError(`not an ISO instant: ${eventInstantUtcISO}`);
  if (!/^\d{2}:\d{2}$/.test(sessionCloseLocal)) throw new AnalyticsInputError(`session close must be HH:MM: ${sessionCloseLocal}`);
  if (precision === "DAY") return firstSessionFrom(sessionDates, instant.toISOString().slice(0, 10), false);
  const local = localDateTime(instant, timeZone);
  const afterClose = local.time >= `${sessionCloseLocal}:00`;
  return firstSessionFrom(sessionDates, local.date, afterClose);
}
