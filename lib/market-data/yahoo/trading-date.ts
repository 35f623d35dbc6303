// Yahoo stamps each daily bar with the session's start instant, which is a different UTC time per market: 13:30 or
// 14:30 UTC for US stocks, midnight New York for US futures, midnight London for FX, midnight Seoul (15:00 UTC the
// day before) for KRX. The trading date is that instant's calendar date in the exchange's own time zone.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for a zone Intl does not know; callers treat that as an invalid response.
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar date (YYYY-MM-DD) of `instant` in `timeZone`. */
export function tradingDate(instant: Date | number, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** `date` (YYYY-MM-DD) shifted by `days`, as a UTC midnight Date. */
export function utcMidnight(date: string, days = 0): Date {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y ?? NaN, (m ?? NaN) - 1, (d ?? NaN) + days));
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return utcMidnight(value).toISOString().slice(0, 10) === value;
}
