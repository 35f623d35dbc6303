// Moments and the quantile rule shared by the risk and event-study code.

import type { Numeric } from "./types";

/** Arithmetic mean of values[from, to). */
export function mean(values: Numeric, from = 0, to = values.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += values[i] as number;
  return s / (to - from);
}

/** Sample variance (denominator n − 1) of values[from, to), two-pass for accuracy. */
export function sampleVariance(values: Numeric, from = 0, to = values.length): number {
  const n = to - from;
  if (n < 2) return NaN;
  const m = mean(values, from, to);
  let ss = 0;
  for (let i = from; i < to; i++) {
    const d = (values[i] as number) - m;
    ss += d * d;
  }
  return ss / (n - 1);
}

/** Sample standard deviation (n − 1). */
export function sampleSd(values: Numeric, from = 0, to = values.length): number {
  return Math.sqrt(sampleVariance(values, from, to));
}

/**
 * Quantile with linear interpolation between order statistics — numpy's default `method="linear"` (Hyndman & Fan
 * type 7): h = (n − 1)·p, q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]) on the sorted sample.
 */
export function quantileLinearSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const t = h - lo;
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  // numpy evaluates the lerp from the nearer end (b − (b−a)(1−t) when t ≥ 0.5); mirrored so the two agree bit for bit.
  return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
}

/** Quantile of an unsorted sample (see `quantileLinearSorted`). */
export function quantileLinear(values: Numeric, p: number): number {
  const sorted = Float64Array.from(values).sort();
  return quantileLinearSorted(sorted, p);
}
