// O(n) rolling mean / sample variance / covariance with shifted sums, so a 20-year panel costs one pass per window.

import type { Numeric } from "./types";

/** A rolling sum of squares smaller than this fraction of the raw sum has lost too many digits to cancellation. */
const CANCELLATION = 1e-4;
/** Add/remove rounding accumulates ~ε × everything ever added; below this multiple of that, recompute directly. */
const DRIFT = 1e-11;

function directVariance(x: Numeric, from: number, to: number): number {
  let m = 0;
  for (let i = from; i < to; i++) m += x[i] as number;
  m /= to - from;
  let ss = 0;
  for (let i = from; i < to; i++) ss += ((x[i] as number) - m) ** 2;
  return ss / (to - from - 1);
}

function directCovariance(x: Numeric, y: Numeric, from: number, to: number): number {
  let mx = 0;
  let my = 0;
  for (let i = from; i < to; i++) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= to - from;
  my /= to - from;
  let s = 0;
  for (let i = from; i < to; i++) s += ((x[i] as number) - mx) * ((y[i] as number) - my);
  return s / (to - from - 1);
}

/**
 * Rolling mean and sample variance (n − 1) over `window` values ending at each index ≥ start + window − 1; earlier
 * entries are NaN. Sums are taken around a shift (the first value) to avoid cancellation.
 */
export function rollingMeanVariance(
  x: Numeric,
  window: number,
  start = 0,
): { mean: Float64Array; variance: Float64Array } {
  const n = x.length;
  const mean = new Float64Array(n).fill(NaN);
  const variance = new Float64Array(n).fill(NaN);
  if (window < 1 || n - start < window) return { mean, variance };
  const k = x[start] as number;
  let s1 = 0;
  let s2 = 0;
  let total = 0;
  for (let i = start; i < n; i++) {
    const d = (x[i] as number) - k;
    s1 += d;
    s2 += d * d;
    total += d * d;
    if (i - start >= window) {
      const o = (x[i - window] as number) - k;
      s1 -= o;
      s2 -= o * o;
    }
    if (i - start >= window - 1) {
      const m = s1 / window;
      mean[i] = m + k;
      const ss = s2 - s1 * m;
      // When cancellation ate most digits (a near-constant window far from the shift), recompute this window directly.
      variance[i] = window > 1 ? (ss > CANCELLATION * s2 && ss > DRIFT * total ? ss / (window - 1) : directVariance(x, i - window + 1, i + 1)) : NaN;
    }
  }
  return { mean, variance };
}

/** Rolling sample variances of x and y and their sample covariance over the same window. */
export function rollingCovariance(
  x: Numeric,
  y: Numeric,
  window: number,
): { varX: Float64Array; varY: Float64Array; cov: Float64Array } {
  const n = Math.min(x.length, y.length);
  const varX = new Float64Array(n).fill(NaN);
  const varY = new Float64Array(n).fill(NaN);
  const cov = new Float64Array(n).fill(NaN);
  if (window < 2 || n < window) return { varX, varY, cov };
  const kx = x[0] as number;
  const ky = y[0] as number;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let totalX = 0;
  let totalY = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - kx;
    const dy = (y[i] as number) - ky;
    totalX += dx * dx;
    totalY += dy * dy;
    sx += dx;
    sy += dy;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
    if (i >= window) {
      const ox = (x[i - window] as number) - kx;
      const oy = (y[i - window] as number) - ky;
      sx -= ox;
      sy -= oy;
      sxx -= ox * ox;
      syy -= oy * oy;
      sxy -= ox * oy;
    }
    if (i >= window - 1) {
      const ssx = sxx - (sx * sx) / window;
      const ssy = syy - (sy * sy) / window;
      if (ssx > CANCELLATION * sxx && ssy > CANCELLATION * syy && ssx > DRIFT * totalX && ssy > DRIFT * totalY) {
        varX[i] = ssx / (window - 1);
        varY[i] = ssy / (window - 1);
        cov[i] = (sxy - (sx * sy) / window) / (window - 1);
      } else {
        const from = i - window + 1;
        varX[i] = directVariance(x, from, i + 1);
        varY[i] = directVariance(y, from, i + 1);
        cov[i] = directCovariance(x, y, from, i + 1);
      }
    }
  }
  return { varX, varY, cov };
}
