// Did volatility change around an event? Post/pre variance ratio with a two-sided F-test.

import { sampleVariance } from "./descriptive";
import { fCdf, fSurvival } from "./special-functions";
import { AnalyticsInputError, type Numeric } from "./types";

export interface VolatilityRegimeShift {
  /** s²_post / s²_pre (sample variances, n − 1). */
  varianceRatio: number;
  /** √ of the variance ratio: the post/pre volatility ratio users read. */
  volatilityRatio: number;
  dfPost: number;
  dfPre: number;
  /** Two-sided p = 2·min(F(ratio), 1 − F(ratio)) under F(dfPost, dfPre), capped at 1. */
  pValue: number;
  preCount: number;
  postCount: number;
}

/**
 * Compares returns in [day0 − preLength, day0 − 1] with [day0, day0 + postLength − 1] (defaults 60 and 20 sessions);
 * windows are cut at the ends of the data and need at least 3 returns each.
 */
export function volatilityRegimeShift(
  returns: Numeric,
  day0Index: number,
  options: { preLength?: number; postLength?: number } = {},
): VolatilityRegimeShift {
  const preLength = options.preLength ?? 60;
  const postLength = options.postLength ?? 20;
  const preFrom = Math.max(0, day0Index - preLength);
  const postTo = Math.min(returns.length, day0Index + postLength);
  const preCount = day0Index - preFrom;
  const postCount = postTo - day0Index;
  if (preCount < 3 || postCount < 3) throw new AnalyticsInputError("need at least 3 returns before and after the event");
  const ratio = sampleVariance(returns, day0Index, postTo) / sampleVariance(returns, preFrom, day0Index);
  const dfPost = postCount - 1;
  const dfPre = preCount - 1;
  const lower = fCdf(ratio, dfPost, dfPre);
  const upper = fSurvival(ratio, dfPost, dfPre);
  return {
    varianceRatio: ratio,
    volatilityRatio: Math.sqrt(ratio),
    dfPost,
    dfPre,
    pValue: Math.min(1, 2 * Math.min(lower, upper)),
    preCount,
    postCount,
  };
}
