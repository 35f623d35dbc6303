// Rolling beta and correlation against a benchmark, on returns already aligned to the dates both traded.

import { rollingCovariance } from "./rolling";
import { AnalyticsInputError, type Numeric } from "./types";

export interface RollingBeta {
  /** β = Cov(r_i, r_m) / Var(r_m) over each window (NaN before the first full window). */
  beta: Float64Array;
  /** ρ = Cov / (σ_i σ_m). */
  correlation: Float64Array;
  window: number;
}

/** Rolling β and ρ over `window` aligned returns (sample moments; the n − 1 cancels in both ratios). */
export function rollingBetaCorrelation(asset: Numeric, benchmark: Numeric, window = 60): RollingBeta {
  if (asset.length !== benchmark.length) throw new AnalyticsInputError("align asset and benchmark returns first");
  if (!Number.isInteger(window) || window < 2) throw new AnalyticsInputError("window must be an integer ≥ 2");
  const { varX, varY, cov } = rollingCovariance(asset, benchmark, window);
  const n = cov.length;
  const beta = new Float64Array(n);
  const correlation = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = cov[i] as number;
    const vm = varY[i] as number;
    beta[i] = c / vm;
    correlation[i] = c / Math.sqrt((varX[i] as number) * vm);
  }
  return { beta, correlation, window };
}
