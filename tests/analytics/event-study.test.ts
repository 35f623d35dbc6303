// The event study on a series small enough to do by hand: 5 estimation days, a 3-day event window.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  aggregateEventStudies,
  averageResidualCorrelation,
  carWindowStats,
  eventStudyAt,
  firstReactingSession,
  normalTwoSidedP,
  resolveEventStudyConfig,
  runEventStudy,
  studentTTwoSidedP,
  type EventStudyData,
  type EventStudyOk,
  type EventStudyResult,
} from "@/lib/analytics";

const dates = ["d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7"];
// Estimation (τ = −6 … −2): x̄ = 0, Σx² = 0.001, Σxy = 0.0014 → β = 1.4, ȳ = 0.002 → α = 0.002.
// Residuals y − 0.002 − 1.4x = (−0.004, 0.002, 0.008, −0.006, 0); SSE = 120e−6, σ² = 120e−6 / (5 − 2) = 40e−6.
// Event (τ = −1, 0, +1): x = (0.01, 0.03, −0.01), y = (0.02, 0.05, −0.02) → AR = (0.004, 0.006, −0.008).
const data: EventStudyData = {
  dates,
  benchmark: Float64Array.from([-0.02, -0.01, 0, 0.01, 0.02, 0.01, 0.03, -0.01]),
  asset: Float64Array.from([-0.03, -0.01, 0.01, 0.01, 0.03, 0.02, 0.05, -0.02]),
};
const config = resolveEventStudyConfig({
  estimationWindow: [-6, -2],
  eventWindow: [-1, 1],
  minEstimationObservations: 5,
  customWindows: [[-1, 0]],
});

function ok(r: EventStudyResult): EventStudyOk {
  if (r.status !== "ok") throw new Error(r.message);
  return r;
}

describe("market model by hand", () => {
  const s = ok(eventStudyAt(data, 6, config));
  it("estimates α, β, σ and the AR path", () => {
    expect(s.alpha).toBeCloseTo(0.002, 15);
    expect(s.beta).toBeCloseTo(1.4, 13);
    expect(s.sigma).toBeCloseTo(Math.sqrt(40e-6), 14);
    expect(s.df).toBe(3);
    expect(s.estimationN).toBe(5);
    [0.004, 0.006, -0.008].forEach((v, i) => expect(s.ar[i]).toBeCloseTo(v, 15));
    // Var(AR_0) = σ²(1 + 1/5 + 0.03²/0.001) = 40e−6 × 2.1.
    expect(s.arVariance[1]).toBeCloseTo(40e-6 * 2.1, 18);
    expect(s.day0Date).toBe("d6");
  });
  it("CAR[−1,+1] = 0.002 with Var = σ²(3 + 9/5 + 0.03²/0.001) = 40e−6 × 5.7", () => {
    const w = s.windows.find((x) => x.window[0] === -1 && x.window[1] === 1)!;
    expect(w.car).toBeCloseTo(0.002, 15);
    expect(w.sd).toBeCloseTo(Math.sqrt(228e-6), 15);
    expect(w.t).toBeCloseTo(0.002 / Math.sqrt(228e-6), 13);
    expect(w.p).toBeCloseTo(studentTTwoSidedP(0.002 / Math.sqrt(228e-6), 3), 14);
  });
  it("Patell, Corrado rank and sign statistics for [0, 0] and [−1, +1]", () => {
    const w0 = s.windows.find((x) => x.window[0] === 0 && x.window[1] === 0)!;
    // SAR_0 = 0.006/√(84e−6); Patell divides by √(w·df/(df − 2)) = √3.
    expect(w0.patellZ).toBeCloseTo(0.006 / Math.sqrt(84e-6) / Math.sqrt(3), 12);
    // Combined series ranks: residuals (3, 5, 8, 2, 4), ARs (6, 7, 1); U = K/9 − ½; Σ(K − 4.5)² = 42 → S_U = √(42/81/8).
    expect(w0.rankZ).toBeCloseTo((7 / 9 - 0.5) / Math.sqrt(42 / 81 / 8), 12);
    const w = s.windows.find((x) => x.window[0] === -1 && x.window[1] === 1)!;
    expect(w.rankZ).toBeCloseTo((6 / 9 + 7 / 9 + 1 / 9 - 1.5) / (Math.sqrt(3) * Math.sqrt(42 / 81 / 8)), 12);
    // Residual signs (−, +, +, −, 0): the last is 0 in exact arithmetic but 0.03 − 0.002 − 1.4 × 0.02 rounds to a
    // tiny non-zero double, so p̂ is 2/5 or 3/5 by that sign. 2 of 3 event days are positive.
    expect(Math.abs(s.estimationResiduals[4]!)).toBeLessThan(1e-17);
    const pHat = (2 + (s.estimationResiduals[4]! > 0 ? 1 : 0)) / 5;
    expect(w.signZ).toBeCloseTo((2 - 3 * pHat) / Math.sqrt(3 * pHat * (1 - pHat)), 12);
    expect(w.signP).toBeCloseTo(normalTwoSidedP((2 - 3 * pHat) / Math.sqrt(3 * pHat * (1 - pHat))), 14);
  });
  it("reports the custom window after the standard ones that fit", () => {
    expect(s.windows.map((w) => w.window.join(","))).toEqual(["0,0", "0,1", "-1,1", "-1,0"]);
  });
});

describe("other models by hand", () => {
  it("constant-mean: AR = R − 0.002, σ² = Σ(R − 0.002)²/(5 − 1) = 2080e−6/4", () => {
    const s = ok(eventStudyAt(data, 6, { ...config, model: "constant-mean" }));
    [0.018, 0.048, -0.022].forEach((v, i) => expect(s.ar[i]).toBeCloseTo(v, 15));
    expect(s.sigma ** 2).toBeCloseTo(520e-6, 16);
    expect(s.df).toBe(4);
    expect(s.windows.find((w) => w.window[0] === -1)!.sd).toBeCloseTo(Math.sqrt(520e-6 * (3 + 9 / 5)), 15);
  });
  it("market-adjusted: AR = R − R_m", () => {
    const s = ok(eventStudyAt(data, 6, { ...config, model: "market-adjusted" }));
    [0.01, 0.02, -0.01].forEach((v, i) => expect(s.ar[i]).toBeCloseTo(v, 15));
    expect(s.windows.find((w) => w.window[0] === -1)!.sd).toBeCloseTo(s.sigma * Math.sqrt(3), 15);
  });
  it("returns a typed status when data are short", () => {
    const r = eventStudyAt(data, 5, config);
    expect(r).toMatchObject({ status: "insufficient-estimation-data", estimationN: 4 });
    const late = eventStudyAt({ ...data, dates: dates.slice(0, 7), asset: data.asset.subarray(0, 7), benchmark: data.benchmark.subarray(0, 7) }, 6, config);
    expect(late.status).toBe("insufficient-event-data");
  });
});

describe("aggregation by hand", () => {
  const a = ok(eventStudyAt(data, 6, config));
  const flipped: EventStudyData = { ...data, asset: data.asset.map((v, i) => (i < 5 ? v : -v)) };
  const b = ok(eventStudyAt(flipped, 6, config));
  const agg = aggregateEventStudies([a, b]);
  it("CAAR, cross-sectional t and BMP from the two CARs", () => {
    const w = agg.windows.find((x) => x.window[0] === -1 && x.window[1] === 1)!;
    const cars = [a, b].map((s) => carWindowStats(s, [-1, 1]));
    const m = (cars[0]!.car + cars[1]!.car) / 2;
    const sd = Math.sqrt(((cars[0]!.car - m) ** 2 + (cars[1]!.car - m) ** 2) / 1);
    expect(w.caar).toBeCloseTo(m, 15);
    expect(w.crossSectionalT).toBeCloseTo(m / (sd / Math.sqrt(2)), 12);
    const ms = (cars[0]!.t + cars[1]!.t) / 2;
    const ss = Math.sqrt(((cars[0]!.t - ms) ** 2 + (cars[1]!.t - ms) ** 2) / 1);
    expect(w.bmpT).toBeCloseTo((ms * Math.sqrt(2)) / ss, 12);
    expect(w.patellZ).toBeCloseTo((cars[0]!.patellZ + cars[1]!.patellZ) / Math.SQRT2, 12);
  });
  it("identical estimation residuals on one date → r̄ = 1 and the KP statistic is 0", () => {
    expect(agg.averageResidualCorrelation).toBeCloseTo(1, 12);
    expect(agg.windows[0]!.kpT).toBeCloseTo(0, 6);
  });
  it("pairs on different day-0 dates count as uncorrelated", () => {
    const shifted = { ...b, day0Date: "other" };
    expect(averageResidualCorrelation([a, shifted]).rBar).toBe(0);
  });
  it("AAR is the mean AR per day", () => {
    agg.aar.forEach((v, k) => expect(v).toBeCloseTo(((a.ar[k] as number) + (b.ar[k] as number)) / 2, 15));
  });
});

const returnsArb = (n: number) => fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { minLength: n, maxLength: n });
const propConfig = resolveEventStudyConfig({ estimationWindow: [-40, -6], eventWindow: [-5, 5], minEstimationObservations: 30 });
const n = 60;

describe("properties", () => {
  it("an asset against itself has zero market-model AR", () => {
    fc.assert(
      fc.property(returnsArb(n), (r) => {
        const x = Float64Array.from(r);
        const s = eventStudyAt({ dates: r.map((_, i) => `${i}`), asset: x, benchmark: x }, 45, propConfig);
        if (s.status !== "ok") return; // constant benchmark
        s.ar.forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-12));
      }),
    );
  });
  it("adding a constant to returns leaves constant-mean ARs unchanged", () => {
    fc.assert(
      fc.property(returnsArb(n), returnsArb(n), fc.double({ min: -0.01, max: 0.01, noNaN: true }), (y, x, c) => {
        const d = y.map((_, i) => `${i}`);
        const cfg = { ...propConfig, model: "constant-mean" as const };
        const s1 = ok(eventStudyAt({ dates: d, asset: Float64Array.from(y), benchmark: Float64Array.from(x) }, 45, cfg));
        const s2 = ok(eventStudyAt({ dates: d, asset: Float64Array.from(y, (v) => v + c), benchmark: Float64Array.from(x) }, 45, cfg));
        s1.ar.forEach((v, i) => expect(Math.abs(v - (s2.ar[i] as number))).toBeLessThan(1e-12));
      }),
    );
  });
  it("CAR over [a, b] is the sum over its sub-windows", () => {
    fc.assert(
      fc.property(returnsArb(n), returnsArb(n), fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 }), (y, x, p, q, r) => {
        const [a, c, b] = [p, q, r].sort((u, v) => u - v) as [number, number, number];
        const s = eventStudyAt({ dates: y.map((_, i) => `${i}`), asset: Float64Array.from(y), benchmark: Float64Array.from(x) }, 45, propConfig);
        if (s.status !== "ok" || c === b) return;
        const whole = carWindowStats(s, [a, b]).car;
        const parts = carWindowStats(s, [a, c]).car + carWindowStats(s, [c + 1, b]).car;
        // Rounding scales with the ARs' magnitude: a near-constant generated benchmark gives a huge β and huge ARs.
        let scale = 0;
        for (let k = a; k <= b; k++) scale += Math.abs(s.ar[k - s.eventWindow[0]] as number);
        expect(Math.abs(whole - parts)).toBeLessThanOrEqual(1e-13 * Math.max(scale, 1e-3));
      }),
    );
  });
  it("Corrado U values average zero", () => {
    fc.assert(
      fc.property(returnsArb(n), returnsArb(n), (y, x) => {
        const s = eventStudyAt({ dates: y.map((_, i) => `${i}`), asset: Float64Array.from(y), benchmark: Float64Array.from(x) }, 45, propConfig);
        if (s.status !== "ok") return;
        expect(Math.abs(s.rankU.reduce((t, u) => t + u, 0))).toBeLessThan(1e-12);
      }),
    );
  });
});

describe("day 0 and the convenience runner", () => {
  const sessions = ["2024-06-17", "2024-06-18", "2024-06-19", "2024-06-20", "2024-06-21", "2024-06-24"];
  it("Seoul: noon KST is the same session, 16:00 KST (after the 15:30 close) is the next", () => {
    expect(firstReactingSession("2024-06-19T03:00:00Z", "EXACT", sessions, "Asia/Seoul", "15:30")).toBe(2);
    expect(firstReactingSession("2024-06-19T07:00:00Z", "EXACT", sessions, "Asia/Seoul", "15:30")).toBe(3);
    // 23:00 UTC on the 18th is 08:00 KST on the 19th.
    expect(firstReactingSession("2024-06-18T23:00:00Z", "EXACT", sessions, "Asia/Seoul", "15:30")).toBe(2);
  });
  it("DAY precision uses the UTC date; weekends roll to Monday; after the last session is null", () => {
    expect(firstReactingSession("2024-06-18T23:00:00Z", "DAY", sessions, "Asia/Seoul", "15:30")).toBe(1);
    expect(firstReactingSession("2024-06-22T00:00:00Z", "DAY", sessions, "Asia/Seoul", "15:30")).toBe(5);
    expect(firstReactingSession("2024-06-25T00:00:00Z", "DAY", sessions, "Asia/Seoul", "15:30")).toBeNull();
  });
  it("New York across daylight saving: 15:59 EDT is the same day, 16:00 the next", () => {
    const ny = ["2024-03-11", "2024-03-12"];
    expect(firstReactingSession("2024-03-11T19:59:00Z", "EXACT", ny, "America/New_York", "16:00")).toBe(0);
    expect(firstReactingSession("2024-03-11T20:00:00Z", "EXACT", ny, "America/New_York", "16:00")).toBe(1);
  });
  it("runEventStudy aligns prices, locates day 0 and reports dropped dates", () => {
    const px = (r: Float64Array) => r.reduce<number[]>((p, v) => [...p, p[p.length - 1]! * (1 + v)], [100]);
    const d = ["c", ...dates, "zz"];
    const assetPrices = { dates: d.slice(0, 9), values: px(data.asset) };
    const benchmarkPrices = { dates: d, values: [...px(data.benchmark), 999] };
    const r = runEventStudy({ assetPrices, benchmarkPrices, day0Date: "d6", config });
    expect(r.status).toBe("ok");
    if (r.status !== "ok") return;
    expect(r.beta).toBeCloseTo(1.4, 12);
    expect(r.droppedBenchmarkDates).toEqual(["zz"]);
  });
});
