import { beforeAll, describe, expect, it } from "vitest";
import { eventStudyForEvent, type EventStudyReport } from "@/lib/studies";
import { buildMarket, EVENT_A, EVENT_B, JUMP, SESSIONS, type Market } from "./fixtures";

let m: Market;
let report: EventStudyReport;
const entry = (symbol: string) => report.assets.find((a) => a.asset.symbol === symbol)!;

beforeAll(async () => {
  m = await buildMarket();
  report = (await eventStudyForEvent(m.eventA))!;
});

describe("eventStudyForEvent", () => {
  it("gives an asset identical to its benchmark zero abnormal returns and no detectable effect", () => {
    const s = entry("SAME");
    expect(s.status).toBe("ok");
    expect(s.model).toBe("market");
    expect(s.benchmark?.symbol).toBe("BENCH");
    expect(s.study!.beta).toBe(1);
    expect(s.study!.alpha).toBe(0);
    for (const p of s.study!.path) expect(p.ar).toBe(0);
    // σ̂ = 0, so every t statistic is undefined: null in JSON, and the verdict cannot claim an effect.
    expect(s.study!.windows.every((w) => w.car === 0 && w.t === null && !w.significant)).toBe(true);
    expect(s.summary).toMatch(/^No detectable effect/);
    expect(s.hypothesis?.score).toBe("inconclusive");
  });

  it("finds a planted 8 % day-0 jump: significant CAR of that size, hypothesis confirmed, extreme placebo percentile", () => {
    const s = entry("JUMP");
    expect(s.day0Session).toBe(SESSIONS[EVENT_A]);
    expect(s.study!.day0Date).toBe(SESSIONS[EVENT_A]);
    expect(s.study!.estimationN).toBe(240);
    expect(s.study!.df).toBe(238);
    expect(s.study!.beta).toBeCloseTo(1.2, 1);
    const day0 = s.study!.path.find((p) => p.tau === 0)!;
    expect(day0.ar!).toBeGreaterThan(JUMP - 0.01);
    expect(day0.ar!).toBeGreaterThan(day0.arHigh!);
    const w = s.study!.windows.find((x) => x.label === "[−1, +1]")!;
    expect(w.car!).toBeGreaterThan(JUMP - 0.02);
    expect(w.car!).toBeLessThan(JUMP + 0.02);
    expect(w.p!).toBeLessThan(0.001);
    expect(w.significant).toBe(true);
    expect(s.hypothesis).toMatchObject({ direction: "UP", score: "confirmed", window: [-1, 1] });
    expect(s.summary).toMatch(/^Abnormal move — the asset rose/);
    expect(s.placebo[0]!.percentile).toBe(100);
    expect(s.placebo[0]!.draws).toBeGreaterThan(10);
    // Band: the CAR band at τ = 0 is t_{238, 0.975} times the exact CAR sd over [−10, 0].
    expect(s.study!.criticalT).toBeCloseTo(1.97, 2);
  });

  it("falls back to the constant-mean model for an FX pair without a benchmark, and says so", () => {
    const s = entry("FXX");
    expect(s.model).toBe("constant-mean");
    expect(s.benchmark).toBeNull();
    expect(s.modelNote).toMatch(/no benchmark.*constant-mean/);
    expect(s.study!.beta).toBe(0);
    expect(s.study!.df).toBe(239);
    expect(s.hypothesis?.score).toBe("confirmed"); // UNCERTAIN is confirmed by any significant move
    expect(s.sessionClose).toMatchObject({ close: "23:59", timeZone: "Europe/London" });
  });

  it("reports too little history as a status with a reason instead of failing", () => {
    const s = entry("SHORT");
    expect(s.status).toBe("insufficient-estimation-data");
    expect(s.study).toBeNull();
    expect(s.summary).toMatch(/Not enough history/);
  });

  it("aggregates the successful studies with the cross-sectional, BMP and Kolari–Pynnönen tests", () => {
    const agg = report.aggregate!;
    expect(agg.n).toBe(3);
    expect(agg.members).toEqual(["FXX", "JUMP", "SAME"]);
    expect(agg.taus[0]).toBe(-10);
    expect(agg.caar).toHaveLength(21);
    // SAME has t = NaN, so BMP (which averages per-asset t) is undefined; the CAAR itself is defined.
    const w = agg.windows.find((x) => x.label === "[−1, +1]")!;
    expect(w.caar!).toBeGreaterThan(0.03);
    expect(agg.clusteredPairs).toBe(3);
    expect(agg.notes.join(" ")).toMatch(/different models/);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it("moves day 0 to the next session for an EXACT event after the New York close", async () => {
    const b = (await eventStudyForEvent(m.eventB))!;
    const s = b.assets[0]!;
    expect(s.day0Session).toBe(SESSIONS[EVENT_B]);
    expect(s.hypothesis).toMatchObject({ direction: "DOWN", score: "contradicted" });
  });

  it("honours the window and model settings, and handles events after the data and unknown ids", async () => {
    const r = (await eventStudyForEvent(m.eventA, { model: "market-adjusted", estimationWindow: [-120, -6], eventWindow: [-5, 5], customWindows: [[0, 2]] }))!;
    const s = r.assets.find((a) => a.asset.symbol === "JUMP")!;
    // The extra window [0, +2] is an extra row; the headline (verdict) window stays [−1, +1].
    expect(r.settings).toMatchObject({ model: "market-adjusted", eventWindow: [-5, 5], verdictWindow: [-1, 1] });
    expect(s.hypothesis?.window).toEqual([-1, 1]);
    expect(s.study!.estimationN).toBe(115);
    expect(s.study!.beta).toBe(1);
    expect(s.study!.path).toHaveLength(11);
    expect(s.study!.windows.map((w) => w.label)).toEqual(["[0, 0]", "[0, +1]", "[−1, +1]", "[−5, +5]", "[0, +2]"]);
    const late = (await eventStudyForEvent(m.eventLate))!;
    expect(late.assets[0]!.status).toBe("event-after-data");
    expect(late.aggregate).toBeNull();
    expect(await eventStudyForEvent(999_999)).toBeNull();
  });
});
