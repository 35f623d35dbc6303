// Returns and risk metrics on small series worked out by hand.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  alignOnCommonDates,
  alignedReturns,
  ewmaVolatility,
  historicalES,
  historicalVaR,
  logReturns,
  maxDrawdown,
  parametricES,
  parametricVaR,
  quantileLinear,
  rollingBetaCorrelation,
  rollingVolatility,
  sampleSd,
  simpleReturns,
  valueAtRiskTable,
  volatilityRegimeShift,
  volatilityZScore,
} from "@/lib/analytics";

const close = (a: ArrayLike<number>, b: number[], digits = 14) => b.forEach((v, i) => expect(a[i]).toBeCloseTo(v, digits));

describe("returns", () => {
  it("simple and log from prices 100 → 110 → 99", () => {
    close(simpleReturns([100, 110, 99]), [10 / 100, 99 / 110 - 1]);
    close(logReturns([100, 110, 99]), [Math.log(1.1), Math.log(0.9)]);
  });
  it("rejects non-positive prices", () => {
    expect(() => simpleReturns([100, 0])).toThrow(/positive/);
  });
  it("aligns on common dates and reports what was dropped, never filling", () => {
    const a = { dates: ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"], values: [10, 11, 12, 13] };
    const b = { dates: ["2024-01-02", "2024-01-04", "2024-01-05", "2024-01-08"], values: [100, 102, 101, 99] };
    const al = alignOnCommonDates(a, b);
    expect(al.dates).toEqual(["2024-01-02", "2024-01-04", "2024-01-05"]);
    expect(al.droppedAssetDates).toEqual(["2024-01-03"]);
    expect(al.droppedBenchmarkDates).toEqual(["2024-01-08"]);
    const r = alignedReturns(a, b, "simple");
    // The asset's return to 01-04 spans its two sessions: 12/10 − 1.
    close(r.asset, [12 / 10 - 1, 13 / 12 - 1]);
    close(r.benchmark, [102 / 100 - 1, 101 / 102 - 1]);
    expect(r.dates).toEqual(["2024-01-04", "2024-01-05"]);
  });
  it("property: scaling prices leaves returns unchanged", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 2, maxLength: 50 }), fc.double({ min: 0.01, max: 100, noNaN: true }), (p, k) => {
        const a = simpleReturns(p);
        const b = simpleReturns(p.map((x) => x * k));
        a.forEach((v, i) => expect(Math.abs(v - (b[i] as number))).toBeLessThan(1e-12 * Math.max(1, Math.abs(v))));
      }),
    );
  });
});

describe("volatility", () => {
  it("rolling sd of 0.01, 0.02, 0.03 is 0.01 (deviations ±0.01, Σ = 0.0002, / (3 − 1))", () => {
    const v = rollingVolatility([0.01, 0.02, 0.03, 0.05], 3);
    expect(v[0]).toBeNaN();
    expect(v[1]).toBeNaN();
    expect(v[2]).toBeCloseTo(0.01 * Math.sqrt(252), 14);
    // 0.02, 0.03, 0.05: mean 0.10/3, deviations −0.04/3, −0.01/3, +0.05/3 → Σ² = 0.0042/9.
    expect(v[3]).toBeCloseTo(Math.sqrt(0.0042 / 9 / 2) * Math.sqrt(252), 14);
  });
  it("property: rolling volatility equals the direct sample sd of each window", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -0.1, max: 0.1, noNaN: true }), { minLength: 5, maxLength: 80 }), fc.integer({ min: 2, max: 5 }), (r, w) => {
        const v = rollingVolatility(r, w, 1);
        // The rolling update carries sums from window to window; 1e-10 on an sd of at most 0.1 still catches any
        // wrong window, divisor or update while allowing the update's accumulated rounding.
        for (let i = w - 1; i < r.length; i++) expect(v[i]).toBeCloseTo(sampleSd(r.slice(i - w + 1, i + 1)), 10);
      }),
    );
  });
  it("EWMA: seed 0.0002, then 0.94·0.0002 + 0.06·0.02² = 0.000212", () => {
    const e = ewmaVolatility([0.01, 0.03, 0.02, -0.01], { seedWindow: 2 });
    expect(e.variance[1]).toBeNaN();
    expect(e.variance[2]).toBeCloseTo(0.0002, 16); // sample variance of 0.01, 0.03: (0.0001 + 0.0001) / 1
    expect(e.variance[3]).toBeCloseTo(0.000212, 16);
    expect(e.nextDayVariance).toBeCloseTo(0.94 * 0.000212 + 0.06 * 0.0001, 16);
    expect(e.annualisedVolatility[2]).toBeCloseTo(Math.sqrt(252 * 0.0002), 14);
  });
  it("z-score of the latest 2-day volatility against a 3-value history", () => {
    // Returns chosen so the 2-day sds are |r_t − r_{t−1}|/√2: 0, 0.01, 0.02 … per window.
    const r = [0, 0, 0.01, 0.03];
    const z = volatilityZScore(r, { window: 2, history: 3, annualisationDays: 1, threshold: 1 });
    const vols = [0, 0.01 / Math.SQRT2, 0.02 / Math.SQRT2];
    const m = (vols[0]! + vols[1]! + vols[2]!) / 3;
    const sd = Math.sqrt(vols.reduce((s, v) => s + (v - m) ** 2, 0) / 2);
    expect(z.latestZScore).toBeCloseTo((vols[2]! - m) / sd, 12);
    expect(z.elevated).toBe(false); // z = 1 exactly here, not above the threshold
  });
});

describe("VaR and ES", () => {
  const r = [-0.05, -0.03, -0.01, 0.0, 0.02];
  it("historical: linear interpolation h = (n − 1)(1 − α)", () => {
    // 95 %: h = 4 × 0.05 = 0.2 → −0.05 + 0.2 × (−0.03 + 0.05) = −0.046.
    expect(historicalVaR(r, 0.95)).toBeCloseTo(0.046, 15);
    // ES: returns ≤ −0.046 are {−0.05}.
    expect(historicalES(r, 0.95)).toBeCloseTo(0.05, 15);
    // 97.5 %: h = 0.1 → −0.048.
    expect(historicalVaR(r, 0.975)).toBeCloseTo(0.048, 15);
    expect(quantileLinear(r, 0.5)).toBe(-0.01);
  });
  it("parametric: μ = −0.014, s² = 0.00292 / 4", () => {
    const sd = Math.sqrt(0.00292 / 4); // deviations −0.036, −0.016, 0.004, 0.014, 0.034
    expect(parametricVaR(r, 0.95)).toBeCloseTo(0.014 + 1.6448536269514722 * sd, 13);
    expect(parametricVaR(r, 0.99)).toBeCloseTo(0.014 + 2.3263478740408408 * sd, 13);
    // φ(1.6448536…) = 0.10313564037537128.
    expect(parametricES(r, 0.95)).toBeCloseTo((sd * 0.10313564037537128) / 0.05 + 0.014, 13);
  });
  it("property: VaR and ES increase with confidence, ES ≥ VaR", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: 10, maxLength: 300 }), (x) => {
        const t = valueAtRiskTable(x, [0.9, 0.95, 0.975, 0.99]);
        for (let i = 1; i < t.length; i++) {
          expect(t[i]!.historicalVaR).toBeGreaterThanOrEqual(t[i - 1]!.historicalVaR - 1e-15);
          expect(t[i]!.parametricVaR).toBeGreaterThanOrEqual(t[i - 1]!.parametricVaR - 1e-15);
          expect(t[i]!.parametricES).toBeGreaterThanOrEqual(t[i - 1]!.parametricES - 1e-15);
        }
        for (const row of t) expect(row.historicalES).toBeGreaterThanOrEqual(row.historicalVaR - 1e-15);
      }),
    );
  });
});

describe("maximum drawdown", () => {
  const dates = ["d1", "d2", "d3", "d4", "d5", "d6", "d7"];
  it("finds the deepest fall from a running peak: 125 → 80 is 1 − 80/125 = 0.36", () => {
    const m = maxDrawdown({ dates: dates.slice(0, 6), values: [100, 120, 90, 110, 125, 80] });
    expect(m.maxDrawdown).toBeCloseTo(0.36, 15);
    expect(m).toMatchObject({ peakDate: "d5", troughDate: "d6", recoveryDate: null });
  });
  it("reports the first date back at the peak", () => {
    const m = maxDrawdown({ dates, values: [100, 120, 90, 110, 119, 120, 130] });
    expect(m.maxDrawdown).toBeCloseTo(0.25, 15); // 1 − 90/120
    expect(m).toMatchObject({ peakDate: "d2", troughDate: "d3", recoveryDate: "d6" });
  });
  it("is zero for a rising series", () => {
    expect(maxDrawdown({ dates: ["a", "b"], values: [1, 2] })).toEqual({ maxDrawdown: 0, peakDate: null, troughDate: null, recoveryDate: null });
  });
});

describe("beta, correlation and the volatility regime", () => {
  it("β = Σdxdy/Σdx² = 0.0003/0.0005 = 0.6 and ρ = 0.6", () => {
    // x̄ = ȳ = 0.005; dx = (0.005, −0.015, 0.015, −0.005), dy = (0.015, −0.005, 0.005, −0.015).
    const b = rollingBetaCorrelation([0.01, -0.01, 0.02, 0], [0.02, 0, 0.01, -0.01], 4);
    expect(b.beta[3]).toBeCloseTo(0.0003 / 0.0005, 12);
    expect(b.correlation[3]).toBeCloseTo(0.6, 12);
  });
  it("F-test: post variance 0.0004 over pre 0.0001 = 4 on (2, 2) df, p = 2 × (1 − 4/5)", () => {
    const r = volatilityRegimeShift([0.01, 0.02, 0.03, 0.02, -0.02, 0], 3, { preLength: 3, postLength: 3 });
    expect(r.varianceRatio).toBeCloseTo(4, 12);
    expect(r.volatilityRatio).toBeCloseTo(2, 12);
    expect(r.pValue).toBeCloseTo(0.4, 12);
  });
});
