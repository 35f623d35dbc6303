// Maximum drawdown of a price path with the dates an analyst asks about: peak, trough and recovery.

import { AnalyticsInputError, type Series } from "./types";

export interface MaxDrawdown {
  /** max_t (1 − P_t / max_{s≤t} P_s), a positive fraction; 0 when prices never fell below a prior peak. */
  maxDrawdown: number;
  /** Date of the running peak before the deepest trough (null when maxDrawdown is 0). */
  peakDate: string | null;
  troughDate: string | null;
  /** First date after the trough whose price is back at or above the peak; null if not recovered. */
  recoveryDate: string | null;
}

/** Maximum drawdown on prices; the earliest trough wins ties. */
export function maxDrawdown(prices: Series): MaxDrawdown {
  const { dates, values } = prices;
  if (dates.length !== values.length) throw new AnalyticsInputError("dates and values differ in length");
  let peak = -Infinity;
  let peakIndex = -1;
  let best = 0;
  let bestPeak = -1;
  let bestTrough = -1;
  for (let i = 0; i < values.length; i++) {
    const p = values[i] as number;
    if (p > peak) {
      peak = p;
      peakIndex = i;
    }
    const dd = 1 - p / peak;
    if (dd > best) {
      best = dd;
      bestPeak = peakIndex;
      bestTrough = i;
    }
  }
  if (bestTrough < 0) return { maxDrawdown: 0, peakDate: null, troughDate: null, recoveryDate: null };
  const peakPrice = values[bestPeak] as number;
  let recoveryDate: string | null = null;
  for (let i = bestTrough + 1; i < values.length; i++) {
    if ((values[i] as number) >= peakPrice) {
      recoveryDate = dates[i] as string;
      break;
    }
  }
  return { maxDrawdown: best, peakDate: dates[bestPeak] as string, troughDate: dates[bestTrough] as string, recoveryDate };
}
