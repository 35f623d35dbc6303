// Event intensity: events per ISO week weighted by severity, the series the overview sets against volatility.
// Pure: weeks start on Monday (UTC calendar dates).
import { dateOfDay, dayNumber } from "@/lib/dates";

export interface WeeklyIntensity {
  week: string; // Monday, YYYY-MM-DD
  events: number;
  intensity: number; // Σ severity
}

/** The day number (days since 1970-01-01, a Thursday) of the Monday on or before a date. */
function mondayNumber(date: string): number {
  const n = dayNumber(date);
  return n - ((((n + 3) % 7) + 7) % 7);
}

export function mondayOf(date: string): string {
  return dateOfDay(mondayNumber(date));
}

/** Weekly sums as PostgreSQL aggregates them (weeks with events only), with the quiet weeks from `from` to `to` as zeros. */
export function everyWeek(sums: readonly WeeklyIntensity[], from: string, to: string): WeeklyIntensity[] {
  const byWeek = new Map<number, WeeklyIntensity>();
  for (let w = mondayNumber(from), last = dayNumber(to); w <= last; w += 7) byWeek.set(w, { week: dateOfDay(w), events: 0, intensity: 0 });
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
