// Payloads the hostile-input battery places in structured fields (ids, dates, enums, symbols), where each must be
// refused. In free-text fields the same strings are legitimate data and are stored verbatim.
export const INJECTION_PAYLOADS = [
  "'; DROP TABLE event; --",
  "1 OR 1=1",
  "' UNION SELECT password FROM account --",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "=cmd|' /C calc'!A0",
  "@SUM(A1)",
  "../../../../etc/passwd",
  "\u202Eevil",
  "\u200B",
  "𝕏",
];

/** Invalid dates and time zones: impossible days, out-of-range years, zone names, offsets past ±14h, other formats. */
export const DATE_PAYLOADS = [
  "",
  "2024-02-30",
  "2023-02-29",
  "2024-13-01",
  "2024-00-10",
  "24-01-01",
  "01/06/2024",
  "2024-06-19T25:00",
  "2024-06-19T10:60",
  "2024-06-19T10:00+25:00",
  "2024-06-19T10:00 Europe/Moscow",
  "2024-06-19T10:00[Asia/Pyongyang]",
  "2024-06-19T10:00:00.1234Z",
  "1899-12-31",
  "9999-12-31",
  "+275760-09-13",
  "0000-00-00",
  "２０２４-０６-１９",
  "2024-06-19'; DROP TABLE event; --",
  "=TODAY()",
];

export const ID_PAYLOADS = ["abc", "-1", "0", "1.5", "99999999999", "1 OR 1=1", "../1", "%00", "1e3", "0x10", "", "２"];

export const TEXT_WITH_NUL = "before\u0000after";
