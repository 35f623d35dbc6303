// Series indexed to 100 at one session, for comparing assets on a log scale (the chart's own "indexed to 100" scale is
// linear only). On a log scale rebasing only shifts a line, so every series starts at the same height and keeps its
// shape. Pure: no I/O.

/**
 * The factor that takes `values` to 100 at the first of `dates` (ascending) on or after `at`, or at the last session
 * when `at` is after all of them; 1 when there is no positive value to divide by.
 */
export function rebaseFactor(dates: readonly string[], values: readonly number[], at: string): number {
  if (dates.length === 0) return 1;
  let i = dates.findIndex((d) => d >= at);
  if (i < 0) i = dates.length - 1;
  const base = values[i]!;
  return Number.isFinite(base) && base > 0 ? 100 / base : 1;
}
