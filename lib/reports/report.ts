// The shape every report module exports, so the route, the Reports page, the bundle and docs/reports.md treat them
// alike.
import type { z } from "zod";
import type { Column } from "./columns";

export interface ReportRun {
  /** What the file holds, for its name: "kospi-ewy-2024-01-01-2024-12-31". */
  subject: string;
  /** The CSV document (header included). */
  body(options: { bom: boolean }): Promise<ReadableStream<Uint8Array>>;
  rowCount(): Promise<number>;
  /** The header when it depends on the parameters (event-study windows); the report's own columns otherwise. */
  columns?: readonly Column[];
  /** Assets whose prices the figures come from: their source and data-as-of go into the manifest. */
  assetIds: readonly number[];
  /** Model, windows and other settings that decide the numbers (event studies, risk), for the manifest. */
  settings?: Record<string, unknown>;
}

export interface ReportDefinition<S extends z.ZodType = z.ZodType> {
  slug: string;
  title: string;
  /** One sentence for the Reports page and docs/reports.md. */
  description: string;
  /** One row per … */
  grain: string;
  columns: readonly Column[];
  /** The report's parameters: the same schema validates the Reports page form, the query string and the POST body. */
  schema: S;
  run(params: z.output<S>): Promise<ReportRun>;
}

export function defineReport<S extends z.ZodType>(definition: ReportDefinition<S>): ReportDefinition<S> {
  return definition;
}
