// Cell formatting for every report: one place decides how a value is written, so numbers keep full precision, dates
// are ISO 8601, and only text can be neutralised against spreadsheet formula injection.
import type { Column } from "./columns";

/**
 * OWASP CSV-injection guidance: a cell a spreadsheet would evaluate as a formula starts with one of these. A leading
 * apostrophe makes Excel and LibreOffice show the text as typed. Applied to text columns only: "-1.5" in a number
 * column is a number and must stay one.
 */
export const FORMULA_TRIGGERS = ["=", "+", "-", "@", "\t", "\r"] as const;

export function neutraliseText(value: string): string {
  return value.length > 0 && (FORMULA_TRIGGERS as readonly string[]).includes(value[0]!) ? `'${value}` : value;
}

/** The same rule as `neutraliseText`, for reports PostgreSQL writes itself (COPY); tested against each other. */
export function neutraliseSql(expression: string): string {
  return `CASE WHEN left(${expression}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') THEN '''' || ${expression} ELSE ${expression} END`;
}

export type Cell = string | number | boolean | Date | null | undefined;

function numberCell(v: number): string {
  // String() is the shortest text that parses back to the same double: full precision without noise digits. NaN and
  // ±∞ are "undefined" in docs/methodology.md and are written as empty cells, like nulls.
  return Number.isFinite(v) ? String(v + 0) : "";
}

/** Formats one value for its column. Throws on a value of the wrong kind: a report bug, not user input. */
export function formatCell(column: Column, value: Cell): string {
  if (value === null || value === undefined) return "";
  switch (column.kind) {
    case "text":
      return neutraliseText(String(value));
    case "number":
    case "integer":
      if (typeof value !== "number") throw new TypeError(`${column.name}: expected a number, got ${typeof value}`);
      return numberCell(value);
    case "boolean":
      return value ? "true" : "false";
    case "date":
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    case "timestamp":
      return value instanceof Date ? value.toISOString() : String(value);
  }
}
