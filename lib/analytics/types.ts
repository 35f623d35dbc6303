// Plain input shapes a database layer can fill directly from price rows.

/** Numbers as either a typed array (hot paths) or a plain array (callers, tests). */
export type Numeric = Float64Array | readonly number[];

/** A daily series: `dates` are trading dates (YYYY-MM-DD, strictly ascending), `values` adjusted closes or returns. */
export interface Series {
  dates: readonly string[];
  values: Numeric;
}

/** Thrown for inputs no statistic can be computed from (unsorted dates, non-positive prices, bad parameters). */
export class AnalyticsInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AnalyticsInputError";
  }
}

/** Copies any numeric input into a Float64Array so hot loops index one representation. */
export function toFloat64(values: Numeric): Float64Array {
  return values instanceof Float64Array ? values : Float64Array.from(values);
}
