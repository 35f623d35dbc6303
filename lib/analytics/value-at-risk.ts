// One-day Value at Risk and Expected Shortfall, historical and parametric (normal), as positive loss fractions.

import { mean, quantileLinearSorted, sampleSd } from "./descriptive";
import { normalPdf, normalQuantile } from "./special-functions";
import { AnalyticsInputError, type Numeric } from "./types";

/** Confidence levels reported by default; 97.5 % is FRTB's ES level. */
export const DEFAULT_CONFIDENCE_LEVELS = [0.95, 0.975, 0.99] as const;

function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) throw new AnalyticsInputError("confidence must be in (0, 1)");
}

/** Historical VaR = −quantile_{1−α}(r), quantile with numpy's default linear interpolation (type 7). */
export function historicalVaR(returns: Numeric, confidence: number): number {
  checkConfidence(confidence);
  return -quantileLinearSorted(Float64Array.from(returns).sort(), 1 - confidence);
}

/** Historical ES = −mean(r | r ≤ −VaR): the average of returns at or below the VaR quantile. */
export function historicalES(returns: Numeric, confidence: number): number {
  checkConfidence(confidence);
  const sorted = Float64Array.from(returns).sort();
  return esFromSorted(sorted, -quantileLinearSorted(sorted, 1 - confidence));
}

function esFromSorted(sorted: Float64Array, valueAtRisk: number): number {
  const cutoff = -valueAtRisk;
  let s = 0;
  let k = 0;
  for (let i = 0; i < sorted.length && (sorted[i] as number) <= cutoff; i++) {
    s += sorted[i] as number;
    k++;
  }
  return k === 0 ? NaN : -s / k;
}

/** Parametric (normal) VaR = −(μ + z_{1−α} σ), μ the sample mean and σ the sample sd (n − 1) of the returns. */
export function parametricVaR(returns: Numeric, confidence: number): number {
  checkConfidence(confidence);
  return -(mean(returns) + normalQuantile(1 - confidence) * sampleSd(returns));
}

/** Parametric (normal) ES = σ φ(z_α)/(1 − α) − μ. */
export function parametricES(returns: Numeric, confidence: number): number {
  checkConfidence(confidence);
  return (sampleSd(returns) * normalPdf(normalQuantile(confidence))) / (1 - confidence) - mean(returns);
}

export interface RiskAtConfidence {
  confidence: number;
  historicalVaR: number;
  historicalES: number;
  parametricVaR: number;
  parametricES: number;
}

/** All four measures at each confidence level, sorting the sample once. */
export function valueAtRiskTable(returns: Numeric, confidences: readonly number[] = DEFAULT_CONFIDENCE_LEVELS): RiskAtConfidence[] {
  const sorted = Float64Array.from(returns).sort();
  const mu = mean(returns);
  const sd = sampleSd(returns);
  return confidences.map((confidence) => {
    checkConfidence(confidence);
    const hVaR = -quantileLinearSorted(sorted, 1 - confidence);
    return {
      confidence,
      historicalVaR: hVaR,
      historicalES: esFromSorted(sorted, hVaR),
      parametricVaR: -(mu + normalQuantile(1 - confidence) * sd),
      parametricES: (sd * normalPdf(normalQuantile(confidence))) / (1 - confidence) - mu,
    };
  });
}
