// A saved scenario as a CSV report bundle: manifest.json in the reports' format plus one long CSV of the stored result
// (summary, statistics, positions, contributions, analogues and their cells, or the propagated moves), written by the
// report CSV writer so text cells are neutralised against spreadsheet formulas.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db/client";
import { zipStream } from "@/lib/reports/bundle";
import { col, UNIT, type Column } from "@/lib/reports/columns";
import type { Cell } from "@/lib/reports/csv-cells";
import { csvHeader, csvLines } from "@/lib/reports/csv-stream";
import { contentDisposition, reportFilename } from "@/lib/reports/filename";
import { buildManifest } from "@/lib/reports/manifest";
import type { AnalogueScenarioResult } from "./analogues";
import type { SavedScenario } from "./saved";
import type { ShockScenarioResult } from "./shocks";

export const SCENARIO_COLUMNS: Column[] = [
  col("section", "text", "summary / stat / position / contribution / analogue / cell / shock / move / book", "Which part of the result the row belongs to"),
  col("event_id", "integer", UNIT.id, "Analogue event (analogue and cell rows)"),
  col("event", "text", UNIT.text, "Analogue event title"),
  col("date", "date", UNIT.date, "Event date, or the position's price date"),
  col("symbol", "text", UNIT.text, "Position or shocked asset"),
  col("metric", "text", UNIT.text, "What `value` is"),
  col("value", "number", "fraction (0.01 = 1 %) for returns, base currency for values and P&L", "The figure"),
  col("proxied", "boolean", UNIT.bool, "True when the position's return is β × its benchmark's (no data of its own)"),
  col("text", "text", UNIT.text, "Words: the summary, a warning, a reason"),
];

type Row = Cell[];
const row = (section: string, r: { eventId?: number; event?: string; date?: string; symbol?: string; metric?: string; value?: number | null; proxied?: boolean; text?: string }): Row => [
  section, r.eventId ?? null, r.event ?? null, r.date ?? null, r.symbol ?? null, r.metric ?? null, r.value ?? null, r.proxied ?? null, r.text ?? null,
];

function analogueRows(r: AnalogueScenarioResult): Row[] {
  const out: Row[] = [row("summary", { text: r.summary })];
  if (r.warning) out.push(row("summary", { metric: "warning", text: r.warning }));
  for (const [k, v] of Object.entries(r.distribution)) out.push(row("stat", { metric: k === "n" ? "analogues" : k, value: v }));
  out.push(
    row("stat", { metric: "mean_ci_low", value: r.bootstrap.mean[0] }),
    row("stat", { metric: "mean_ci_high", value: r.bootstrap.mean[1] }),
    row("stat", { metric: "es_ci_low", value: r.bootstrap.expectedShortfall[0] }),
    row("stat", { metric: "es_ci_high", value: r.bootstrap.expectedShortfall[1] }),
    row("stat", { metric: "unconditional_es", value: r.unconditional?.expectedShortfall ?? null }),
    row("stat", { metric: "tail_ratio", value: r.tailRatio }),
    row("stat", { metric: "placebo_p", value: r.placebo?.pValue ?? null }),
    row("stat", { metric: "net_value", value: r.netValue }),
  );
  for (const p of r.positions) out.push(row("position", { symbol: p.symbol, date: p.priceDate, metric: "value", value: p.value }));
  for (const c of r.contributions) {
    out.push(row("contribution", { symbol: c.symbol, metric: "mean_pnl", value: c.meanPnl, proxied: c.proxiedIn > 0 }));
    out.push(row("contribution", { symbol: c.symbol, metric: "median_return", value: c.medianReturn, proxied: c.proxiedIn > 0 }));
  }
  for (const a of r.analogues) {
    const date = a.occurredAt.slice(0, 10);
    out.push(row("analogue", { eventId: a.eventId, event: a.title, date, metric: "return", value: a.return, proxied: a.proxied.length > 0 }));
    out.push(row("analogue", { eventId: a.eventId, event: a.title, date, metric: "pnl", value: a.pnl, proxied: a.proxied.length > 0, text: a.topContributors.map((c) => c.symbol).join(";") }));
    r.positions.forEach((p, i) => out.push(row("cell", { eventId: a.eventId, event: a.title, date, symbol: p.symbol, metric: "return", value: a.returns[i] ?? null, proxied: a.proxied.includes(p.symbol) })));
  }
  for (const e of r.excluded) out.push(row("analogue", { eventId: e.eventId, event: e.title, metric: "excluded", text: e.reason }));
  return out;
}

function shockRows(r: ShockScenarioResult): Row[] {
  const out: Row[] = r.shocks.map((s) => row("shock", { symbol: s.symbol, metric: "shock", value: s.shock }));
  for (const m of r.moves) {
    out.push(row("move", { symbol: m.symbol, metric: "expected_return", value: m.expected, text: m.shocked ? "shocked" : undefined }));
    out.push(row("move", { symbol: m.symbol, metric: "conditional_sd", value: m.conditionalSd }));
    out.push(row("move", { symbol: m.symbol, metric: "pnl", value: m.pnl }));
  }
  out.push(row("book", { metric: "return", value: r.return }), row("book", { metric: "return_sd", value: r.returnSd }), row("book", { metric: "pnl", value: r.pnl }), row("book", { metric: "pnl_sd", value: r.pnlSd }), row("book", { metric: "net_value", value: r.netValue }));
  return out;
}

export function savedScenarioCsv(s: SavedScenario): { csv: string; rows: number } {
  const rows = s.results.kind === "analogues" ? analogueRows(s.results) : shockRows(s.results);
  return { csv: `${csvHeader(SCENARIO_COLUMNS)}${csvLines(SCENARIO_COLUMNS, rows)}`, rows: rows.length };
}

/** The bundle download: a ZIP of manifest.json and the CSV. */
export async function savedScenarioBundle(s: SavedScenario, principal: Principal, now = new Date()): Promise<Response> {
  const { csv, rows } = savedScenarioCsv(s);
  const csvName = reportFilename("scenario", s.name, now, "csv");
  const symbols = [...s.results.positions.map((p) => p.symbol), ...(s.results.kind === "shocks" ? s.results.shocks.map((x) => x.symbol) : [])];
  const ids = (await db().asset.findMany({ where: { symbol: { in: symbols } }, select: { id: true } })).map((a) => a.id);
  const manifest = await buildManifest({
    report: { slug: "saved-scenario", title: `Saved scenario: ${s.name}`, grain: "one row per figure of the stored result" },
    run: { assetIds: ids, rowCount: async () => rows, settings: s.results.parameters as unknown as Record<string, unknown> },
    file: csvName,
    parameters: { portfolioId: s.portfolioId, kind: s.kind, ...s.parameters },
    filters: { savedScenarioId: s.id, portfolio: s.portfolioName, dataAsOf: s.dataAsOf, vintage: s.vintage, savedBy: s.createdBy, savedAt: s.createdAt, rerun: s.rerunHref },
    principal,
    generatedAt: now,
    bom: false,
    columns: SCENARIO_COLUMNS.map((c) => c.name),
  });
  const body = zipStream({ manifest: { name: "manifest.json", json: manifest }, csv: { name: csvName, body: new Response(csv).body as ReadableStream<Uint8Array> } });
  return new Response(body, {
    headers: { "cache-control": "no-store", "x-content-type-options": "nosniff", "content-type": "application/zip", "content-disposition": contentDisposition(reportFilename("scenario", s.name, now, "zip")) },
  });
}
