// Reads a daily price CSV an analyst uploads (Faultline's own columns or a Yahoo download's) into DailyBars.
// Pure: no I/O, no clock. Every row is checked and every problem reported with its line and column; when there is
// any error no bars are returned at all, so a caller cannot store half a file. Things that look odd but happen in
// real data (close outside high/low on Yahoo FX rows, big one-day moves, long gaps) are flags, not errors.
import { parse } from "csv-parse/sync";
import type { DailyBar } from "@/lib/market-data/provider";
import { qualityFlags, type QualityFlag, type QualityFlagCode } from "@/lib/market-data/quality";

export type PriceCsvColumn = "date" | "open" | "high" | "low" | "close" | "adj_close" | "volume";

export interface PriceCsvRowError {
  /** 1-based line in the file (the header is line 1); 0 for a problem with the file as a whole. */
  line: number;
  column: PriceCsvColumn | null;
  reason: string;
}

export type PriceCsvFlagCode = QualityFlagCode;
export type PriceCsvFlag = QualityFlag;

export type PriceCsvResult =
  | { ok: true; bars: DailyBar[]; flags: PriceCsvFlag[] }
  | { ok: false; errors: PriceCsvRowError[] };

export interface PriceCsvOptions {
  /** Data rows allowed (default 200,000 — eight centuries of daily bars). */
  maxRows?: number;
  /** Characters allowed (default 20 MB). */
  maxChars?: number;
  /** A close-to-close move beyond this fraction is flagged (default 0.25). */
  largeMoveThreshold?: number;
  /** A gap of more than this many calendar days between rows is flagged (default 10: longer than any holiday). */
  maxGapDays?: number;
  /** Errors listed before the rest are summarised in one line (default 1,000). */
  maxErrors?: number;
}

const HEADER_ALIASES: Record<string, PriceCsvColumn> = {
  date: "date",
  open: "open",
  high: "high",
  low: "low",
  close: "close",
  adjclose: "adj_close",
  adjustedclose: "adj_close",
  volume: "volume",
};

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

export function parsePriceCsv(text: string, options: PriceCsvOptions = {}): PriceCsvResult {
  const maxRows = options.maxRows ?? 200_000;
  const maxChars = options.maxChars ?? 20_000_000;
  const threshold = options.largeMoveThreshold ?? 0.25;
  const maxGapDays = options.maxGapDays ?? 10;
  const maxErrors = options.maxErrors ?? 1_000;
  const fail = (reason: string, line = 0): PriceCsvResult => ({ ok: false, errors: [{ line, column: null, reason }] });

  if (text.length > maxChars) {
    return fail(`The file is larger than ${(maxChars / 1_000_000).toFixed(0)} MB; split it into smaller files.`);
  }

  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === "number" ? (error as { lines: number }).lines : 0;
    return fail(`The file is not valid CSV: ${error instanceof Error ? error.message : String(error)}`, line);
  }

  const [header, ...rows] = records;
  if (!header) return fail("The file is empty.");
  if (rows.length > maxRows) {
    return fail(`The file has ${rows.length.toLocaleString("en-US")} rows; at most ${maxRows.toLocaleString("en-US")} can be imported at once.`);
  }

  // Column positions by header name, in any order, case and spacing ignored ("Adj Close" = "adj_close").
  const position = new Map<PriceCsvColumn, number>();
  const headerErrors: PriceCsvRowError[] = [];
  header.record.forEach((name, index) => {
    const column = HEADER_ALIASES[name.toLowerCase().replace(/[^a-z]/g, "")];
    if (!column) return; // extra columns are ignored
    if (position.has(column)) headerErrors.push({ line: header.info.lines, column, reason: `The column "${column}" appears twice in the header.` });
    else position.set(column, index);
  });
  for (const required of ["date", "close"] as const) {
    if (!position.has(required)) headerErrors.push({ line: header.info.lines, column: required, reason: `The header has no "${required}" column.` });
  }
  if (headerErrors.length) return { ok: false, errors: headerErrors };
  if (rows.length === 0) return fail("The file has a header but no data rows.");

  const errors: PriceCsvRowError[] = [];
  const parsed: Array<{ bar: DailyBar; line: number }> = [];
  const lineOfDate = new Map<string, number>();

  for (const { record, info } of rows) {
    const line = info.lines;
    const rowErrors: PriceCsvRowError[] = [];
    const cell = (column: PriceCsvColumn) => {
      const index = position.get(column);
      return index === undefined ? "" : (record[index] ?? "");
    };
    const number = (column: PriceCsvColumn, required: boolean): number | null => {
      const raw = cell(column);
      // Yahoo's own CSV downloads wrote "null" for a missing value.
      if (raw === "" || raw.toLowerCase() === "null") {
        if (required) rowErrors.push({ line, column, reason: `The ${column} is missing.` });
        return null;
      }
      const value = NUMBER.test(raw) ? Number(raw) : NaN;
      if (!Number.isFinite(value)) {
        rowErrors.push({ line, column, reason: `"${raw}" is not a number.` });
        return null;
      }
      const positive = column !== "volume";
      if (positive ? value <= 0 : value < 0) {
        rowErrors.push({ line, column, reason: `The ${column} must be ${positive ? "greater than 0" : "0 or more"}, not ${raw}.` });
        return null;
      }
      return value;
    };

    const date = cell("date");
    if (date === "") rowErrors.push({ line, column: "date", reason: "The date is missing." });
    else if (!isCalendarDate(date)) rowErrors.push({ line, column: "date", reason: `"${date}" is not a date in the form YYYY-MM-DD.` });
    const open = number("open", false);
    const high = number("high", false);
    const low = number("low", false);
    const close = number("close", true);
    const adjClose = number("adj_close", false);
    const volume = number("volume", false);
    if (high !== null && low !== null && high < low) {
      rowErrors.push({ line, column: "high", reason: `The high (${high}) is below the low (${low}).` });
    }
    if (isCalendarDate(date)) {
      const earlier = lineOfDate.get(date);
      if (earlier !== undefined) rowErrors.push({ line, column: "date", reason: `${date} appears twice, on lines ${earlier} and ${line}.` });
      else lineOfDate.set(date, line);
    }

    if (rowErrors.length) errors.push(...rowErrors);
    else if (close !== null) parsed.push({ bar: { date, open, high, low, close, adjClose, volume }, line });
  }

  if (errors.length) {
    if (errors.length <= maxErrors) return { ok: false, errors };
    const rest = errors.length - maxErrors;
    return { ok: false, errors: [...errors.slice(0, maxErrors), { line: 0, column: null, reason: `…and ${rest} more errors.` }] };
  }

  const bars = parsed.map((p) => p.bar).sort((a, b) => (a.date < b.date ? -1 : 1));
  return { ok: true, bars, flags: qualityFlags(bars, { largeMoveThreshold: threshold, maxGapDays }) };
}

