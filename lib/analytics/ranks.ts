// Average ranks (ties share the mean of their positions), as scipy.stats.rankdata(method="average").

/** Ranks 1..n of `values`; `scratch` (length ≥ n) avoids an allocation in hot loops. */
export function averageRanks(values: Float64Array, scratch?: Float64Array): Float64Array {
  const n = values.length;
  const sorted = scratch && scratch.length >= n ? scratch.subarray(0, n) : new Float64Array(n);
  sorted.set(values);
  sorted.sort();
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    // lower = #(< v), upper = #(≤ v); the tied block occupies ranks lower+1 … upper.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    const lower = lo;
    // Ties are rare in returns: walk past them instead of a second search.
    let upper = lower + 1;
    while (upper < n && (sorted[upper] as number) === v) upper++;
    ranks[i] = (lower + 1 + upper) / 2;
  }
  return ranks;
}
