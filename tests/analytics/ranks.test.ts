import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { averageRanks } from "@/lib/analytics";
import { averageRanksInto, referenceRanksInto } from "@/lib/analytics/ranks";

const reference = (v: number[]) => Array.from(referenceRanksInto(Float64Array.from(v), new Float64Array(v.length)));
const fast = (v: number[]) => Array.from(averageRanks(Float64Array.from(v)));

describe("average ranks, packed-sort fast path", () => {
  it("matches scipy's rankdata on a worked example with ties", () => {
    // rankdata([3, 1, 4, 1, 5, 9, 2, 6, 5]) = [4, 1.5, 5, 1.5, 6.5, 9, 3, 8, 6.5]
    expect(fast([3, 1, 4, 1, 5, 9, 2, 6, 5])).toEqual([4, 1.5, 5, 1.5, 6.5, 9, 3, 8, 6.5]);
  });

  it("ties −0 with +0 and orders values that differ only in the lowest mantissa bits", () => {
    const a = 0.001;
    const b = a + Number.EPSILON * a; // next doubles above a: same bucket after packing
    const c = b + Number.EPSILON * a;
    expect(fast([c, -0, a, 0, b, -a, -b])).toEqual(reference([c, -0, a, 0, b, -a, -b]));
    expect(fast([c, -0, a, 0, b, -a, -b])).toEqual([7, 3.5, 5, 3.5, 6, 2, 1]);
  });

  it("falls back to the reference for non-finite values", () => {
    expect(fast([1, Infinity, -Infinity, 2])).toEqual(reference([1, Infinity, -Infinity, 2]));
  });

  it("equals the reference on random samples with ties, zeros and near-equal values", () => {
    const value = fc.oneof(
      fc.double({ min: -0.2, max: 0.2, noNaN: true }),
      fc.constantFrom(0, -0, 0.01, -0.01, 1e-300, 5e-324),
      fc.integer({ min: -5, max: 5 }).map((k) => 0.01 + k * Number.EPSILON * 0.01),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), (v) => {
        expect(fast(v)).toEqual(reference(v));
      }),
      { numRuns: 500 },
    );
  });

  it("writes into a caller's buffer longer than the input", () => {
    const out = new Float64Array(5).fill(-1);
    averageRanksInto(Float64Array.from([2, 1]), out);
    expect(Array.from(out)).toEqual([2, 1, -1, -1, -1]);
  });
});
