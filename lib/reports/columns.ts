// What a report's columns are: name, kind, unit and definition in one list per report. The CSV writer formats cells by
// kind (so neutralising can never touch a number), and docs/reports.md is generated from the same lists, so the
// documentation cannot drift from the files people download.

export type ColumnKind = "text" | "number" | "integer" | "date" | "timestamp" | "boolean";

export interface Column {
  /** Stable snake_case header; renaming one breaks analysts' scripts, so only ever add columns. */
  name: string;
  kind: ColumnKind;
  /** "fraction (0.01 = 1 %)", "price in the asset's currency", "YYYY-MM-DD"… */
  unit: string;
  definition: string;
}

export const col = (name: string, kind: ColumnKind, unit: string, definition: string): Column => ({ name, kind, unit, definition });

export const UNIT = {
  id: "integer id",
  date: "YYYY-MM-DD",
  timestamp: "ISO 8601 UTC, e.g. 2024-06-19T14:30:00.000Z",
  fraction: "fraction (0.01 = 1 %)",
  text: "text",
  bool: "true / false",
  list: "values separated by ;",
} as const;
