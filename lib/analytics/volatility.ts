// Realised and EWMA volatility, and the z-score that flags an elevated-volatility regime.

import { sampleVariance } from "./descriptive";
import { rollingMeanVariance } from "./rolling";
import { AnalyticsInputError, type Numeric } from "./types";

/** Trading days per year used to annualise (kept at 252 for every asset class, FX included, unless overridden). */
export const TRADING_DAYS_PER_YEAR = 252;

/**
 * Rolling realised volatility σ_ann = √D · sd(r) over `window` returns (sample sd, n − 1), D = 252 by default.
 * Output is aligned with the input returns; the first window − 1 entries are NaN. Pass log returns.
 */
export function rollingVolatility(returns: Numeric, window: number, annualisationDays = TRADING_DAYS_PER_YEAR): Float64Array {
  if (!Number.isInteger(window) || window < 2) throw new AnalyticsInputError("volatility window must be an integer ≥ 2");
  const { variance } = rollingMeanVariance(returns, window);
  const scale = annualisationDays;
  const out = new Float64Array(variance.length);
  for (let i = 0; i < variance.length; i++) out[i] = Math.sqrt(scale * (variance[i] as number));
  return out;
}

export interface EwmaVolatility {
  /** σ²_t: the variance forecast for return t made after return t − 1 (NaN for t < seedWindow). */
  variance: Float64Array;
  /** √(D·σ²_t). */
  annualisedVolatility: Float64Array;
  /** Forecast for the day after the last return: λσ²_{n−1} + (1 − λ) r²_{n−1}. */
  nextDayVariance: number;
  lambda: number;
  seedWindow: number;
}

/**
 * RiskMetrics (1996) EWMA: σ²_t = λσ²_{t−1} + (1 − λ) r²_{t−1} with zero mean, λ = 0.94 by default. Seed: σ²_{s} is the
 * sample variance (n − 1) of the first s = 20 returns, so the first forecast is for return index s.
 */
export function ewmaVolatility(
  returns: Numeric,
  options: { lambda?: number; seedWindow?: number; annualisationDays?: number } = {},
): EwmaVolatility {
  const lambda = options.lambda ?? 0.94;
  const seedWindow = options.seedWindow ?? 20;
  const days = options.annualisationDays ?? TRADING_DAYS_PER_YEAR;
  if (!(lambda > 0 && lambda < 1)) throw new AnalyticsInputError("EWMA λ must be in (0, 1)");
  const n = returns.length;
  const variance = new Float64Array(n).fill(NaN);
  const annualisedVolatility = new Float64Array(n).fill(NaN);
  if (n < seedWindow || seedWindow < 2) {
    return { variance, annualisedVolatility, nextDayVariance: NaN, lambda, seedWindow };
  }
  let v = sampleVariance(returns, 0, seedWindow);
  for (let t = seedWindow; t < n; t++) {
    if (t > seedWindow) {
      const r = returns[t - 1] as number;
      v = lambda * v + (1 - lambda) * r * r;
    }
    variance[t] = v;
    annualisedVolatility[t] = Math.sqrt(days * v);
  }
  let nextDayVariance: number;
  if (n === seedWindow) nextDayVariance = v;
  else {
    const r = returns[n - 1] as number;
    nextDayVariance = lambda * v + (1 - lambda) * r * r;
  }
  return { variance, annualisedVolatility, nextDayVariance, lambda, seedWindow };
}

export interface VolatilityZScore {
  /** The short-window realised volatility (annualised). */
  volatility: Float64Array;
  /** (vol_t − mean) / sd of the last `history` volatility values up to and including t (sample sd). */
  zScore: Float64Array;
  /** Latest z-score above the threshold. */
  elevated: boolean;
  latestZScore: number;
  threshold: number;
}

/** 20-day volatility against its own trailing one-year (252 values) distribution; "elevated" when z > 2 by default. */
export function volatilityZScore(
  returns: Numeric,
  options: { window?: number; history?: number; threshold?: number; annualisationDays?: number } = {},
): VolatilityZScore {
  const window = options.window ?? 20;
  const history = options.history ?? 252;
  const threshold = options.threshold ?? 2;
  const volatility = rollingVolatility(returns, window, options.annualisationDays);
  const { mean, variance } = rollingMeanVariance(volatility, history, window - 1);
  const zScore = new Float64Array(volatility.length);
  for (let i = 0; i < zScore.length; i++) {
    zScore[i] = ((volatility[i] as number) - (mean[i] as number)) / Math.sqrt(variance[i] as number);
  }
  const latestZScore = zScore.length > 0 ? (zScore[zScore.length - 1] as number) : NaN;
  return { volatility, zScore, elevated: latestZScore > threshold, latestZScore, threshold };
}
