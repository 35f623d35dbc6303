// manifest.json of a reproducible bundle: what was asked, with which settings, on which data, by whom and when — enough
// to regenerate the same file later or to tell why it differs.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { barCoverage } from "@/lib/prices/bars";
import packageJson from "@/package.json";
import type { ReportDefinition, ReportRun } from "./report";
import { readDb } from "@/lib/db/read-routing";
import type { DataSource } from "@/lib/enums";

export interface AssetDataStatus {
  symbol: string;
  /** "benchmark" for a benchmark the figures were computed against without being in the report's selection. */
  role: "asset" | "benchmark";
  name: string;
  source: DataSource;
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
  // Benchmarks too: a market model's figures depend on the benchmark's prices as much as on the asset's.
  const assets = await readDb().asset.findMany({
    where: { OR: [{ id: { in: [...assetIds] } }, { benchmarkFor: { some: { id: { in: [...assetIds] } } } }] },
    select: { id: true, symbol: true, name: true, source: true, refreshedAt: true },
    orderBy: { symbol: "asc" },
  });
  const coverage = await barCoverage(assets.map((a) => a.id));
  const selected = new Set(assetIds);
  return assets.map((a) => {
    const c = coverage.get(a.id)!;
    return {
      symbol: a.symbol,
      role: selected.has(a.id) ? "asset" : "benchmark",
      name: a.name,
      source: a.source,
      synthetic: a.source === "DEMO",
      firstDate: c.firstDate,
      dataAsOf: c.lastDate,
      bars: c.bars,
      refreshedAt: a.refreshedAt?.toISOString() ?? null,
    };
  });
}

export async function buildManifest(input: {
  report: Pick<ReportDefinition, "slug" | "title" | "grain">;
  run: Pick<ReportRun, "assetIds" | "rowCount" | "settings">;
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

