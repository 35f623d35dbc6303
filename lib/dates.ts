// Calendar-date helpers. Trading dates travel as YYYY-MM-DD strings; PostgreSQL `date` columns arrive as Date at
// 00:00 UTC, which is converted here and nowhere else.

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

/** The calendar date of an instant in an IANA time zone. */
export function dateInZone(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
  return parts; // en-CA formats as YYYY-MM-DD
}
