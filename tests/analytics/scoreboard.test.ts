// The event scoreboard: counts, hit rate and the sign-adjusted CAAR, checked against sums done by hand.
import { describe, expect, it } from "vitest";
import { MIN_CROSS_SECTIONAL_ASSETS, describePlacebo, ordinal, scoreboard, type ScoreboardEntry } from "@/lib/analytics";

describe("scoreboard", () => {
  it("counts verdicts, pending ones apart, and the hit rate over scored hypotheses", () => {
    const b = scoreboard([
      { direction: "UP", score: "confirmed", car: 0.02 },
      { direction: "DOWN", score: "contradicted", car: 0.03 },
      { direction: "DOWN", score: "inconclusive", car: -0.001 },
      { direction: "UNCERTAIN", score: "confirmed", car: -0.04 },
      { direction: "UP", score: null, car: null },
    ]);
    expect(b).toMatchObject({ confirmed: 2, contradicted: 1, inconclusive: 1, pending: 1 });
    expect(b.hitRate).toBe(0.5); // 2 confirmed of 4 scored
    // Signed CARs: UP +0.02 → +0.02; DOWN +0.03 → −0.03; DOWN −0.001 → +0.001. Mean = (0.02 − 0.03 + 0.001)/3 = −0.003.
    expect(b.directional?.n).toBe(3);
    expect(b.directional?.signAdjustedCaar).toBeCloseTo(-0.003, 15);
    expect(b.directional?.movedAsExpected).toBe(2);
    // Three signed CARs is below the minimum: no t.
    expect(b.directional?.t).toBeNull();
    // The uncertain asset is apart, not pooled: mean CAR −0.04, mean |CAR| 0.04.
    expect(b.uncertain).toEqual({ n: 1, meanCar: -0.04, meanAbsCar: 0.04 });
  });

  it("flips expected-down assets so two right hypotheses do not cancel out", () => {
    // The plain CAAR of +1 % (expected up) and −1 % (expected down) is 0; both moved as expected.
    const b = scoreboard([{ direction: "UP", score: "inconclusive", car: 0.01 }, { direction: "DOWN", score: "inconclusive", car: -0.01 }]);
    expect(b.directional?.signAdjustedCaar).toBeCloseTo(0.01, 15);
    expect(b.directional?.movedAsExpected).toBe(2);
  });

  it("gives a cross-sectional t on the signed CARs from the minimum number of assets up", () => {
    expect(MIN_CROSS_SECTIONAL_ASSETS).toBe(5);
    // Signed CARs 1, 2, 3, 4, 5 (in %): mean 3, sample sd √2.5, t = 3 / (√2.5/√5) = 3·√2 = 4.2426…
    const entries: ScoreboardEntry[] = [0.01, -0.02, 0.03, -0.04, 0.05].map((car, i) => ({ direction: i % 2 ? "DOWN" : "UP", score: "inconclusive", car }));
    const b = scoreboard(entries);
    expect(b.directional?.signAdjustedCaar).toBeCloseTo(0.03, 15);
    expect(b.directional?.t).toBeCloseTo(3 * Math.SQRT2, 12);
    // Two-sided p of t = 4.2426 on 4 df ≈ 0.0132 (tables: t₀.₀₁₅,₄ ≈ 4.0, t₀.₀₁,₄ = 4.604).
    expect(b.directional?.p).toBeGreaterThan(0.01);
    expect(b.directional?.p).toBeLessThan(0.02);
  });

  it("has no hit rate and no headline when nothing is scored", () => {
    expect(scoreboard([{ direction: "UP", score: null, car: null }])).toEqual({
      confirmed: 0, contradicted: 0, inconclusive: 0, pending: 1, hitRate: null, directional: null, uncertain: null,
    });
  });
});

describe("words", () => {
  it("writes English ordinals", () => {
    expect([0, 1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 42, 51, 75, 101, 111, 112].map(ordinal)).toEqual([
      "0th", "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "42nd", "51st", "75th", "101st", "111th", "112th",
    ]);
  });

  it("says the placebo as a share of random dates", () => {
    expect(describePlacebo({ shareAsLarge: 0.524, draws: 1000, window: "[−1, +1]" })).toBe(
      "A move this large (CAR [−1, +1], either sign) happened on 52 % of 1,000 random non-event dates.",
    );
    expect(describePlacebo({ shareAsLarge: 0.002, draws: 1000, window: "[0, 0]" })).toMatch(/on under 1 % of 1,000/);
    expect(describePlacebo({ shareAsLarge: NaN, draws: 0, window: "[0, 0]" })).toMatch(/^No placebo/);
  });
});
