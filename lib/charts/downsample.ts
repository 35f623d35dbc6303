// Downsampling for drawing only: a chart a few hundred pixels wide cannot show 5,000 points per series, and
// drawing them makes panning sluggish. Min/max per bucket keeps every spike and crash visible (unlike averaging or
// plain decimation); the first and last points are always kept. Exports and statistics use the full series.

/**
 * Indices of the points to draw: for each of `buckets` equal-count buckets, the positions of its minimum and maximum
 * (in date order). Returns every index when the series is already small enough.
 */
export function minMaxIndices(values: ArrayLike<number>, buckets: number): number[] {
  const n = values.length;
  if (n <= buckets * 2 || buckets < 1) return Array.from({ length: n }, (_, i) => i);
  const out: number[] = [0];
  const size = (n - 2) / buckets;
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor(b * size);
    const end = Math.min(n - 1, 1 + Math.floor((b + 1) * size));
    let lo = start;
    let hi = start;
    for (let i = start; i < end; i++) {
      if ((values[i] as number) < (values[lo] as number)) lo = i;
      if ((values[i] as number) > (values[hi] as number)) hi = i;
    }
    if (start >= end) continue;
    if (lo === hi) out.push(lo);
    else out.push(Math.min(lo, hi), Math.max(lo, hi));
  }
  out.push(n - 1);
  return out;
}

/** The points to draw, always including the ones that must stay (e.g. event-marker sessions). */
export function downsampleForChart<T extends { close: number }>(points: readonly T[], buckets: number, keep: (p: T) => boolean = () => false): T[] {
  const idx = new Set(minMaxIndices(points.map((p) => p.close), buckets));
  points.forEach((p, i) => {
    if (keep(p)) idx.add(i);
  });
  return [...idx].sort((a, b) => a - b).map((i) => points[i]!);
}
