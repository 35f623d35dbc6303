// "Is risk rising?" for one asset: realised and EWMA volatility with the regime z-score, VaR/ES, drawdown and beta
// against its benchmark — the risk panel of lib/analytics on stored adjusted closes, as JSON-safe series.
import "server-only";
import { AnalyticsInputError, riskPanel, TRADING_DAYS_PER_YEAR } from "@/lib/analytics";
import { num, nums, type Num } from "./dto";
import { loadAdjustedCloses } from "@/lib/prices/adjusted-closes";
import { readDb } from "@/lib/db/read-routing";
import type { DataSource } from "@/lib/enums";

export const RISK_PARAMETERS = {
  volatilityWindows: [20, 60, 252],
  annualisationDays: TRADING_DAYS_PER_YEAR,
  ewmaLambda: 0.94,
  zScoreWindow: 20,
  zScoreHistory: 252,
  zScoreThreshold: 2,
  betaWindow: 60,
} as const;

/** Fewer prices than this cannot give a single 20-day volatility. */
const MIN_PRICES = RISK_PARAMETERS.zScoreWindow + 1;

export interface AssetRiskReport {
  asset: { id: number; symbol: string; name: string; source: DataSource };
  benchmark: { symbol: string; name: string } | null;
  status: "ok" | "no-prices" | "insufficient-data" | "invalid-data";
  message: string | null;
  /** Last session used (≤ asOf when given). */
  asOf: string | null;
  parameters: typeof RISK_PARAMETERS;
  /** Number of returns (log for volatility/beta, simple for VaR). */
  returns: number;
  /** Per return date: 20d and 60d realised volatility, EWMA volatility (all annualised, log returns), 20d-vol z-score. */
  series: { dates: string[]; vol20: Num[]; vol60: Num[]; ewma: Num[]; zScore: Num[] };
  latest: {
    date: string | null;
    vol20: Num;
    vol60: Num;
    vol252: Num;
    ewma: Num;
    /** Annualised EWMA forecast for the next session. */
    ewmaNext: Num;
    zScore: Num;
    elevated: boolean;
  };
  valueAtRisk: { confidence: number; historicalVaR: Num; historicalES: Num; parametricVaR: Num; parametricES: Num }[];
  maxDrawdown: { maxDrawdown: Num; peakDate: string | null; troughDate: string | null; recoveryDate: string | null };
  beta: { window: number; date: string | null; beta: Num; correlation: Num; dates: string[]; betaSeries: Num[]; correlationSeries: Num[] } | null;
}

function last<T>(values: ArrayLike<T>): T | undefined {
  return values.length > 0 ? values[values.length - 1] : undefined;
}

/** The risk panel of an asset on prices up to `asOf` (YYYY-MM-DD, default: all stored); null for an unknown asset. */
export async function riskForAsset(assetId: number, asOf?: string): Promise<AssetRiskReport | null> {
  const asset = await readDb().asset.findUnique({
    where: { id: assetId },
    select: { id: true, symbol: true, name: true, source: true, benchmark: { select: { id: true, symbol: true, name: true } } },
  });
  if (!asset) return null;
  const prices = await loadAdjustedCloses(asset.benchmark ? [asset.id, asset.benchmark.id] : [asset.id], asOf);
  const own = prices.get(asset.id)!;
  const bench = asset.benchmark ? prices.get(asset.benchmark.id) : undefined;
  const empty: AssetRiskReport = {
    asset: { id: asset.id, symbol: asset.symbol, name: asset.name, source: asset.source },
    benchmark: asset.benchmark ? { symbol: asset.benchmark.symbol, name: asset.benchmark.name } : null,
    status: "ok",
    message: null,
    asOf: last(own.dates) ?? null,
    parameters: RISK_PARAMETERS,
    returns: Math.max(0, own.dates.length - 1),
    series: { dates: [], vol20: [], vol60: [], ewma: [], zScore: [] },
    latest: { date: null, vol20: null, vol60: null, vol252: null, ewma: null, ewmaNext: null, zScore: null, elevated: false },
    valueAtRisk: [],
    maxDrawdown: { maxDrawdown: null, peakDate: null, troughDate: null, recoveryDate: null },
    beta: null,
  };
  if (own.dates.length === 0) return { ...empty, status: "no-prices", message: `No prices stored for ${asset.symbol} yet.` };
  if (own.dates.length < MIN_PRICES) {
    return {
      ...empty,
      status: "insufficient-data",
      message: `${own.dates.length} prices stored; risk figures need at least ${MIN_PRICES} (one 20-day window).`,
    };
  }
  let panel;
  try {
    panel = riskPanel(own, bench && bench.dates.length >= MIN_PRICES ? bench : null, {
      volatilityWindows: RISK_PARAMETERS.volatilityWindows,
      annualisationDays: RISK_PARAMETERS.annualisationDays,
      ewmaLambda: RISK_PARAMETERS.ewmaLambda,
      betaWindow: RISK_PARAMETERS.betaWindow,
    });
  } catch (err) {
    if (!(err instanceof AnalyticsInputError)) throw err;
    return { ...empty, status: "invalid-data", message: `The stored prices cannot be used: ${err.message}.` };
  }
  const vol = (w: number) => panel.volatility.find((v) => v.window === w)!.values;
  const ewmaNext = Math.sqrt(RISK_PARAMETERS.annualisationDays * panel.ewma.nextDayVariance);
  return {
    ...empty,
    series: {
      dates: panel.dates,
      vol20: nums(vol(20)),
      vol60: nums(vol(60)),
      ewma: nums(panel.ewma.annualisedVolatility),
      zScore: nums(panel.volatilityRegime.zScore),
    },
    latest: {
      date: last(panel.dates) ?? null,
      vol20: num(last(vol(20)) ?? NaN),
      vol60: num(last(vol(60)) ?? NaN),
      vol252: num(last(vol(252)) ?? NaN),
      ewma: num(last(panel.ewma.annualisedVolatility) ?? NaN),
      ewmaNext: num(ewmaNext),
      zScore: num(panel.volatilityRegime.latestZScore),
      elevated: panel.volatilityRegime.elevated,
    },
    valueAtRisk: panel.valueAtRisk.map((r) => ({
      confidence: r.confidence,
      historicalVaR: num(r.historicalVaR),
      historicalES: num(r.historicalES),
      parametricVaR: num(r.parametricVaR),
      parametricES: num(r.parametricES),
    })),
    maxDrawdown: { ...panel.maxDrawdown, maxDrawdown: num(panel.maxDrawdown.maxDrawdown) },
    beta: panel.beta
      ? {
          window: panel.beta.window,
          date: last(panel.beta.dates) ?? null,
          beta: num(last(panel.beta.beta) ?? NaN),
          correlation: num(last(panel.beta.correlation) ?? NaN),
          dates: panel.beta.dates,
          betaSeries: nums(panel.beta.beta),
          correlationSeries: nums(panel.beta.correlation),
        }
      : null,
  };
}
