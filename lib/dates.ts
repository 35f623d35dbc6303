// Calendar-date helpers. Trading dates travel as YYYY-MM-DD strings; PostgreSQL `date` columns arrive as Date at
// 00:00 UTC, which is converted here and nowhere else.
import { localDateTime } from "@/lib/analytics/event-time";

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

const DAY_MS = 86_400_000;
const scratch = new Date(0);

/**
 * Days since 1970-01-01 of a YYYY-MM-DD date, from its digits: no string parsing, which costs more than the rest of a
 * pass over a long series. setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999.
 */
export function dayNumber(date: string): number {
  return scratch.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

const dateOfDayCache = new Map<number, string>();

/** The YYYY-MM-DD date `days` days after 1970-01-01, remembered (series repeat the same few thousand dates). */
export function dateOfDay(days: number): string {
  let date = dateOfDayCache.get(days);
  if (date === undefined) dateOfDayCache.set(days, (date = isoDate(new Date(days * DAY_MS))));
  return date;
}

/** True for a YYYY-MM-DD string that names a real day (not 2024-02-30, not 24-01-01). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && isoDate(d) === value;
}

/**
 * The calendar date (YYYY-MM-DD) of an instant in an IANA time zone; a RangeError for a zone the runtime does not
 * know. The analytics core's zone formatter (cached per zone) is the one implementation.
 */
export function dateInZone(instant: Date | number, timeZone: string): string {
  return localDateTime(new Date(instant), timeZone).date;
}

/** A date or date-time as typed: the calendar date, the wall-clock time if any, and the UTC offset if stated. */
export interface WallDateTime {
  date: string;
  time: { hour: number; minute: number; second: number; millisecond: number } | null;
  /** Minutes east of UTC when the text ends in Z or ±HH:MM; null when it names no offset. */
  offsetMinutes: number | null;
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS[.sss]][Z|±HH:MM] strictly: every part must exist on the calendar and the
 * clock. `Date` would quietly turn 2024-02-30 into 1 March and T24:00 into the next day; this refuses both.
 * Returns a sentence saying what is wrong instead of a value when the text is not a real instant.
 */
export function parseWallDateTime(text: string): WallDateTime | { error: string } {
  const s = text.trim();
  const m = WALL.exec(s);
  if (!m) return { error: "Enter a date as YYYY-MM-DD (or YYYY-MM-DDTHH:MM with a time)" };
  const [, y, mo, d, h, mi, se, ms, zone] = m;
  const year = Number(y), month = Number(mo), day = Number(d);
  if (month < 1 || month > 12) return { error: `${s} is not a real date: there is no month ${mo}` };
  if (day < 1 || day > daysInMonth(year, month)) return { error: `${s} is not a real date: ${y}-${mo} has no day ${d}` };
  const date = `${y}-${mo}-${d}`;
  if (h === undefined || mi === undefined) return { date, time: null, offsetMinutes: null };
  const hour = Number(h), minute = Number(mi), second = Number(se ?? 0);
  if (hour > 23) return { error: `${s} is not a real time: hours run from 00 to 23` };
  if (minute > 59) return { error: `${s} is not a real time: minutes run from 00 to 59` };
  if (second > 59) return { error: `${s} is not a real time: seconds run from 00 to 59` };
  let offsetMinutes: number | null = null;
  if (zone === "Z") offsetMinutes = 0;
  else if (zone) {
    const [oh, om] = [Number(zone.slice(1, 3)), Number(zone.slice(-2))];
    if (oh > 14 || om > 59 || (oh === 14 && om > 0)) return { error: `${s} has an impossible UTC offset ${zone}` };
    offsetMinutes = (zone.startsWith("-") ? -1 : 1) * (oh * 60 + om);
  }
  return { date, time: { hour, minute, second, millisecond: Number((ms ?? "0").padEnd(3, "0")) }, offsetMinutes };
}

/** True when the runtime knows `zone` as an IANA time zone ("Asia/Seoul", "UTC"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone.trim() !== "";
  } catch {
    return false;
  }
}

/** Minutes east of UTC of `zone` at `instant` (Seoul → 540). */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time denotes: its own offset when it states one, else `zone`'s offset on that day.
 * A time skipped by a daylight-saving jump is read with the offset in force before the jump (02:30 → 03:30).
 */
export function wallTimeToInstant(wall: WallDateTime, zone = "UTC"): Date {
  const t = wall.time ?? { hour: 0, minute: 0, second: 0, millisecond: 0 };
  const [y, mo, d] = wall.date.split("-").map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, t.hour, t.minute, t.second, t.millisecond);
  if (wall.offsetMinutes !== null) return new Date(asUtc - wall.offsetMinutes * 60_000);
  const offsets = [...new Set([zoneOffsetMinutes(new Date(asUtc), zone), zoneOffsetMinutes(new Date(asUtc - 86_400_000), zone), zoneOffsetMinutes(new Date(asUtc + 86_400_000), zone)])];
  // A candidate is real when the zone's offset at that instant is the one used to reach it; of two (a fall-back
  // hour happens twice) the earlier wins. None is real inside a spring-forward gap: the smaller offset is the one before the jump.
  const real = offsets.map((o) => asUtc - o * 60_000).filter((c) => zoneOffsetMinutes(new Date(c), zone) * 60_000 === asUtc - c);
  if (real.length) return new Date(Math.min(...real));
  return new Date(asUtc - Math.min(...offsets) * 60_000);
}
