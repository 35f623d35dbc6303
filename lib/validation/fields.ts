// Field building blocks shared by the input schemas: lists that arrive as arrays (JSON) or as text (forms, CSV),
// calendar bounds, ids. Every message is a sentence an analyst can act on.
import { z } from "zod";

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

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A calendar date (precision DAY, 00:00 UTC) or a date-time (precision EXACT; no zone means UTC). */
export const eventDateSchema = z
  .union([z.string(), z.date()], { error: "Enter a date as YYYY-MM-DD" })
  .transform((raw, ctx) => {
    if (raw instanceof Date) return { at: raw, precision: "EXACT" as const };
    const s = raw.trim();
    let at: Date;
    let precision: "DAY" | "EXACT";
    if (DATE_ONLY.test(s)) {
      at = new Date(`${s}T00:00:00Z`);
      precision = "DAY";
      if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== s) {
        ctx.addIssue({ code: "custom", message: `${s} is not a real calendar date` });
        return z.NEVER;
      }
    } else if (DATE_TIME.test(s)) {
      const iso = s.replace(" ", "T");
      at = new Date(/(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? iso : `${iso}Z`);
      precision = "EXACT";
    } else {
      ctx.addIssue({ code: "custom", message: "Enter a date as YYYY-MM-DD (or YYYY-MM-DDTHH:MM with a time)" });
      return z.NEVER;
    }
    if (Number.isNaN(at.getTime())) {
      ctx.addIssue({ code: "custom", message: `${s} is not a real date` });
      return z.NEVER;
    }
    return { at, precision };
  })
  .refine((d) => d.at >= new Date(`${MIN_DATE}T00:00:00Z`), `Date must be on or after ${MIN_DATE}`)
  .refine((d) => d.at <= maxDate(), "Date must be at most one year from today");

/** A YYYY-MM-DD calendar date within the same bounds, as a string (pinned notes, query ranges). */
export const calendarDateSchema = z
  .string({ error: "Enter a date as YYYY-MM-DD" })
  .trim()
  // abort: the checks below only make sense for YYYY-MM-DD (toISOString throws on "2024-13-01" or "24-01-01").
  .regex(DATE_ONLY, { message: "Enter a date as YYYY-MM-DD", abort: true })
  .refine(isRealCalendarDate, { message: "This is not a real calendar date", abort: true })
  .refine((s) => s >= MIN_DATE, `Date must be on or after ${MIN_DATE}`)
  .refine((s) => new Date(`${s}T00:00:00Z`) <= maxDate(), "Date must be at most one year from today");

function isRealCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

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
