// Scenario maths on cases small enough to work out by hand.
import { describe, expect, it } from "vitest";
import {
  analoguePlacebo,
  analogueScenario,
  betaToBenchmark,
  bootstrapMeanAndES,
  cholesky,
  choleskySolve,
  correlationConditionNumber,
  distributionStats,
  mulberry32,
  pairCovariance,
  propagateShocks,
  ShockInputError,
  shocksFromAnalogueMedians,
  symmetricEigenvalues,
  unconditionalWindowReturns,
} from "@/lib/analytics";

describe("distribution statistics", () => {
  it("type-7 quantile, median and the mean of the worst 20 % on five outcomes", () => {
    const s = distributionStats([0.03, -0.05, 0.04, 0.01, -0.02]);
    expect(s.n).toBe(5);
    expect(s.mean).toBeCloseTo(0.002, 15);
    expect(s.median).toBe(0.01);
    expect(s.worst).toBe(-0.05);
    expect(s.best).toBe(0.04);
    // h = 4 × 0.1 = 0.4: −0.05 + 0.4 × (−0.02 + 0.05)
    expect(s.quantile).toBeCloseTo(-0.038, 15);
    // q_0.2: h = 0.8 → −0.026; only −0.05 lies at or below it
    expect(s.expectedShortfall).toBe(-0.05);
  });

  it("the tail mean takes every outcome at or below the 20 % quantile", () => {
    // 11 outcomes −5 … 5: h = 10 × 0.2 = 2 → q = −3, tail {−5, −4, −3}
    const s = distributionStats(Array.from({ length: 11 }, (_, i) => i - 5));
    expect(s.expectedShortfall).toBe(-4);
    expect(s.quantile).toBe(-4); // h = 1
  });
});

describe("analogue scenario", () => {
  const analogues = [
    { key: "A", returns: [-0.1, 0.05], proxied: [false, true] },
    { key: "B", returns: [0.02, 0], proxied: [false, false] },
    { key: "C", returns: [-0.05, -0.05], proxied: [false, true] },
  ];

  it("book P&L, contributors and per-position means", () => {
    const r = analogueScenario({ positionValues: [60, 40], analogues, window: [0, 5] });
    expect(r.netValue).toBe(100);
    expect(r.analogues.map((a) => a.pnl)).toEqual([-4, 1.2, -5]);
    expect(r.analogues[0]!.return).toBeCloseTo(-0.04, 15);
    expect(r.analogues[0]!.topContributors.map((c) => [c.position, c.pnl])).toEqual([[0, -6], [1, 2]]);
    expect(r.analogues[0]!.proxiedPositions).toEqual([1]);
    expect(r.distribution.mean).toBeCloseTo((-0.04 + 0.012 - 0.05) / 3, 15);
    expect(r.distribution.median).toBeCloseTo(-0.04, 15);
    // position 0: (−6 + 1.2 − 3)/3 = −2.6; position 1: (2 + 0 − 2)/3 = 0 → position 0 first
    expect(r.positions[0]!.position).toBe(0);
    expect(r.positions[0]!.meanPnl).toBeCloseTo(-2.6, 14);
    expect(r.positions[1]!.proxiedIn).toBe(2);
    expect(r.positions[0]!.medianReturn).toBe(-0.05);
    expect(r.warning).toBeNull();
    expect(r.unconditional).toBeNull();
  });

  it("says plainly when there are fewer than three analogues, and still computes", () => {
    const r = analogueScenario({ positionValues: [60, 40], analogues: analogues.slice(0, 2), window: [0, 5] });
    expect(r.warning).toMatch(/Only 2 analogues/);
    expect(r.distribution.n).toBe(2);
  });

  it("tail ratio is the conditional over the unconditional ES", () => {
    // Unconditional returns of a one-position book: 11 values −0.05 … 0.05 → ES(20 %) = −0.04
    const uncond = Array.from({ length: 11 }, (_, i) => (i - 5) / 100);
    const r = analogueScenario({
      positionValues: [1],
      analogues: [{ key: "A", returns: [-0.08], proxied: [false] }, { key: "B", returns: [-0.02], proxied: [false] }, { key: "C", returns: [0.01], proxied: [false] }],
      window: [0, 1],
      unconditional: { returns: uncond, analogueStarts: [5] },
      placebo: { draws: 50, seed: 3 },
    });
    // conditional: q_0.2 of {−0.08, −0.02, 0.01} at h = 0.4 → −0.056, tail {−0.08}
    expect(r.distribution.expectedShortfall).toBe(-0.08);
    expect(r.unconditional!.expectedShortfall).toBeCloseTo(-0.04, 15);
    expect(r.tailRatio).toBeCloseTo(2, 14);
    expect(r.placebo!.eligible).toBe(8); // starts 4, 5, 6 overlap the analogue's window
  });

  it("refuses a book whose net value is not positive", () => {
    expect(() => analogueScenario({ positionValues: [10, -10], analogues, window: [0, 5] })).toThrow(/net value/);
  });
});

describe("bootstrap", () => {
  it("a constant sample has a degenerate interval", () => {
    const b = bootstrapMeanAndES([0.02, 0.02, 0.02], { draws: 100, seed: 7 });
    expect(b.mean).toEqual([0.02, 0.02]);
    expect(b.expectedShortfall).toEqual([0.02, 0.02]);
  });

  it("one draw resamples with ⌊u·n⌋ from mulberry32(seed)", () => {
    const u = mulberry32(11);
    const v = [0, 1];
    const expected = (v[Math.floor(u() * 2)]! + v[Math.floor(u() * 2)]!) / 2;
    const b = bootstrapMeanAndES(v, { draws: 1, seed: 11 });
    expect(b.mean).toEqual([expected, expected]);
  });

  it("the same seed gives the same interval", () => {
    const x = [-0.03, 0.01, -0.01, 0.02, -0.06];
    expect(bootstrapMeanAndES(x, { seed: 5 })).toEqual(bootstrapMeanAndES(x, { seed: 5 }));
  });
});

describe("unconditional windows and placebo", () => {
  it("[0, +1] from every start: P[s+1] / P[s−1] − 1", () => {
    const r = unconditionalWindowReturns([[100, 110, 121, 133.1]], [1], [0, 1]);
    expect(Number.isNaN(r[0]!)).toBe(true);
    expect(r[1]).toBeCloseTo(0.21, 14);
    expect(r[2]).toBeCloseTo(0.21, 14);
    expect(Number.isNaN(r[3]!)).toBe(true);
  });

  it("[−1, +1] weights two positions", () => {
    const r = unconditionalWindowReturns([[1, 2, 3, 4], [4, 4, 2, 2]], [0.5, 0.5], [-1, 1]);
    // s = 2: P[3]/P[0] − 1 → 3 and −0.5
    expect(r[2]).toBeCloseTo(0.5 * 3 + 0.5 * -0.5, 14);
    expect(Number.isNaN(r[1]!)).toBe(true);
  });

  it("placebo p is 1 when every ordinary date is worse, 0 when none is", () => {
    const low = Array.from({ length: 30 }, () => -0.1);
    expect(analoguePlacebo(low, [], 0, 3, [0, 5], { draws: 20 }).pValue).toBe(1);
    expect(analoguePlacebo(low, [], -0.2, 3, [0, 5], { draws: 20 }).pValue).toBe(0);
    const p = analoguePlacebo(low, [10], 0, 3, [0, 5], { draws: 20 });
    expect(p.eligible).toBe(30 - 11);
  });
});

describe("linear algebra", () => {
  it("Cholesky of [[4, 2], [2, 3]] and a solve", () => {
    const l = cholesky(Float64Array.from([4, 2, 2, 3]), 2)!;
    expect(Array.from(l)).toEqual([2, 0, 1, Math.SQRT2]);
    const x = choleskySolve(l, 2, [2, 1]);
    expect(x[0]).toBeCloseTo(0.5, 15);
    expect(x[1]).toBeCloseTo(0, 15);
  });

  it("eigenvalues of [[2, 1], [1, 2]] are 1 and 3; a singular correlation has κ = ∞", () => {
    const ev = symmetricEigenvalues(Float64Array.from([2, 1, 1, 2]), 2);
    expect(ev[0]).toBeCloseTo(1, 14);
    expect(ev[1]).toBeCloseTo(3, 14);
    expect(correlationConditionNumber(Float64Array.from([1, 0.5, 0.5, 1]), 2)).toBeCloseTo(3, 12);
    expect(cholesky(Float64Array.from([1, 1, 1, 1]), 2)).toBeNull();
  });
});

describe("shock propagation", () => {
  // x alternates ±1 %; e is ±0.5 % in pairs (orthogonal to x, mean 0); y = 2x + e.
  const T = 60;
  const x = Array.from({ length: T }, (_, t) => (t % 2 === 0 ? 0.01 : -0.01));
  const e = Array.from({ length: T }, (_, t) => (t % 4 < 2 ? 0.005 : -0.005));
  const y = x.map((v, t) => 2 * v + e[t]!);

  it("E[y | x = −5 %] = 2 × −5 % and the conditional sd is sd(e)", () => {
    const r = propagateShocks({ columns: [x, y], names: ["X", "Y"], shocked: [0], shocks: [-0.05], values: [0, 100], method: "sample", fullCovariance: true });
    expect(r.expected[0]).toBe(-0.05);
    expect(r.expected[1]).toBeCloseTo(-0.1, 13);
    const sdE = 0.005 * Math.sqrt(T / (T - 1));
    expect(r.conditionalSd[1]).toBeCloseTo(sdE, 13);
    expect(r.conditionalSd[0]).toBe(0);
    expect(r.portfolioExpected).toBeCloseTo(-10, 11);
    expect(r.portfolioConditionalSd).toBeCloseTo(100 * sdE, 11);
    expect(r.conditionalCovariance![3]).toBeCloseTo(sdE * sdE, 15);
  });

  it("the horizon scales the conditional variance, not the mean", () => {
    const r = propagateShocks({ columns: [x, y], names: ["X", "Y"], shocked: [0], shocks: [-0.05], values: [0, 1], method: "sample", horizon: 4 });
    expect(r.expected[1]).toBeCloseTo(-0.1, 13);
    expect(r.conditionalSd[1]).toBeCloseTo(2 * 0.005 * Math.sqrt(T / (T - 1)), 13);
  });

  it("EWMA covariance: seeded with the first 20, then C ← λC + (1 − λ) x y", () => {
    const a = Array.from({ length: 22 }, (_, t) => ((t * 7) % 5) / 100 - 0.02);
    const b = Array.from({ length: 22 }, (_, t) => ((t * 3) % 4) / 100 - 0.015);
    const ma = a.slice(0, 20).reduce((s, v) => s + v, 0) / 20;
    const mb = b.slice(0, 20).reduce((s, v) => s + v, 0) / 20;
    let c = a.slice(0, 20).reduce((s, v, t) => s + (v - ma) * (b[t]! - mb), 0) / 19;
    c = 0.94 * c + 0.06 * a[20]! * b[20]!;
    c = 0.94 * c + 0.06 * a[21]! * b[21]!;
    expect(pairCovariance(a, b, "ewma")).toBeCloseTo(c, 16);
  });

  it("refuses shocks on near-duplicates and on too little history, naming the field", () => {
    const twin = x.map((v) => 2 * v);
    const dup = () => propagateShocks({ columns: [x, twin, y], names: ["X", "X2", "Y"], shocked: [0, 1], shocks: [-0.05, -0.1], values: [0, 0, 1], method: "sample" });
    expect(dup).toThrow(ShockInputError);
    expect(dup).toThrow(/lockstep/);
    try {
      propagateShocks({ columns: [x.slice(0, 30), y.slice(0, 30)], names: ["X", "Y"], shocked: [0], shocks: [-0.05], values: [0, 1], method: "sample" });
      expect.unreachable();
    } catch (err) {
      expect((err as ShockInputError).field).toBe("shocks.X");
    }
  });

  it("builds shocks from the analogues' median moves", () => {
    const s = shocksFromAnalogueMedians([[0.1, -0.2], [0.3, -0.1], [0.2, 0.5]], 2, { count: 1 });
    expect(s).toEqual([{ position: 0, shock: 0.2 }]);
    expect(shocksFromAnalogueMedians([[0.1, -0.2], [0.3, -0.1], [0.2, 0.5]], 2, { positions: [1] })).toEqual([{ position: 1, shock: -0.1 }]);
  });

  it("β of 2x + e on x is 2", () => {
    expect(betaToBenchmark(y, x)).toBeCloseTo(2, 13);
  });
});
