// Write side of portfolios, on the same terms as the event log: validate with the shared schema, check the role, write
// the change and its audit entry in one transaction, and guard edits with the version the user started from.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { assertRole } from "@/lib/auth/roles";
import { recordAudit, type Actor, type Tx } from "@/lib/audit/record";
import { writeTransaction } from "@/lib/db/transaction";
import { staleVersionConflict } from "@/lib/events/conflict";
import { NotFoundError, ValidationError, type FieldErrors } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import {
  portfolioInputSchema,
  portfolioUpdateSchema,
  portfolioVersionSchema,
  type PortfolioInput,
  type PortfolioUpdateInput,
  type ValidPortfolio,
} from "./schemas";

/** What the audit trail keeps of a portfolio: its fields and its positions by symbol. */
export interface PortfolioSnapshot {
  id: number;
  name: string;
  description: string;
  baseCurrency: string;
  notional: number | null;
  version: number;
  deletedAt: Date | null;
  updatedAt: Date;
  positions: { symbol: string; quantity: number | null; weight: number | null }[];
}

async function snapshotOf(tx: Tx, id: number, includeDeleted = false) {
  const row = await tx.portfolio.findUnique({
    where: { id },
    select: {
      id: true, name: true, description: true, baseCurrency: true, notional: true, version: true, deletedAt: true, updatedAt: true,
      updatedBy: { select: { name: true } },
      positions: { select: { quantity: true, weight: true, asset: { select: { symbol: true } } }, orderBy: { asset: { symbol: "asc" } } },
    },
  });
  if (!row || (!includeDeleted && row.deletedAt)) throw new NotFoundError(`There is no portfolio ${id}.`);
  const { updatedBy, positions, ...fields } = row;
  const snapshot: PortfolioSnapshot = { ...fields, positions: positions.map((p) => ({ symbol: p.asset.symbol, quantity: p.quantity, weight: p.weight })) };
  return { snapshot, changedBy: updatedBy?.name ?? null };
}

/**
 * What the database says about valid input: each position's asset (unknown or deleted symbols are named by position)
 * and whether the name is free (deleted portfolios keep theirs, as their history does). Empty errors when all is well.
 */
export async function referenceErrors(tx: Tx, data: ValidPortfolio, exceptId?: number): Promise<{ errors: FieldErrors; assetIds: number[] }> {
  const assets = await tx.asset.findMany({ where: { symbol: { in: data.positions.map((p) => p.symbol) }, deletedAt: null }, select: { id: true, symbol: true } });
  const bySymbol = new Map(assets.map((a) => [a.symbol, a.id]));
  const errors: FieldErrors = {};
  data.positions.forEach((p, i) => {
    if (!bySymbol.has(p.symbol)) errors[`positions.${i}.symbol`] = [`There is no asset ${p.symbol}: add it on the Assets page first`];
  });
  const other = await tx.portfolio.findFirst({
    where: { name: { equals: data.name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { deletedAt: true },
  });
  if (other) errors.name = [other.deletedAt ? `A deleted portfolio is named ${data.name}: choose another name` : `A portfolio named ${data.name} already exists`];
  return { errors, assetIds: data.positions.map((p) => bySymbol.get(p.symbol) ?? 0) };
}

async function checkedAssetIds(tx: Tx, data: ValidPortfolio, exceptId?: number): Promise<number[]> {
  const { errors, assetIds } = await referenceErrors(tx, data, exceptId);
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return assetIds;
}

async function writePositions(tx: Tx, portfolioId: number, data: ValidPortfolio, assetIds: number[]): Promise<void> {
  await tx.portfolioPosition.deleteMany({ where: { portfolioId } });
  await tx.portfolioPosition.createMany({
    data: data.positions.map((p, i) => ({ portfolioId, assetId: assetIds[i]!, quantity: p.quantity, weight: p.weight })),
  });
}

export async function createPortfolio(actor: Principal, input: PortfolioInput, options: { isExample?: boolean } = {}): Promise<PortfolioSnapshot> {
  assertRole(actor, "ANALYST");
  const data = parseOrThrow(portfolioInputSchema, input);
  return writeTransaction((tx) => insertPortfolio(tx, actor, data, options.isExample ?? false));
}

/**
 * Inside the caller's transaction. The seed writes its example portfolio with the rest of the storyline and no actor
 * (like the seeded events, it has no author and no audit entry); every user write names its actor.
 */
export async function insertPortfolio(tx: Tx, actor: Actor | null, data: ValidPortfolio, isExample: boolean): Promise<PortfolioSnapshot> {
  const assetIds = await checkedAssetIds(tx, data);
  const created = await tx.portfolio.create({
    data: {
      name: data.name, description: data.description, baseCurrency: data.baseCurrency, notional: data.notional, isExample,
      createdById: actor?.id ?? null, updatedById: actor?.id ?? null,
    },
    select: { id: true },
  });
  await writePositions(tx, created.id, data, assetIds);
  const { snapshot } = await snapshotOf(tx, created.id);
  if (actor) await recordAudit(tx, actor, { entity: "PORTFOLIO", entityId: created.id, action: "CREATE", after: snapshot });
  return snapshot;
}

/**
 * Replaces the portfolio's fields and positions if the row still has `version`; otherwise a 409 naming who changed it.
 * The WHERE on the version is what makes concurrent writers safe: PostgreSQL lets exactly one of them match.
 */
export async function updatePortfolio(actor: Principal, id: number, input: PortfolioUpdateInput): Promise<PortfolioSnapshot> {
  assertRole(actor, "ANALYST");
  const data = parseOrThrow(portfolioUpdateSchema, input);
  return writeTransaction(async (tx) => {
    const { snapshot: before, changedBy } = await snapshotOf(tx, id);
    if (before.version !== data.version) throw staleVersionConflict("portfolio", before, changedBy);
    const assetIds = await checkedAssetIds(tx, data, id);
    const { count } = await tx.portfolio.updateMany({
      where: { id, version: data.version, deletedAt: null },
      data: { name: data.name, description: data.description, baseCurrency: data.baseCurrency, notional: data.notional, version: { increment: 1 }, updatedById: actor.id },
    });
    if (count === 0) {
      const now = await snapshotOf(tx, id, true);
      throw staleVersionConflict("portfolio", now.snapshot, now.changedBy);
    }
    await writePositions(tx, id, data, assetIds);
    const { snapshot: after } = await snapshotOf(tx, id);
    await recordAudit(tx, actor, { entity: "PORTFOLIO", entityId: id, action: "UPDATE", before, after });
    return after;
  });
}

/** Soft delete: the portfolio leaves pages and the API; its positions and history stay. */
export async function deletePortfolio(actor: Principal, input: { id: unknown; version: unknown }): Promise<PortfolioSnapshot> {
  assertRole(actor, "ANALYST");
  const { id, version } = parseOrThrow(portfolioVersionSchema, input);
  return writeTransaction(async (tx) => {
    const { snapshot: before, changedBy } = await snapshotOf(tx, id);
    if (before.version !== version) throw staleVersionConflict("portfolio", before, changedBy);
    const { count } = await tx.portfolio.updateMany({
      where: { id, version, deletedAt: null },
      data: { deletedAt: new Date(), version: { increment: 1 }, updatedById: actor.id },
    });
    if (count === 0) {
      const now = await snapshotOf(tx, id, true);
      throw staleVersionConflict("portfolio", now.snapshot, now.changedBy);
    }
    const { snapshot: after } = await snapshotOf(tx, id, true);
    await recordAudit(tx, actor, { entity: "PORTFOLIO", entityId: id, action: "DELETE", before, after });
    return after;
  });
}
