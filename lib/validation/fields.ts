// Field building blocks shared by the input schemas: lists that arrive as arrays (JSON) or as text (forms, CSV),
// calendar bounds, ids. Every message is a sentence an analyst can act on.
import { z } from "zod";
import { isCalendarDate, isTimeZone, parseWallDateTime, wallTimeToInstant, type WallDateTime } from "@/lib/dates";
import { TIME_PRECISIONS, type TimePrecision } from "@/lib/enums";

/** "a; b, c" or ["a", "b"] → ["a", "b", "c"], trimmed, empties dropped, duplicates removed. */
export function listOf<T extends z.ZodType>(item: T, separators: RegExp = /[,;\n]/) {
  return z.preprocess((raw) => {
    if (raw === undefined || raw === null) return [];
    const parts = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(separators) : raw;
    if (!Array.isArray(parts)) return parts;
    const cleaned = parts.map((p) => (typeof p === "string" ? p.trim() : p)).filter((p) => p !== "");
    return [...new Set(cleaned)];
  }, z.array(item));
}

export const MIN_DATE = "1900-01-01";

/** One year from now: events may be scheduled (a summit next month) but not far-future typos. */
export function maxDate(now = new Date()): Date {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d;
}


/** The date or date-time as typed, read strictly (impossible dates and clock times are refused, not rolled over). */
export const wallDateTimeSchema = z
  .union([z.string(), z.date()], { error: "Enter a date as YYYY-MM-DD" })
  .transform((raw, ctx): WallDateTime => {
    if (raw instanceof Date) return { date: raw.toISOString().slice(0, 10), time: { hour: raw.getUTCHours(), minute: raw.getUTCMinutes(), second: raw.getUTCSeconds(), millisecond: raw.getUTCMilliseconds() }, offsetMinutes: 0 };
    const wall = parseWallDateTime(raw);
    if ("error" in wall) {
      ctx.addIssue({ code: "custom", message: wall.error });
      return z.NEVER;
    }
    // Bounds on the calendar date, here rather than on the instant, so they are reported with every other field's error.
    if (wall.date < MIN_DATE) ctx.addIssue({ code: "custom", message: `Date must be on or after ${MIN_DATE}` });
    else if (new Date(`${wall.date}T00:00:00Z`) > maxDate()) ctx.addIssue({ code: "custom", message: "Date must be at most one year from today" });
    return wall;
  })
  .meta({
    description:
      "YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS] with Z or ±HH:MM (without one, the time is read in `timeZone`, UTC by default). " +
      "Impossible dates and times (2024-02-30, T24:00) are refused with 422.",
  });

export const timePrecisionSchema = z
  .preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() : v), z.enum(TIME_PRECISIONS, { error: "Precision must be exact or day" }))
  .meta({ description: "EXACT: occurredAt carries a time. DAY: occurredAt is a calendar date only. Left out, it follows occurredAt's form." });

export const timeZoneSchema = z
  .string()
  .trim()
  .refine(isTimeZone, { error: (i) => `${String(i.input)} is not an IANA time zone (e.g. Asia/Seoul, Europe/London, UTC)` })
  .meta({ description: "IANA time zone in which a date-time without Z or offset is read; UTC when left out. Ignored for precision DAY." });

/**
 * The event's instant from the three fields that describe it. Precision is a choice, checked against the text: a
 * DAY event takes a date only (stored at 00:00 UTC of that date), an EXACT one a time.
 */
export function eventInstant(
  fields: { occurredAt: WallDateTime; timePrecision?: TimePrecision | undefined; timeZone?: string | undefined },
  ctx: z.RefinementCtx,
): { at: Date; precision: TimePrecision } {
  const { occurredAt: wall } = fields;
  const precision = fields.timePrecision ?? (wall.time ? "EXACT" : "DAY");
  if (precision === "DAY" && wall.time) {
    ctx.addIssue({ code: "custom", path: ["occurredAt"], message: "Precision is day only: enter the date without a time, or choose exact time" });
    return z.NEVER;
  }
  if (precision === "EXACT" && !wall.time) {
    ctx.addIssue({ code: "custom", path: ["occurredAt"], message: "Precision is exact time: enter a time too, or choose day only" });
    return z.NEVER;
  }
  const at = precision === "DAY" ? new Date(`${wall.date}T00:00:00Z`) : wallTimeToInstant(wall, fields.timeZone ?? "UTC");
  return { at, precision };
}

/** A YYYY-MM-DD calendar date within the same bounds, as a string (pinned notes, query ranges). */
export const calendarDateSchema = z
  .string({ error: "Enter a date as YYYY-MM-DD" })
  .trim()
  // abort: the checks below only make sense for YYYY-MM-DD (toISOString throws on "2024-13-01" or "24-01-01").
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Enter a date as YYYY-MM-DD", abort: true })
  .refine(isCalendarDate, { message: "This is not a real calendar date", abort: true })
  .refine((s) => s >= MIN_DATE, `Date must be on or after ${MIN_DATE}`)
  .refine((s) => new Date(`${s}T00:00:00Z`) <= maxDate(), "Date must be at most one year from today");

/** Ids arrive as decimal numbers in text (paths, forms) or as JSON numbers; "0x10", "1e3" or "" are not ids. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

export const idSchema = (what: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && DECIMAL.test(v) ? Number(v) : v),
    z
      .number({ error: `${what} must be a number` })
      .int(`${what} must be a whole number`)
      .positive(`${what} must be positive`)
      .max(2_147_483_647, `${what} is too large`),
  );

export const versionSchema = z.coerce
  .number({ error: "The version you edited is missing: reload the page" })
  .int("The version must be a whole number")
  .positive("The version must be positive");

export const httpUrlSchema = z
  .string()
  .trim()
  .max(2000, "A source URL must be at most 2,000 characters")
  .refine((u) => {
    try {
      const url = new URL(u);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "Source URLs must start with http:// or https://");
