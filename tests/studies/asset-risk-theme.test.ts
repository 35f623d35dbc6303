import { beforeAll, describe, expect, it } from "vitest";
import { eventStudiesForAsset, riskForAsset, themeCaar } from "@/lib/studies";
import { eventStudyForEvent } from "@/lib/studies/study-of-event";
import { buildMarket, EVENT_A, EVENT_B, SESSIONS, type Market } from "./fixtures";

let m: Market;

beforeAll(async () => {
  m = await buildMarket();
});

describe("eventStudiesForAsset", () => {
  it("lists each linked event with CAR[−1,+1] and CAR[−5,+5], significance and placebo percentiles", async () => {
    const r = (await eventStudiesForAsset(m.jumpId))!;
    expect(r.model).toBe("market");
    expect(r.caption).toMatch(/market model, estimation \[−250, −11\], event window \[−10, \+10\]; benchmark BENCH/);
    expect(r.rows.map((x) => x.event.title)).toEqual(["Event A", "Event B", "After the data"]);
    const [a, b, late] = r.rows;
    expect(a!.day0Session).toBe(SESSIONS[EVENT_A]);
    expect(a!.cars.map((c) => c.label)).toEqual(["[−1, +1]", "[−5, +5]"]);
    expect(a!.cars.every((c) => c.significant && c.car! > 0.05 && c.placeboPercentile === 100)).toBe(true);
    expect(a!.hypothesis).toBe("confirmed");
    expect(b!.day0Session).toBe(SESSIONS[EVENT_B]);
    expect(b!.hypothesis).toBe("contradicted");
    expect(late!.status).toBe("event-after-data");
    expect(late!.cars).toEqual([]);
    expect(late!.summary).toMatch(/No JUMP session after the event/);
  });

  it("says so when an FX pair is studied with the constant-mean model", async () => {
    const r = (await eventStudiesForAsset(m.fxId))!;
    expect(r.model).toBe("constant-mean");
    expect(r.caption).toMatch(/^constant-mean model.*no benchmark/);
    expect(r.modelNote).toMatch(/FXX has no benchmark/);
  });

  it("returns null for an unknown asset", async () => {
    expect(await eventStudiesForAsset(999_999)).toBeNull();
  });
});

describe("riskForAsset", () => {
  it("computes volatility, EWMA, z-score, VaR/ES, drawdown and beta from stored adjusted closes", async () => {
    const r = (await riskForAsset(m.sameId))!;
    expect(r.status).toBe("ok");
    expect(r.returns).toBe(SESSIONS.length - 1);
    expect(r.series.dates).toHaveLength(SESSIONS.length - 1);
    expect(r.series.vol20.slice(0, 19).every((v) => v === null)).toBe(true);
    expect(r.series.vol20[19]).toBeGreaterThan(0);
    expect(r.latest.date).toBe(SESSIONS[SESSIONS.length - 1]);
    // Uniform(−1 %, +1 %) daily noise has sd 0.01/√3 ≈ 0.577 %, i.e. ≈ 9.2 % annualised.
    expect(r.latest.vol252!).toBeGreaterThan(0.07);
    expect(r.latest.vol252!).toBeLessThan(0.11);
    expect(r.valueAtRisk.map((v) => v.confidence)).toEqual([0.95, 0.975, 0.99]);
    expect(r.valueAtRisk[2]!.historicalVaR!).toBeGreaterThan(r.valueAtRisk[0]!.historicalVaR!);
    expect(r.maxDrawdown.maxDrawdown!).toBeGreaterThan(0);
    // Identical to its benchmark: β = ρ = 1.
    expect(r.beta!.beta).toBeCloseTo(1, 12);
    expect(r.beta!.correlation).toBeCloseTo(1, 12);
  });

  it("cuts at asOf, reports short histories and returns null for unknown assets", async () => {
    const cut = (await riskForAsset(m.jumpId, SESSIONS[100]))!;
    expect(cut.asOf).toBe(SESSIONS[100]);
    expect(cut.returns).toBe(100);
    const short = (await riskForAsset(m.jumpId, SESSIONS[10]))!;
    expect(short.status).toBe("insufficient-data");
    expect(short.message).toMatch(/11 prices stored/);
    const fx = (await riskForAsset(m.fxId))!;
    expect(fx.beta).toBeNull();
    expect(await riskForAsset(999_999)).toBeNull();
  });
});

describe("themeCaar", () => {
  it("averages each asset's CARs across the theme's events", async () => {
    const r = (await themeCaar(m.themeId))!;
    expect(r.events.map((e) => e.title)).toEqual(["Event A", "Event B", "After the data"]);
    const jump = r.assets.find((a) => a.asset.symbol === "JUMP")!;
    expect(jump.events).toBe(3);
    expect(jump.aggregate!.n).toBe(2);
    expect(jump.skipped).toHaveLength(1);
    expect(jump.skipped[0]!.reason).toMatch(/No JUMP session after the event/);
    const w = jump.aggregate!.windows.find((x) => x.label === "[−1, +1]")!;
    expect(w.caar!).toBeGreaterThan(0.06);
    expect(w.positiveCount).toBe(2);
    const short = r.assets.find((a) => a.asset.symbol === "SHORT")!;
    expect(short.aggregate).toBeNull();
    expect(await themeCaar(999_999)).toBeNull();
  });

  it("scores the hypotheses per asset and over the theme, as each event page scores them", async () => {
    const r = (await themeCaar(m.themeId))!;
    // JUMP jumps up on both events: the UP hypothesis on Event A holds, the DOWN one on Event B fails, and the event
    // after the data cannot be scored.
    const jump = r.assets.find((a) => a.asset.symbol === "JUMP")!;
    expect(jump.hypotheses).toEqual({ confirmed: 1, contradicted: 1, inconclusive: 0, pending: 1, hitRate: 0.5 });
    // The theme's total is the sum of the event pages' scoreboards.
    const boards = await Promise.all([m.eventA, m.eventB, m.eventLate].map(async (id) => (await eventStudyForEvent(id))!.scoreboard));
    const sum = (k: "confirmed" | "contradicted" | "inconclusive" | "pending") => boards.reduce((a, b) => a + b[k], 0);
    const scored = sum("confirmed") + sum("contradicted") + sum("inconclusive");
    expect(scored).toBeGreaterThan(2);
    expect(r.hypotheses).toEqual({
      confirmed: sum("confirmed"),
      contradicted: sum("contradicted"),
      inconclusive: sum("inconclusive"),
      pending: sum("pending"),
      hitRate: sum("confirmed") / scored,
    });
  });
});
