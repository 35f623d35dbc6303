// Binary search over ascending ISO dates (YYYY-MM-DD compares as text): the one search every session lookup uses.

/** Index of the first date ≥ `date` in ascending `sorted`; `sorted.length` when every date is earlier. */
export function lowerBound(sorted: readonly string[], date: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether ascending `sorted` holds `date`, in O(log n). */
export function hasDate(sorted: readonly string[], date: string): boolean {
  return sorted[lowerBound(sorted, date)] === date;
}
