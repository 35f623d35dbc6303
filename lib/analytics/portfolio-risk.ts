// Ex-ante VaR and ES of today's holdings, held unchanged, from their history in the base currency: historical
// simulation over 1 and 10 sessions (10-session windows overlapping), and EWMA (RiskMetrics, λ = 0.94) with √10 time
// scaling. Losses are positive fractions of today's value; the caller multiplies by the value for amounts.

import { normalPdf, normalQuantile } from "./special-functions";
import { AnalyticsInputError } from "./types";
import { historicalES, historicalVaR } from "./value-at-risk";
import { ewmaVolatility } from "./volatility";

export interface PortfolioRiskInput {
  /** Today's value of each position in the base currency (signs kept). */
  values: readonly number[];
  /** Per position, its price in the base currency on each common date (ascending dates, same length for all). */
  basePrices: readonly (ArrayLike<number>)[];
  confidences: readonly number[];
  /** Holding periods in sessions; 1 and 10 by default. */
  horizons?: readonly number[];
  ewmaLambda?: number;
}

export interface RiskFigure {
  confidence: number;
  horizon: number;
  historicalVaR: number;
  historicalES: number;
  ewmaVaR: number;
  ewmaES: number;
  /** How many (overlapping) horizon returns the historical figures use. */
  historicalSamples: number;
}

export interface PortfolioRisk {
  /** Daily simple returns of today's holdings on the common dates (length = dates − 1). */
  dailyReturns: Float64Array;
  /** σ of the next session's log return from the EWMA recursion (seeded with the sample variance of the first 20). */
  ewmaDailySigma: number;
  figures: RiskFigure[];
}

/**
 * The h-session simple return of today's holdings for every start date: Σ_i w_i (P_i,t+h / P_i,t − 1), weights
 * w_i = V_i / ΣV. Holdings are not rebalanced inside the window, so this is not the compounded daily return.
 */
export function holdingReturns(values: readonly number[], basePrices: readonly (ArrayLike<number>)[], horizon: number): Float64Array {
  if (!Number.isInteger(horizon) || horizon < 1) throw new AnalyticsInputError("horizon must be a whole number of sessions ≥ 1");
  if (values.length !== basePrices.length) throw new AnalyticsInputError("one price series per position");
  const total = values.reduce((s, v) => s + v, 0);
  if (!(total !== 0 && Number.isFinite(total))) throw new AnalyticsInputError("the portfolio's value must be a non-zero finite number");
  const n = basePrices[0]?.length ?? 0;
  for (const series of basePrices) if (series.length !== n) throw new AnalyticsInputError("price series must share their dates");
  const out = new Float64Array(Math.max(0, n - horizon));
  values.forEach((v, i) => {
    const w = v / total;
    const p = basePrices[i]!;
    for (let t = 0; t + horizon < n; t++) out[t] = (out[t] as number) + w * ((p[t + horizon] as number) / (p[t] as number) - 1);
  });
  return out;
}

/** VaR and ES per confidence and horizon, historical and EWMA; NaN where the history is too short. */
export function portfolioRisk(input: PortfolioRiskInput): PortfolioRisk {
  const horizons = input.horizons ?? [1, 10];
  const daily = holdingReturns(input.values, input.basePrices, 1);
  const log = daily.map((r) => Math.log1p(r));
  const sigma = Math.sqrt(ewmaVolatility(log, { lambda: input.ewmaLambda ?? 0.94 }).nextDayVariance);
  const figures: RiskFigure[] = [];
  for (const horizon of horizons) {
    const sample = horizon === 1 ? daily : holdingReturns(input.values, input.basePrices, horizon);
    const scaled = sigma * Math.sqrt(horizon);
    for (const confidence of input.confidences) {
      const z = normalQuantile(confidence);
      figures.push({
        confidence,
        horizon,
        historicalVaR: sample.length > 0 ? historicalVaR(sample, confidence) : NaN,
        historicalES: sample.length > 0 ? historicalES(sample, confidence) : NaN,
        // Zero mean, as RiskMetrics: VaR = z_α σ √h, ES = σ √h φ(z_α) / (1 − α).
        ewmaVaR: z * scaled,
        ewmaES: (scaled * normalPdf(z)) / (1 - confidence),
        historicalSamples: sample.length,
      });
    }
  }
  return { dailyReturns: daily, ewmaDailySigma: sigma, figures };
}
