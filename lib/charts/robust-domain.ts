// A value axis that one outlier cannot flatten: Tukey's far-out fences (Q1 − 3·IQR, Q3 + 3·IQR) decide which values
// the axis must hold; values beyond them are drawn off the edge and counted, so the reader knows the scale is cut.
// Pure: no I/O.

export interface RobustDomain {
  /** [min, max] of the axis; null when there is no finite value. */
  domain: [number, number] | null;
  /** How many finite values lie outside `domain`. */
  outside: number;
}

/** The q-quantile of ascending `sorted` by linear interpolation between order statistics (type 7, as R and numpy). */
export function quantile(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * The axis range for `values`: with `robust`, the smallest range holding every value inside the far-out fences, else
 * the full range. Null and non-finite values are ignored.
 */
export function robustDomain(values: readonly (number | null)[], robust = true): RobustDomain {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return { domain: null, outside: 0 };
  if (!robust || finite.length < 4) return { domain: [finite[0]!, finite[finite.length - 1]!], outside: 0 };
  const q1 = quantile(finite, 0.25);
  const q3 = quantile(finite, 0.75);
  const iqr = q3 - q1;
  const inside = finite.filter((v) => v >= q1 - 3 * iqr && v <= q3 + 3 * iqr);
  return { domain: [inside[0]!, inside[inside.length - 1]!], outside: finite.length - inside.length };
}

/**
 * Axis ticks on multiples of a round step (1, 2 or 5 × 10^k) giving about `ticks` intervals, the first at or below
 * `domain[0]` and the last at or above `domain[1]`: the axis then runs from the first to the last.
 */
export function niceTicks(domain: [number, number], ticks = 5): number[] {
  const [lo, hi] = domain;
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  let a = Math.floor(lo / step);
  let b = Math.ceil(hi / step);
  if (a === b) {
    a -= 1;
    b += 1;
  }
  // toPrecision: 3 × 0.05 is 0.15000000000000002 in binary; the label should say 0.15.
  return Array.from({ length: b - a + 1 }, (_, k) => Number(((a + k) * step).toPrecision(12)));
}
