// Event intensity: events per ISO week weighted by severity, the series the overview sets against volatility.
// Pure: weeks start on Monday (UTC calendar dates).
import { isoDate } from "@/lib/dates";

export interface WeeklyIntensity {
  week: string; // Monday, YYYY-MM-DD
  events: number;
  intensity: number; // Σ severity
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (a Thursday) of a YYYY-MM-DD date: plain arithmetic, no Date object per call. */
function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** The day number of the Monday on or before a date. */
function mondayNumber(date: string): number {
  const n = dayNumber(date);
  return n - ((((n + 3) % 7) + 7) % 7);
}

const dateOf = (day: number) => isoDate(new Date(day * DAY_MS));

export function mondayOf(date: string): string {
  return dateOf(mondayNumber(date));
}

/** Weekly sums as PostgreSQL aggregates them (weeks with events only), with the quiet weeks from `from` to `to` as zeros. */
export function everyWeek(sums: readonly WeeklyIntensity[], from: string, to: string): WeeklyIntensity[] {
  const byWeek = new Map<number, WeeklyIntensity>();
  for (let w = mondayNumber(from), last = dayNumber(to); w <= last; w += 7) byWeek.set(w, { week: dateOf(w), events: 0, intensity: 0 });
  for (const s of sums) {
    const bucket = byWeek.get(mondayNumber(s.week));
    if (!bucket) continue;
    bucket.events += s.events;
    bucket.intensity += s.intensity;
  }
  return [...byWeek.values()];
}

/** A volatility series sampled at the last session of each week (null for weeks without one). */
export function weeklyLast(dates: readonly string[], values: ArrayLike<number>, weeks: readonly string[]): (number | null)[] {
  const last = new Map<number, number>();
  for (let i = 0; i < dates.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) last.set(mondayNumber(dates[i]!), v);
  }
  return weeks.map((w) => last.get(mondayNumber(w)) ?? null);
}
