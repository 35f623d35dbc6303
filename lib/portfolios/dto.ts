// The JSON shapes of the portfolio API: the portfolio with its positions, and optionally its valuation and risk.
import "server-only";
import type { LoadedPortfolio } from "./queries";
import type { PortfolioRiskReport } from "./risk";
import type { PortfolioValuation } from "./valuation";

export function portfolioDto(p: LoadedPortfolio) {
  return {
    id: p.id, name: p.name, description: p.description, baseCurrency: p.baseCurrency, notional: p.notional, kind: p.kind,
    isExample: p.isExample, version: p.version, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString(), updatedBy: p.updatedBy,
    positions: p.positions.map((x) => ({ symbol: x.symbol, name: x.name, currency: x.currency, quantity: x.quantity, weight: x.weight })),
  };
}

/** NaN (a figure without enough data) becomes null, as everywhere in the API. */
const num = (x: number | null) => (x === null || !Number.isFinite(x) ? null : x);

export function valuationDto(v: PortfolioValuation, risk: PortfolioRiskReport | null) {
  return {
    total: v.total, complete: v.complete, asOf: v.asOf, missingFx: v.missingFx,
    positions: v.positions.map((p) => ({
      symbol: p.symbol, status: p.status, units: num(p.units), close: num(p.price), priceDate: p.priceDate, fxRate: num(p.fxRate),
      fxSeries: p.fxLegs, value: num(p.value), share: num(p.share), missingFx: p.missingFx,
    })),
    risk: risk && {
      ...risk,
      ewmaDailySigma: risk.ewmaDailySigma === null ? null : num(risk.ewmaDailySigma),
      figures: risk.figures.map((f) => Object.fromEntries(Object.entries(f).map(([k, x]) => [k, num(x)]))),
    },
  };
}
