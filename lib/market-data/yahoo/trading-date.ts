// Yahoo stamps each daily bar with the session's start instant, which is a different UTC time per market: 13:30 or
// 14:30 UTC for US stocks, midnight New York for US futures, midnight London for FX, midnight Seoul (15:00 UTC the
// day before) for KRX. The trading date is that instant's calendar date in the exchange's own time zone.

// The trading date is `dateInZone` of lib/dates (a RangeError for an unknown zone: callers treat that as an
// invalid response).

/** `date` (YYYY-MM-DD) shifted by `days`, as a UTC midnight Date. */
export function utcMidnight(date: string, days = 0): Date {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y ?? NaN, (m ?? NaN) - 1, (d ?? NaN) + days));
}
