// manifest.json of a reproducible bundle: what was asked, with which settings, on which data, by whom and when — enough
// to regenerate the same file later or to tell why it differs.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import packageJson from "@/package.json";
import type { ReportDefinition, ReportRun } from "./report";
import { readQuery } from "@/lib/db/read-routing";

export interface AssetDataStatus {
  symbol: string;
  /** "benchmark" for a benchmark the figures were computed against without being in the report's selection. */
  role: "asset" | "benchmark";
  name: string;
  source: "YAHOO" | "CSV" | "DEMO";
  synthetic: boolean;
  firstDate: string | null;
  /** The last stored session: the data the figures stand on ends here. */
  dataAsOf: string | null;
  bars: number;
  refreshedAt: string | null;
}

export interface ReportManifest {
  report: string;
  title: string;
  file: string;
  grain: string;
  rows: number;
  columns: string[];
  /** As sent (query string or body), minus the delivery options: replay them to /api/reports/<report>. */
  parameters: Record<string, unknown>;
  /** The same after validation and defaults: what the figures were computed with. */
  filters: unknown;
  settings: Record<string, unknown> | null;
  data: AssetDataStatus[];
  /** True when any asset in the report has synthetic demo prices. */
  synthetic: boolean;
  app: { name: string; version: string };
  generatedAt: string;
  generatedBy: { id: string; name: string; via: Principal["via"] };
  format: { encoding: "UTF-8"; delimiter: ","; recordSeparator: "CRLF"; bom: boolean; dates: string; timestamps: string; decimals: string };
}

export async function assetDataStatus(assetIds: readonly number[]): Promise<AssetDataStatus[]> {
  if (assetIds.length === 0) return [];
  const { rows } = await readQuery<{
    symbol: string;
    name: string;
    source: "YAHOO" | "CSV" | "DEMO";
    first: string | null;
    last: string | null;
    bars: string;
    refreshed_at: Date | null;
    selected: boolean;
  }>(
    // Benchmarks too: a market model's figures depend on the benchmark's prices as much as on the asset's.
    `SELECT a.symbol, a.name, a.source::text AS source, a.refreshed_at, a.id = ANY($1::int[]) AS selected,
            to_char(min(b.date), 'YYYY-MM-DD') AS first, to_char(max(b.date), 'YYYY-MM-DD') AS last, count(b.date) AS bars
     FROM asset a LEFT JOIN price_bar b ON b.asset_id = a.id
     WHERE a.id = ANY($1::int[]) OR a.id IN (SELECT benchmark_id FROM asset WHERE id = ANY($1::int[]))
     GROUP BY a.id ORDER BY a.symbol`,
    [[...assetIds]],
  );
  return rows.map((r) => ({
    symbol: r.symbol,
    role: r.selected ? "asset" : "benchmark",
    name: r.name,
    source: r.source,
    synthetic: r.source === "DEMO",
    firstDate: r.first,
    dataAsOf: r.last,
    bars: Number(r.bars),
    refreshedAt: r.refreshed_at?.toISOString() ?? null,
  }));
}

export async function buildManifest(input: {
  report: ReportDefinition;
  run: ReportRun;
  file: string;
  parameters: Record<string, unknown>;
  filters: unknown;
  principal: Principal;
  generatedAt: Date;
  bom: boolean;
  columns: readonly string[];
}): Promise<ReportManifest> {
  const [data, rows] = await Promise.all([assetDataStatus(input.run.assetIds), input.run.rowCount()]);
  return {
    report: input.report.slug,
    title: input.report.title,
    file: input.file,
    grain: input.report.grain,
    rows,
    columns: [...input.columns],
    parameters: input.parameters,
    filters: input.filters,
    settings: input.run.settings ?? null,
    data,
    synthetic: data.some((d) => d.synthetic),
    app: { name: packageJson.name, version: packageJson.version },
    generatedAt: input.generatedAt.toISOString(),
    generatedBy: { id: input.principal.id, name: input.principal.name, via: input.principal.via },
    format: {
      encoding: "UTF-8",
      delimiter: ",",
      recordSeparator: "CRLF",
      bom: input.bom,
      dates: "YYYY-MM-DD",
      timestamps: "ISO 8601 UTC",
      decimals: "'.' separator, shortest exact representation of the double",
    },
  };
}

