// Market value of each position in the portfolio's base currency: the latest stored close (lib/prices) times the
// quantity, converted through stored FX series at their last close on or before the position's own date. A position
// whose price or FX series is missing is reported as such with what to add; it is never left out silently.
import "server-only";
import { db } from "@/lib/db/client";
import { lastCloses } from "@/lib/prices/bars";
import { fxRate, fxRoute, majorCurrency, type FxLeg } from "./fx";
import { loadPortfolio, type LoadedPortfolio, type PortfolioPositionRow } from "./queries";

export type ValuationStatus = "ok" | "missing-price" | "missing-fx";

export interface PositionValuation extends PortfolioPositionRow {
  status: ValuationStatus;
  /** Last stored close in the asset's currency, and its trading date (the position's data-as-of). */
  price: number | null;
  priceDate: string | null;
  /** Base-currency units per unit of the price's currency (minor units included); 1 for the base currency itself. */
  fxRate: number | null;
  /** The FX series used, each with the date of the close used (on or before priceDate). */
  fxLegs: (FxLeg & { date: string })[];
  /** FX series to add for this position to be valued (Yahoo symbols). */
  missingFx: string[];
  /** Quantity held, or implied by weight × notional for a weight portfolio (null when price or FX is missing). */
  units: number | null;
  /** Market value in the base currency; for a weight portfolio weight × notional. Null when it cannot be valued. */
  value: number | null;
  /** value / total of the valued positions. */
  share: number | null;
}

export interface PortfolioValuation {
  portfolio: LoadedPortfolio;
  positions: PositionValuation[];
  /** Sum of the valued positions in the base currency. */
  total: number;
  /** False when any position has no value; `total` then covers only the others. */
  complete: boolean;
  /** Every FX series the portfolio still needs, once each. */
  missingFx: string[];
  /** The latest price date among the positions. */
  asOf: string | null;
}

/** Stored FX series by symbol (live assets whose Yahoo symbol ends in =X). */
export async function storedFxSeries(): Promise<Map<string, number>> {
  const rows = await db().asset.findMany({ where: { symbol: { endsWith: "=X" }, deletedAt: null }, select: { id: true, symbol: true } });
  return new Map(rows.map((r) => [r.symbol, r.id]));
}

export async function valuePortfolio(portfolioOrId: LoadedPortfolio | number): Promise<PortfolioValuation> {
  const portfolio = typeof portfolioOrId === "number" ? await loadPortfolio(portfolioOrId) : portfolioOrId;
  const base = portfolio.baseCurrency;
  const [closes, fxIds] = await Promise.all([lastCloses(portfolio.positions.map((p) => p.assetId)), storedFxSeries()]);

  // Each position's route, then one lookup of FX closes per distinct price date.
  const routes = portfolio.positions.map((p) => fxRoute(majorCurrency(p.currency).currency, base, (s) => fxIds.has(s)));
  const legDates = new Map<string, Set<number>>();
  portfolio.positions.forEach((p, i) => {
    const route = routes[i]!;
    const date = closes.get(p.assetId)?.date;
    if (route.kind !== "route" || !date) return;
    const ids = legDates.get(date) ?? new Set<number>();
    for (const leg of route.legs) ids.add(fxIds.get(leg.symbol)!);
    legDates.set(date, ids);
  });
  const fxCloses = new Map<string, Awaited<ReturnType<typeof lastCloses>>>();
  await Promise.all([...legDates].map(async ([date, ids]) => fxCloses.set(date, await lastCloses([...ids], date))));

  const positions: PositionValuation[] = portfolio.positions.map((p, i) => {
    const route = routes[i]!;
    const close = closes.get(p.assetId) ?? null;
    const out: PositionValuation = {
      ...p, status: "ok", price: close?.close ?? null, priceDate: close?.date ?? null, fxRate: null, fxLegs: [], missingFx: [],
      units: null, value: p.weight !== null && portfolio.notional !== null ? p.weight * portfolio.notional : null, share: null,
    };
    const { factor } = majorCurrency(p.currency);
    if (route.kind === "missing") {
      return { ...out, status: "missing-fx", missingFx: route.symbols, value: p.quantity !== null ? null : out.value };
    }
    if (!close) return { ...out, status: "missing-price", value: p.quantity !== null ? null : out.value };
    let rate = factor;
    if (route.kind === "route") {
      const legCloses = fxCloses.get(close.date)!;
      const legs = route.legs.map((leg) => ({ ...leg, close: legCloses.get(fxIds.get(leg.symbol)!) }));
      const absent = legs.filter((l) => !l.close).map((l) => l.symbol);
      if (absent.length) return { ...out, status: "missing-fx", missingFx: absent, value: p.quantity !== null ? null : out.value };
      rate = factor * fxRate(route.legs, (s) => legs.find((l) => l.symbol === s)!.close!.close);
      out.fxLegs = legs.map((l) => ({ symbol: l.symbol, invert: l.invert, date: l.close!.date }));
    }
    out.fxRate = rate;
    if (p.quantity !== null) {
      out.units = p.quantity;
      out.value = p.quantity * close.close * rate;
    } else if (out.value !== null) {
      out.units = out.value / (close.close * rate);
    }
    return out;
  });

  const total = positions.reduce((s, p) => s + (p.value ?? 0), 0);
  for (const p of positions) p.share = p.value !== null && total !== 0 ? p.value / total : null;
  const dates = positions.map((p) => p.priceDate).filter((d): d is string => d !== null).sort();
  return {
    portfolio,
    positions,
    total,
    complete: positions.every((p) => p.status === "ok"),
    missingFx: [...new Set(positions.flatMap((p) => p.missingFx))],
    asOf: dates.at(-1) ?? null,
  };
}
