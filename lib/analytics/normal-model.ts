// The normal-return model fitted on an estimation window, shared by the event study and its placebo draws so both
// define "normal" identically (MacKinlay 1997: OLS market model, constant mean, or market-adjusted).

import type { Numeric } from "./types";
import type { EventStudyModel } from "./event-study-config";

export interface NormalModelFit {
  alpha: number;
  beta: number;
  /** Mean benchmark return over the window (used by the forecast-error correction). */
  mx: number;
  /** Σ (R_m − μ̂_m)² over the window; NaN unless the model is the market model. */
  sxx: number;
  /** Residual degrees of freedom: L1 − 2 for the market model, L1 − 1 otherwise. */
  df: number;
}

/** Fits `model` on returns [from, to) of asset `y` against benchmark `x`; null when the benchmark is constant there. */
export function fitNormalModel(x: Numeric, y: Numeric, from: number, to: number, model: EventStudyModel): NormalModelFit | null {
  const L1 = to - from;
  let sx = 0;
  let sy = 0;
  for (let i = from; i < to; i++) {
    sx += x[i] as number;
    sy += y[i] as number;
  }
  const mx = sx / L1;
  const my = sy / L1;
  if (model === "constant-mean") return { alpha: my, beta: 0, mx, sxx: NaN, df: L1 - 1 };
  if (model === "market-adjusted") return { alpha: 0, beta: 1, mx, sxx: NaN, df: L1 - 1 };
  let sxx = 0;
  let sxy = 0;
  for (let i = from; i < to; i++) {
    const dx = (x[i] as number) - mx;
    sxx += dx * dx;
    sxy += dx * ((y[i] as number) - my);
  }
  if (!(sxx > 0)) return null;
  const beta = sxy / sxx;
  return { alpha: my - beta * mx, beta, mx, sxx, df: L1 - 2 };
}
