// Reads a daily price CSV an analyst uploads (Faultline's own columns or a Yahoo download's) into DailyBars.
// Dialects: comma, semicolon or tab delimiters and decimal commas are detected from the header and the first rows
// (docs/api.md, "Price CSV files"); Yahoo's "null" rows are skipped and flagged. Ambiguous values are refused, never guessed:
// thousands separators, a time of day that could move the trading date, numbers outside the plausible range.
// Pure: no I/O, no clock. Every row is checked and every problem reported with its line and column; when there is
// any error no bars are returned at all, so a caller cannot store half a file. Things that look odd but happen in
// real data (close outside high/low on Yahoo FX rows, big one-day moves, long gaps) are flags, not errors.
import { parse } from "csv-parse/sync";
import type { DailyBar } from "@/lib/market-data/provider";
import { qualityFlags, type QualityFlag, type QualityFlagCode } from "@/lib/market-data/quality";
import { isCalendarDate } from "@/lib/dates";

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
/** 1,234.5 · 1.234,5 · 1 234 · 1'234 · 1_234: digit groups of three after a separator. */
const THOUSANDS = /^[+-]?\d{1,3}([,.\u00a0\u202f '’_]\d{3})+([.,]\d+)?$/;
const NON_FINITE = /^[+-]?(inf(inity)?|nan)$/i;
/** A time part that keeps the written date: midnight, with or without a UTC offset. */
const MIDNIGHT = /^(\d{4}-\d{2}-\d{2})[T ]00:00(:00(\.0+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/;

/**
 * Plausible prices: above 1e-8 (a millionth of a cent: below any quoted crypto or penny stock) and below 1e10 (above
 * Bitcoin in Indonesian rupiah). Volumes up to 1e15. Outside these a value is a unit or parsing mistake.
 */
export const PRICE_BOUNDS = { min: 1e-8, max: 1e10 } as const;
export const MAX_VOLUME = 1e15;

/** "1,234.5" → "1234.5"; with decimal commas "1.234,5" → "1234,5": the number with its grouping removed. */
function ungrouped(raw: string, decimalComma: boolean): string {
  return raw.replace(decimalComma ? /[.\u00a0\u202f '’_]/g : /[,\u00a0\u202f '’_]/g, "");
}

export type CsvDelimiter = "," | ";" | "\t";
const DELIMITER_NAME: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe", ":": "colon" };

export interface CsvDialect {
  delimiter: CsvDelimiter;
  decimalComma: boolean;
}

/**
 * The delimiter from the header line (the one of comma, semicolon and tab that splits it into the most columns) and,
 * for semicolon and tab files, whether the first rows write decimals with a comma. A header none of them splits is
 * refused, naming the character that seems to separate its columns.
 */
export function detectDialect(text: string): CsvDialect | { problem: string } {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = lines[0] ?? "";
  const count = (line: string, ch: string) => line.split(ch).length - 1;
  const candidates: CsvDelimiter[] = [",", ";", "\t"];
  const best = candidates.map((d) => ({ d, n: count(header, d) })).sort((a, b) => b.n - a.n)[0]!;
  if (best.n === 0 && header.trim() !== "") {
    // Each character counted once: counting inside the sort made a long one-line header quadratic (a 20 kB line of
    // brackets kept a request busy for 20 s).
    const tally = new Map<string, number>();
    for (const ch of header.replace(/[A-Za-z0-9 _"]/g, "")) tally.set(ch, (tally.get(ch) ?? 0) + 1);
    const other = [...tally].sort((a, b) => b[1] - a[1])[0]?.[0];
    const found = other ? `"${DELIMITER_NAME[other] ?? other}" (${JSON.stringify(other)})` : "no delimiter at all";
    return { problem: `The header has a single column: the file seems to use ${found} between columns. Save it with commas, semicolons or tabs between columns.` };
  }
  if (best.d === "," || best.n === 0) return { delimiter: ",", decimalComma: false };
  const cells = lines.slice(1, 21).flatMap((l) => l.split(best.d).slice(1));
  const decimalComma = cells.some((c) => /^\s*[+-]?\d[\d.'’ ]*,\d+\s*$/.test(c));
  return { delimiter: best.d, decimalComma };
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

  const dialect = detectDialect(text);
  if ("problem" in dialect) return fail(dialect.problem, 1);

  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      delimiter: dialect.delimiter,
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
  const skipped: PriceCsvFlag[] = [];

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
      const plain = dialect.decimalComma && /^[+-]?\d+,\d+$/.test(raw) ? raw.replace(",", ".") : raw;
      if (NUMBER.test(plain) && !(dialect.decimalComma && raw.includes("."))) {
        const value = Number(plain);
        return checkRange(column, value, raw);
      }
      if (THOUSANDS.test(raw)) {
        rowErrors.push({ line, column, reason: `"${raw}" has a thousands separator: write the number without grouping (${ungrouped(raw, dialect.decimalComma)} rather than ${raw}), with ${dialect.decimalComma ? "a comma" : "a point"} before decimals only.` });
      } else if (NON_FINITE.test(raw)) {
        rowErrors.push({ line, column, reason: `"${raw}" is not a finite number: leave the cell empty when there is no ${column}.` });
      } else {
        rowErrors.push({ line, column, reason: `"${raw}" is not a number: write plain decimals such as 1234.5${dialect.decimalComma ? " or 1234,5" : ""}.` });
      }
      return null;
    };
    const checkRange = (column: PriceCsvColumn, value: number, raw: string): number | null => {
      if (!Number.isFinite(value)) {
        rowErrors.push({ line, column, reason: `"${raw}" is too large to be a number: check the column's unit.` });
        return null;
      }
      if (column === "volume") {
        if (value < 0 || value > MAX_VOLUME) {
          rowErrors.push({ line, column, reason: `The volume must be between 0 and ${MAX_VOLUME.toExponential()}, not ${raw}.` });
          return null;
        }
        return value;
      }
      if (value <= 0) {
        rowErrors.push({ line, column, reason: `The ${column} must be greater than 0, not ${raw}.` });
        return null;
      }
      if (value < PRICE_BOUNDS.min || value > PRICE_BOUNDS.max) {
        rowErrors.push({
          line, column,
          reason: `The ${column} ${raw} is outside the plausible range for a price (${PRICE_BOUNDS.min.toExponential()} to ${PRICE_BOUNDS.max.toExponential()}): check the column's unit or scale.`,
        });
        return null;
      }
      return value;
    };

    let date = cell("date");
    const midnight = MIDNIGHT.exec(date);
    if (midnight) date = midnight[1]!;
    if (date === "") rowErrors.push({ line, column: "date", reason: "The date is missing." });
    else if (DATE_TIME.test(date)) {
      rowErrors.push({
        line, column: "date",
        reason: `"${date}" has a time of day, which can put the bar on another trading date (a session's start in UTC is often the previous day). Write the trading date alone, YYYY-MM-DD.`,
      });
    } else if (!isCalendarDate(date)) rowErrors.push({ line, column: "date", reason: `"${date}" is not a date in the form YYYY-MM-DD.` });
    // A Yahoo download marks a day without prices by "null" in every price column: skipped and listed as a flag.
    const priceCells = (["open", "high", "low", "close", "adj_close"] as const).filter((c) => position.has(c)).map(cell);
    if (isCalendarDate(date) && priceCells.length > 0 && priceCells.every((v) => v.toLowerCase() === "null")) {
      skipped.push({ date, code: "skipped_null_row", message: `Line ${line} has "null" for every price (a Yahoo download's holiday row): skipped.` });
      continue;
    }
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
  if (bars.length === 0) return fail("Every row of the file is a \"null\" row: there are no prices to import.");
  const flags = [...skipped, ...qualityFlags(bars, { largeMoveThreshold: threshold, maxGapDays })].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ok: true, bars, flags };
}

