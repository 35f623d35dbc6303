// Read side of portfolios for pages, the API and the scenario engine. Soft-deleted portfolios are never shown here.
import "server-only";
import { historyOf } from "@/lib/audit/history";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { PositionKind } from "./schemas";

export interface PortfolioPositionRow {
  assetId: number;
  symbol: string;
  name: string;
  /** The currency the asset's prices are quoted in (as stored, e.g. KRW, USD, USX for US cents). */
  currency: string;
  assetClass: string;
  /** Where the asset's prices come from: DEMO prices are synthetic and pages say so. */
  source: string;
  /** Units held; null in a weight portfolio. */
  quantity: number | null;
  /** Fraction of the notional; null in a quantity portfolio. */
  weight: number | null;
}

export interface LoadedPortfolio {
  id: number;
  name: string;
  description: string;
  baseCurrency: string;
  /** Total value in the base currency the weights apply to; null for a quantity portfolio. */
  notional: number | null;
  kind: PositionKind;
  isExample: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string | null;
  /** Ordered by symbol. */
  positions: PortfolioPositionRow[];
}

const LIVE = { deletedAt: null };

/** The portfolio with its positions and each position's asset, or null when there is no live portfolio `id`. */
export async function findPortfolio(id: number): Promise<LoadedPortfolio | null> {
  const row = await db().portfolio.findFirst({
    where: { id, ...LIVE },
    include: {
      updatedBy: { select: { name: true } },
      positions: { include: { asset: { select: { symbol: true, name: true, currency: true, assetClass: true, source: true } } }, orderBy: { asset: { symbol: "asc" } } },
    },
  });
  if (!row) return null;
  return {
    id: row.id, name: row.name, description: row.description, baseCurrency: row.baseCurrency, notional: row.notional,
    kind: row.positions.some((p) => p.weight !== null) ? "weight" : "quantity",
    isExample: row.isExample, version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt, updatedBy: row.updatedBy?.name ?? null,
    positions: row.positions.map((p) => ({
      assetId: p.assetId, symbol: p.asset.symbol, name: p.asset.name, currency: p.asset.currency, assetClass: p.asset.assetClass, source: p.asset.source,
      quantity: p.quantity, weight: p.weight,
    })),
  };
}

/** The portfolio, or a 404 naming it. */
export async function loadPortfolio(id: number): Promise<LoadedPortfolio> {
  const p = await findPortfolio(id);
  if (!p) throw new NotFoundError(`There is no portfolio ${id}.`);
  return p;
}

export interface PortfolioSummary {
  id: number;
  name: string;
  baseCurrency: string;
  notional: number | null;
  isExample: boolean;
  positions: number;
  version: number;
  updatedAt: Date;
}

/** Live portfolios by name. */
export async function listPortfolios(): Promise<PortfolioSummary[]> {
  const rows = await db().portfolio.findMany({
    where: LIVE,
    orderBy: { name: "asc" },
    select: { id: true, name: true, baseCurrency: true, notional: true, isExample: true, version: true, updatedAt: true, _count: { select: { positions: true } } },
  });
  return rows.map(({ _count, ...r }) => ({ ...r, positions: _count.positions }));
}

/** The plain positions list other engines take: base currency, notional, and each position's symbol with its amount. */
export function positionsList(p: LoadedPortfolio): {
  baseCurrency: string;
  notional: number | null;
  positions: { symbol: string; quantity?: number; weight?: number }[];
} {
  return {
    baseCurrency: p.baseCurrency,
    notional: p.notional,
    positions: p.positions.map((x) => (x.quantity !== null ? { symbol: x.symbol, quantity: x.quantity } : { symbol: x.symbol, weight: x.weight! })),
  };
}

export interface PortfolioChange {
  action: string;
  actorName: string;
  at: Date;
  /** Fields whose value differs between before and after ("positions" for any change of a position). */
  changed: string[];
}

/** The portfolio's audit trail, newest first. */
export async function portfolioHistory(id: number): Promise<PortfolioChange[]> {
  const rows = await historyOf("PORTFOLIO", id);
  return rows.reverse().map((r) => {
    const before = (r.before ?? {}) as Record<string, unknown>;
    const after = (r.after ?? {}) as Record<string, unknown>;
    const changed = r.action === "UPDATE"
      ? ["name", "description", "baseCurrency", "notional", "positions"].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      : [];
    return { action: r.action, actorName: r.actorName, at: r.at, changed };
  });
}
