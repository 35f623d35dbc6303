// Ex-ante risk of a valued portfolio: each valued position's adjusted closes converted to the base currency through
// the same FX route as its value, on the dates every series traded, then lib/analytics' portfolio VaR/ES.
import "server-only";
import { portfolioRisk, type RiskFigure } from "@/lib/analytics/portfolio-risk";
import { loadAdjustedCloses, type PriceSeries } from "@/lib/prices/adjusted-closes";
import { fxRate, majorCurrency } from "./fx";
import { storedFxSeries, type PortfolioValuation } from "./valuation";

/** Daily returns used by default: about two years of sessions. */
export const RISK_LOOKBACK_RETURNS = 500;
/** Fewer common sessions than this and no figure is shown. */
export const RISK_MIN_RETURNS = 60;
export const RISK_CONFIDENCES = [0.95, 0.99] as const;

export interface PortfolioRiskFigure extends RiskFigure {
  /** The same figures as amounts in the base currency (fraction × value of the positions included). */
  historicalVaRAmount: number;
  historicalESAmount: number;
  ewmaVaRAmount: number;
  ewmaESAmount: number;
}

export interface PortfolioRiskReport {
  baseCurrency: string;
  /** Value of the positions the figures cover. */
  value: number;
  included: string[];
  /** Positions left out of the figures, each with why (no value, or no history on the common dates). */
  excluded: { symbol: string; reason: string }[];
  /** First and last date of the returns used, and how many daily returns. */
  from: string | null;
  to: string | null;
  returns: number;
  ewmaDailySigma: number | null;
  figures: PortfolioRiskFigure[];
  /** Why there are no figures, when there are none. */
  unavailable: string | null;
}

function intersectDates(series: readonly PriceSeries[]): string[] {
  const [first, ...rest] = series;
  if (!first) return [];
  const sets = rest.map((s) => new Set(s.dates));
  return first.dates.filter((d) => sets.every((set) => set.has(d)));
}

function valueOn(series: PriceSeries, dates: readonly string[]): Float64Array {
  const at = new Map(series.dates.map((d, i) => [d, series.values[i] as number]));
  return Float64Array.from(dates, (d) => at.get(d)!);
}

export async function riskOfValuation(valuation: PortfolioValuation, options: { lookback?: number } = {}): Promise<PortfolioRiskReport> {
  const lookback = options.lookback ?? RISK_LOOKBACK_RETURNS;
  const { portfolio } = valuation;
  const excluded = valuation.positions
    .filter((p) => p.status !== "ok" || p.value === null)
    .map((p) => ({ symbol: p.symbol, reason: p.status === "missing-fx" ? `missing FX ${p.missingFx.join(", ")}` : "no stored price" }));
  const included = valuation.positions.filter((p) => p.status === "ok" && p.value !== null);
  const empty: PortfolioRiskReport = {
    baseCurrency: portfolio.baseCurrency, value: 0, included: [], excluded, from: null, to: null, returns: 0, ewmaDailySigma: null, figures: [], unavailable: null,
  };
  if (included.length === 0) return { ...empty, unavailable: "No position can be valued yet." };

  const fxIds = await storedFxSeries();
  const legIds = included.flatMap((p) => p.fxLegs.map((l) => fxIds.get(l.symbol)!));
  const ids = [...new Set([...included.map((p) => p.assetId), ...legIds])];
  const series = await loadAdjustedCloses(ids);
  const dates = intersectDates(ids.map((id) => series.get(id)!)).slice(-(lookback + 1));
  if (dates.length - 1 < RISK_MIN_RETURNS) {
    return { ...empty, included: included.map((p) => p.symbol), unavailable: `Only ${Math.max(0, dates.length - 1)} daily returns on the dates every series traded; at least ${RISK_MIN_RETURNS} are needed.` };
  }
  const aligned = new Map(ids.map((id) => [id, valueOn(series.get(id)!, dates)]));
  const basePrices = included.map((p) => {
    const local = aligned.get(p.assetId)!;
    const { factor } = majorCurrency(p.currency);
    return local.map((price, t) => price * factor * fxRate(p.fxLegs, (s) => aligned.get(fxIds.get(s)!)![t] as number));
  });
  const values = included.map((p) => p.value!);
  const value = values.reduce((s, v) => s + v, 0);
  const risk = portfolioRisk({ values, basePrices, confidences: RISK_CONFIDENCES });
  return {
    baseCurrency: portfolio.baseCurrency,
    value,
    included: included.map((p) => p.symbol),
    excluded,
    from: dates[1] ?? null,
    to: dates.at(-1) ?? null,
    returns: risk.dailyReturns.length,
    ewmaDailySigma: risk.ewmaDailySigma,
    figures: risk.figures.map((f) => ({
      ...f,
      historicalVaRAmount: f.historicalVaR * value,
      historicalESAmount: f.historicalES * value,
      ewmaVaRAmount: f.ewmaVaR * value,
      ewmaESAmount: f.ewmaES * value,
    })),
    unavailable: null,
  };
}
