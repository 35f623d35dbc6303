// Placebo draws, hypothesis scoring and the plain-language summary.
import { describe, expect, it } from "vitest";
import { describeCar, mulberry32, placeboTest, resolveEventStudyConfig, scoreHypothesis, type EventStudyData } from "@/lib/analytics";

function synthetic(n: number, seed: number): EventStudyData {
  const rnd = mulberry32(seed);
  const x = Float64Array.from({ length: n }, () => (rnd() - 0.5) * 0.02);
  const y = Float64Array.from(x, (v) => 0.8 * v + (rnd() - 0.5) * 0.01);
  return { dates: Array.from({ length: n }, (_, i) => `${i}`), asset: y, benchmark: x };
}

describe("placebo", () => {
  const data = synthetic(600, 7);
  data.asset[400] = 0.2; // a huge move on the real event's day 0
  const config = resolveEventStudyConfig();
  it("is reproducible for a seed and excludes windows overlapping real events", () => {
    const a = placeboTest(data, 400, [300], config, { window: [-1, 1], draws: 100, seed: 3 });
    const b = placeboTest(data, 400, [300], config, { window: [-1, 1], draws: 100, seed: 3 });
    expect(Array.from(a.placeboCars)).toEqual(Array.from(b.placeboCars));
    for (const d of a.placeboDay0Indices) {
      expect(Math.abs(d - 400)).toBeGreaterThan(20);
      expect(Math.abs(d - 300)).toBeGreaterThan(20);
    }
    expect(new Set(a.placeboDay0Indices).size).toBe(100);
    // Eligible day 0: d − 10 ≥ 100 estimation returns (d ≥ 110) and d + 10 ≤ 599, minus the 41 days within ±20 of
    // each real event.
    expect(a.eligible).toBe(589 - 110 + 1 - 41 - 41);
    expect(a.percentile).toBe(100);
    expect(a.pValue).toBeCloseTo(2 / 101, 15); // 2·min(101/101, 1/101)
  });

  it("excludes every window near any of many real events, those past either end of the data included", () => {
    // Events bunched, overlapping, and beyond both ends: each day 0 within ±20 sessions of one is not eligible.
    const real = [-15, 5, 130, 131, 150, 170, 171, 240, 333, 350, 351, 352, 500, 590, 610];
    const p = placeboTest(data, 400, real, config, { window: [-1, 1], draws: 1000, seed: 5 });
    let eligible = 0;
    for (let d = 110; d <= 589; d++) if ([...real, 400].every((r) => Math.abs(d - r) > 20)) eligible++;
    expect(p.eligible).toBe(eligible);
    expect(p.placeboDay0Indices.length).toBe(Math.min(1000, eligible));
    for (const d of p.placeboDay0Indices) for (const r of [...real, 400]) expect(Math.abs(d - r)).toBeGreaterThan(20);
  });
});

describe("hypothesis scoring", () => {
  it.each([
    ["UP", 0.02, 0.01, "confirmed"],
    ["UP", -0.02, 0.01, "contradicted"],
    ["DOWN", -0.02, 0.01, "confirmed"],
    ["DOWN", 0.02, 0.01, "contradicted"],
    ["UP", 0.02, 0.2, "inconclusive"],
    ["UNCERTAIN", -0.02, 0.01, "confirmed"],
    ["UNCERTAIN", 0.02, 0.3, "inconclusive"],
    ["UP", 0.02, 0.05, "inconclusive"],
  ] as const)("%s with CAR %f, p %f → %s", (dir, car, p, expected) => {
    expect(scoreHypothesis(dir, car, p)).toBe(expected);
  });
  it("says 'no detectable effect' plainly when not significant", () => {
    expect(describeCar({ car: -0.004, pValue: 0.41, window: [-1, 1] })).toMatch(/^No detectable effect — CAR\[−1, \+1\] −0\.40 %.*p = 0\.410/);
    expect(describeCar({ car: 0.0121, pValue: 0.0004, window: [0, 0], subject: "KOSPI" })).toBe(
      "KOSPI: Abnormal move — the asset rose beyond normal variation: CAR[0, 0] +1.21 % (p < 0.001, significant at the 5 % level).",
    );
  });
});

describe("placebo share of moves as large", () => {
  it("counts placebo CARs at least as large in absolute value as the event's", () => {
    const data = synthetic(600, 11);
    const config = resolveEventStudyConfig();
    const p = placeboTest(data, 400, [], config, { window: [0, 0], draws: 200, seed: 5 });
    const byHand = Array.from(p.placeboCars).filter((c) => Math.abs(c) >= Math.abs(p.actualCar)).length / p.placeboCars.length;
    expect(p.shareAsLarge).toBe(byHand);
    expect(p.shareAsLarge).toBeGreaterThan(0);
    expect(p.shareAsLarge).toBeLessThan(1);
  });
});
