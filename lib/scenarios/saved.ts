// Saved scenarios: a run on a stored portfolio kept with its parameters, the vintage of the data it used and its
// result; each can be re-run on today's data from its URL. Saving validates, computes and writes in one go: a 422 writes
// nothing, and every save has its audit entry. A saved scenario is never edited; deleting it is a soft delete by the
// analyst who saved it or an admin (as for notes), and an admin restores it from the Deleted page.
import "server-only";
import type { z } from "zod";
import type { Principal } from "@/lib/auth/principal";
import { assertRole } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { writeTransaction } from "@/lib/db/transaction";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { loadPortfolio, positionsList, type LoadedPortfolio } from "@/lib/portfolios/queries";
import { idSchema } from "@/lib/validation/fields";
import { parseOrThrow } from "@/lib/validation/parse";
import { runAnalogueScenario, type AnalogueScenarioResult } from "./analogues";
import { percentInput, searchParamsOf, type ScenarioForms } from "./page-params";
import { saveScenarioSchema, type SavedAnalogueParameters, type SavedShockParameters } from "./schemas";
import { runShockScenario, type ShockScenarioResult } from "./shocks";

type ValidSave = z.output<typeof saveScenarioSchema>;

export type ScenarioResult = AnalogueScenarioResult | ShockScenarioResult;

export interface VintageAsset {
  symbol: string;
  lastClose: string | null;
  refreshedAt: string | null;
}

export interface SavedScenario {
  id: number;
  portfolioId: number;
  portfolioName: string;
  kind: "analogues" | "shocks";
  name: string;
  parameters: Record<string, unknown>;
  dataAsOf: string;
  vintage: VintageAsset[];
  results: ScenarioResult;
  createdBy: string | null;
  createdAt: string;
  /** The portfolio page with these parameters: the same scenario on today's data. */
  rerunHref: string;
}

export type SavedScenarioSummary = Omit<SavedScenario, "results" | "vintage">;

function requestBook(p: LoadedPortfolio) {
  const b = positionsList(p);
  return { baseCurrency: b.baseCurrency, positions: b.positions, ...(b.notional !== null ? { notional: b.notional } : {}) };
}

/** Runs the save's scenario on the portfolio as it is now. */
export async function runSaved(portfolio: LoadedPortfolio, save: ValidSave): Promise<ScenarioResult> {
  const book = requestBook(portfolio);
  return save.kind === "analogues" ? runAnalogueScenario({ book, ...save.parameters }) : runShockScenario({ book, ...save.parameters });
}

/** Last stored close and last refresh of each asset the scenario read. */
async function vintageOf(symbols: string[]): Promise<VintageAsset[]> {
  const rows = await db().asset.findMany({
    where: { symbol: { in: [...new Set(symbols)] } },
    orderBy: { symbol: "asc" },
    select: { symbol: true, refreshedAt: true, bars: { orderBy: { date: "desc" }, take: 1, select: { date: true } } },
  });
  return rows.map((r) => ({ symbol: r.symbol, lastClose: r.bars[0]?.date.toISOString().slice(0, 10) ?? null, refreshedAt: r.refreshedAt?.toISOString() ?? null }));
}

/** The portfolio page's form values for stored parameters. */
export function formsOfParameters(kind: "analogues" | "shocks", parameters: Record<string, unknown>): ScenarioForms {
  if (kind === "analogues") {
    const p = parameters as SavedAnalogueParameters;
    const a = p.analogues;
    return {
      analogues: {
        theme: a.themeId ? String(a.themeId) : "",
        category: a.category ?? "",
        countries: (a.countries ?? []).join(","),
        severity: a.severityMin ? String(a.severityMin) : "",
        tags: (a.tags ?? []).join(","),
        from: a.from ?? "",
        to: a.to ?? "",
        events: (a.eventIds ?? []).join(","),
        horizon: `${p.horizon[0]},${p.horizon[1]}`,
      },
      shocks: null,
    };
  }
  const p = parameters as SavedShockParameters;
  return { analogues: null, shocks: { shocks: p.shocks.map((s) => ({ symbol: s.symbol, percent: percentInput(s.shock) })), method: p.method, window: String(p.windowSessions) } };
}

const rerunHref = (portfolioId: number, kind: "analogues" | "shocks", parameters: Record<string, unknown>) =>
  `/portfolios/${portfolioId}?${searchParamsOf(formsOfParameters(kind, parameters))}#scenarios`;

/** Saves a scenario run on portfolio `portfolioId` (analyst). Bad parameters are a 422 and nothing is written. */
export async function saveScenario(actor: Principal, portfolioId: number, input: unknown): Promise<SavedScenario> {
  assertRole(actor, "ANALYST");
  const save = parseOrThrow(saveScenarioSchema, input);
  const portfolio = await loadPortfolio(portfolioId);
  const results = await runSaved(portfolio, save);
  const symbols = [...portfolio.positions.map((p) => p.symbol), ...(save.kind === "shocks" ? save.parameters.shocks.map((s) => s.symbol) : [])];
  const vintage = await vintageOf(symbols);
  const id = await writeTransaction(async (tx) => {
    const row = await tx.savedScenario.create({
      data: {
        portfolioId,
        kind: save.kind === "analogues" ? "ANALOGUES" : "SHOCKS",
        name: save.name,
        parameters: JSON.parse(JSON.stringify(save.parameters)),
        dataAsOf: new Date(`${results.parameters.asOf}T00:00:00Z`),
        vintage: JSON.parse(JSON.stringify(vintage)),
        results: JSON.parse(JSON.stringify(results)),
        createdById: actor.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, { entity: "SAVED_SCENARIO", entityId: row.id, action: "CREATE", after: { portfolioId, kind: save.kind, name: save.name, parameters: save.parameters, dataAsOf: results.parameters.asOf } });
    return row.id;
  });
  return loadSavedScenario(id);
}

const SELECT = {
  id: true, portfolioId: true, kind: true, name: true, parameters: true, dataAsOf: true, createdAt: true, createdById: true,
  portfolio: { select: { name: true } }, createdBy: { select: { name: true } },
} as const;

type Row = { id: number; portfolioId: number; kind: "ANALOGUES" | "SHOCKS"; name: string; parameters: unknown; dataAsOf: Date; createdAt: Date; createdById: string | null; portfolio: { name: string }; createdBy: { name: string } | null };

function summaryOf(r: Row): SavedScenarioSummary {
  const kind = r.kind === "ANALOGUES" ? "analogues" : "shocks";
  const parameters = r.parameters as Record<string, unknown>;
  return {
    id: r.id, portfolioId: r.portfolioId, portfolioName: r.portfolio.name, kind, name: r.name, parameters,
    dataAsOf: r.dataAsOf.toISOString().slice(0, 10), createdBy: r.createdBy?.name ?? null, createdAt: r.createdAt.toISOString(),
    rerunHref: rerunHref(r.portfolioId, kind, parameters),
  };
}

async function savedRows(portfolioId: number): Promise<Row[]> {
  await loadPortfolio(portfolioId);
  return db().savedScenario.findMany({ where: { portfolioId, deletedAt: null }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: SELECT });
}

/** Saved scenarios of a live portfolio, newest first (404 when the portfolio is not there). */
export async function listSavedScenarios(portfolioId: number): Promise<SavedScenarioSummary[]> {
  return (await savedRows(portfolioId)).map(summaryOf);
}

/** Whether `viewer` may delete a scenario saved by `createdById`: the analyst who saved it, or an admin. */
export const mayDeleteSaved = (viewer: Principal, createdById: string | null) => viewer.role === "ADMIN" || (viewer.role === "ANALYST" && createdById !== null && createdById === viewer.id);

/** The portfolio page's list: each saved scenario with whether `viewer` may delete it. */
export async function savedScenariosFor(portfolioId: number, viewer: Principal): Promise<(SavedScenarioSummary & { canDelete: boolean })[]> {
  return (await savedRows(portfolioId)).map((r) => ({ ...summaryOf(r), canDelete: mayDeleteSaved(viewer, r.createdById) }));
}

/** One saved scenario with its stored result, or a 404. */
export async function loadSavedScenario(id: number): Promise<SavedScenario> {
  const r = await db().savedScenario.findFirst({ where: { id, deletedAt: null, portfolio: { deletedAt: null } }, select: { ...SELECT, vintage: true, results: true } });
  if (!r) throw new NotFoundError(`There is no saved scenario ${id}.`);
  return { ...summaryOf(r), vintage: r.vintage as unknown as VintageAsset[], results: r.results as unknown as ScenarioResult };
}

const scenarioId = (raw: unknown) => parseOrThrow(idSchema("Scenario id"), raw);

/** What the audit keeps of a saved scenario when it is deleted or restored. */
type AuditSnapshot = { portfolioId: number; kind: string; name: string; createdById: string | null; deletedAt: string | null };
const auditSnapshot = (r: { portfolioId: number; kind: string; name: string; createdById: string | null; deletedAt: Date | null }): AuditSnapshot => ({
  portfolioId: r.portfolioId, kind: r.kind === "ANALOGUES" ? "analogues" : "shocks", name: r.name, createdById: r.createdById, deletedAt: r.deletedAt?.toISOString() ?? null,
});
const AUDIT_SELECT = { portfolioId: true, kind: true, name: true, createdById: true, deletedAt: true } as const;

/**
 * Soft-deletes saved scenario `id`: the analyst who saved it, or an admin. It leaves the portfolio page and the API
 * (404 from then on) and stays for an admin restore. Nothing to edit means nothing to be stale: no version is asked.
 */
export async function deleteSavedScenario(actor: Principal, rawId: unknown): Promise<{ id: number; portfolioId: number }> {
  assertRole(actor, "ANALYST");
  const id = scenarioId(rawId);
  return writeTransaction(async (tx) => {
    // The row lock makes a concurrent second delete wait, then find the scenario gone (404) instead of auditing twice.
    await tx.$queryRaw`SELECT id FROM saved_scenario WHERE id = ${id} FOR UPDATE`;
    const row = await tx.savedScenario.findFirst({ where: { id, deletedAt: null, portfolio: { deletedAt: null } }, select: AUDIT_SELECT });
    if (!row) throw new NotFoundError(`There is no saved scenario ${id}.`);
    if (!mayDeleteSaved(actor, row.createdById)) throw new ForbiddenError("Only the analyst who saved this scenario, or an admin, can delete it.");
    const after = await tx.savedScenario.update({ where: { id }, data: { deletedAt: new Date(), deletedById: actor.id }, select: AUDIT_SELECT });
    await recordAudit(tx, actor, { entity: "SAVED_SCENARIO", entityId: id, action: "DELETE", before: auditSnapshot(row), after: auditSnapshot(after) });
    return { id, portfolioId: row.portfolioId };
  });
}

/** Brings a soft-deleted saved scenario back (admin); 404 when there is none, 422 when it is not deleted. */
export async function restoreSavedScenario(actor: Principal, rawId: unknown): Promise<void> {
  assertRole(actor, "ADMIN");
  const id = scenarioId(rawId);
  await writeTransaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM saved_scenario WHERE id = ${id} FOR UPDATE`;
    const row = await tx.savedScenario.findUnique({ where: { id }, select: AUDIT_SELECT });
    if (!row) throw new NotFoundError(`There is no saved scenario ${id}.`);
    if (!row.deletedAt) throw new ValidationError({ id: ["This saved scenario is not deleted"] });
    const after = await tx.savedScenario.update({ where: { id }, data: { deletedAt: null, deletedById: null }, select: AUDIT_SELECT });
    await recordAudit(tx, actor, { entity: "SAVED_SCENARIO", entityId: id, action: "RESTORE", before: auditSnapshot(row), after: auditSnapshot(after) });
  });
}

/** Soft-deleted saved scenarios, most recently deleted first, for the admin's Deleted page. */
export async function deletedSavedScenarios() {
  const rows = await db().savedScenario.findMany({
    where: { deletedAt: { not: null } },
    orderBy: [{ deletedAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, kind: true, deletedAt: true, portfolioId: true, portfolio: { select: { name: true, deletedAt: true } }, deletedBy: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id, name: r.name, kind: r.kind === "ANALOGUES" ? ("analogues" as const) : ("shocks" as const), deletedAt: r.deletedAt as Date,
    portfolioId: r.portfolioId, portfolioName: r.portfolio.name, portfolioDeleted: r.portfolio.deletedAt !== null, deletedBy: r.deletedBy?.name ?? null,
  }));
}
