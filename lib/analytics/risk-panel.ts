// Every risk figure of an asset page in one call: volatility (realised, EWMA, regime z-score), VaR/ES, drawdown, beta.

import { rollingBetaCorrelation, type RollingBeta } from "./beta";
import { maxDrawdown, type MaxDrawdown } from "./drawdown";
import { alignedReturns, logReturns, simpleReturns } from "./returns";
import type { Series } from "./types";
import { DEFAULT_CONFIDENCE_LEVELS, valueAtRiskTable, type RiskAtConfidence } from "./value-at-risk";
import { ewmaVolatility, rollingVolatility, TRADING_DAYS_PER_YEAR, volatilityZScore, type EwmaVolatility, type VolatilityZScore } from "./volatility";

export interface RiskPanelOptions {
  volatilityWindows?: readonly number[];
  annualisationDays?: number;
  ewmaLambda?: number;
  confidences?: readonly number[];
  /** VaR/ES use the last `varLookback` simple returns (default: all). */
  varLookback?: number;
  betaWindow?: number;
}

export interface RiskPanel {
  /** Dates of the returns (the later close of each pair). */
  dates: string[];
  /** Log returns: used for volatility, EWMA, the z-score and beta/correlation. */
  logReturns: Float64Array;
  /** Realised volatility per window (annualised, log returns). */
  volatility: { window: number; values: Float64Array }[];
  ewma: EwmaVolatility;
  volatilityRegime: VolatilityZScore;
  /** One-day VaR/ES on simple returns (loss fractions). */
  valueAtRisk: RiskAtConfidence[];
  maxDrawdown: MaxDrawdown;
  /** Rolling β/ρ on log returns aligned with the benchmark (dates both traded); null without a benchmark. */
  beta: (RollingBeta & { dates: string[] }) | null;
}

/** Computes the panel for one asset (and its benchmark, when it has one). */
export function riskPanel(prices: Series, benchmarkPrices: Series | null, options: RiskPanelOptions = {}): RiskPanel {
  const days = options.annualisationDays ?? TRADING_DAYS_PER_YEAR;
  const log = logReturns(prices.values);
  const simple = simpleReturns(prices.values);
  const lookback = options.varLookback ?? simple.length;
  let beta: RiskPanel["beta"] = null;
  if (benchmarkPrices) {
    const aligned = alignedReturns(prices, benchmarkPrices, "log");
    beta = { ...rollingBetaCorrelation(aligned.asset, aligned.benchmark, options.betaWindow ?? 60), dates: aligned.dates };
  }
  return {
    dates: prices.dates.slice(1),
    logReturns: log,
    volatility: (options.volatilityWindows ?? [20, 60, 252]).map((window) => ({ window, values: rollingVolatility(log, window, days) })),
    ewma: ewmaVolatility(log, { lambda: options.ewmaLambda ?? 0.94, annualisationDays: days }),
    volatilityRegime: volatilityZScore(log, { annualisationDays: days }),
    valueAtRisk: valueAtRiskTable(simple.subarray(Math.max(0, simple.length - lookback)), options.confidences ?? DEFAULT_CONFIDENCE_LEVELS),
    maxDrawdown: maxDrawdown(prices),
    beta,
  };
}
