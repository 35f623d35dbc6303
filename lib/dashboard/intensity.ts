// Event intensity: events per ISO week weighted by severity, the series the overview sets against volatility.
// Pure: weeks start on Monday (UTC calendar dates).

export interface WeeklyIntensity {
  week: string; // Monday, YYYY-MM-DD
  events: number;
  intensity: number; // Σ severity
}

export function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const offset = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - offset);
  return d.toISOString().slice(0, 10);
}

/** Every week from the first to the last given (quiet weeks included, as zeros). */
export function weeklyIntensity(events: readonly { date: string; severity: number }[], from: string, to: string): WeeklyIntensity[] {
  const byWeek = new Map<string, WeeklyIntensity>();
  for (let w = mondayOf(from); w <= to; ) {
    byWeek.set(w, { week: w, events: 0, intensity: 0 });
    const d = new Date(`${w}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 7);
    w = d.toISOString().slice(0, 10);
  }
  for (const e of events) {
    const bucket = byWeek.get(mondayOf(e.date));
    if (!bucket) continue;
    bucket.events += 1;
    bucket.intensity += e.severity;
  }
  return [...byWeek.values()];
}

/** A volatility series sampled at the last session of each week (null for weeks without one). */
export function weeklyLast(dates: readonly string[], values: ArrayLike<number>, weeks: readonly string[]): (number | null)[] {
  const last = new Map<string, number>();
  for (let i = 0; i < dates.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) last.set(mondayOf(dates[i]!), v);
  }
  return weeks.map((w) => last.get(w) ?? null);
}
