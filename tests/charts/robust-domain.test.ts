import { describe, expect, it } from "vitest";
import { niceTicks, quantile, robustDomain } from "@/lib/charts/robust-domain";

describe("quantile", () => {
  it("interpolates between order statistics like numpy's default", () => {
    // numpy.quantile([1, 2, 3, 4], [0.25, 0.5, 0.75]) = [1.75, 2.5, 3.25]
    expect([0.25, 0.5, 0.75].map((q) => quantile([1, 2, 3, 4], q))).toEqual([1.75, 2.5, 3.25]);
    expect(quantile([7], 0.9)).toBe(7);
  });
});

describe("robustDomain", () => {
  it("leaves out one outlier and counts it", () => {
    // Q1 = 0.01625, Q3 = 0.02875 (type 7), IQR 0.0125: the upper fence is 0.06625, so 0.5 is outside.
    const values = [0.01, 0.015, 0.02, 0.025, 0.03, 0.5];
    expect(robustDomain(values)).toEqual({ domain: [0.01, 0.03], outside: 1 });
    expect(robustDomain(values, false)).toEqual({ domain: [0.01, 0.5], outside: 0 });
  });

  it("keeps every value of a series without outliers, and ignores nulls and non-finite values", () => {
    expect(robustDomain([-0.02, null, 0.01, 0, Number.NaN, 0.015, -0.01])).toEqual({ domain: [-0.02, 0.015], outside: 0 });
  });

  it("has no domain without values and the full range below four values", () => {
    expect(robustDomain([null, Number.POSITIVE_INFINITY])).toEqual({ domain: null, outside: 0 });
    expect(robustDomain([1, 100, 2])).toEqual({ domain: [1, 100], outside: 0 });
  });
});

describe("niceTicks", () => {
  it("puts ticks on multiples of a round step covering the domain", () => {
    // Span 0.227 over 5 ticks = 0.0454: the step is 0.05.
    expect(niceTicks([-0.069, 0.158])).toEqual([-0.1, -0.05, 0, 0.05, 0.1, 0.15, 0.2]);
    // Span 7 over 5 = 1.4: the step is 2.
    expect(niceTicks([1, 8])).toEqual([0, 2, 4, 6, 8]);
    // A flat series: |3| over 5 = 0.6, a step of 1, one step either side.
    expect(niceTicks([3, 3])).toEqual([2, 3, 4]);
  });
});
