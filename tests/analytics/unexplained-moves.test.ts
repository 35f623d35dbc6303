// Detection of unexplained moves on synthetic series whose market model is known exactly: benchmark returns repeat
// (a, a, −a, −a) and residuals repeat (+s, −s), so over any 240-return window Σx = Σε = Σxε = 0, OLS recovers α and
// β exactly, every residual is ±s and σ̂²_ε = 240 s² / 238.
import { describe, expect, it } from "vitest";
import { detectMoves, groupMovesBySession, MOVE_DETECTION_DEFAULTS, type MoveScanInput } from "@/lib/analytics";
import { qualityFlags } from "@/lib/market-data/quality";

const A = 0.01;
const S = 0.004;
const ALPHA = 0.0005;
const BETA = 1.5;
const SIGMA = S * Math.sqrt(240 / 238);
const N = 400;
const FULL = { ...MOVE_DETECTION_DEFAULTS, minObservations: 240 };

function sessions(n: number): string[] {
  const out: string[] = [];
  const d = new Date(Date.UTC(2020, 0, 1));
  while (out.length < n) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/** Asset and benchmark returns with a jump of `jump` (on top of the model) at index `at`. */
function series(at: number, jump: number, overrides: Partial<MoveScanInput> = {}): MoveScanInput {
  const x = new Float64Array(N);
  const y = new Float64Array(N);
  for (let t = 0; t < N; t++) {
    x[t] = t % 4 < 2 ? A : -A;
    y[t] = ALPHA + BETA * (x[t] as number) + (t === at ? jump : t % 2 === 0 ? S : -S);
  }
  return { assetId: 1, dates: sessions(N), returns: y, benchmark: x, flaggedSessions: [], eventDayZeros: [], threshold: null, ...overrides };
}

describe("detectMoves", () => {
  it("finds a planted 6σ abnormal return with z = 6 and nothing else", () => {
    const input = series(300, 6 * SIGMA);
    const moves = detectMoves(input, FULL);
    expect(moves).toHaveLength(1);
    const [m] = moves;
    expect(m!.session).toBe(input.dates[300]);
    expect(m!.z).toBeCloseTo(6, 9);
    expect(m!.abnormalReturn).toBeCloseTo(6 * SIGMA, 12);
    expect(m!.ret).toBeCloseTo(ALPHA + BETA * A + 6 * SIGMA, 12); // index 300: 300 % 4 = 0, so x = +a
    expect(m!.suspect).toBe(false);
  });

  it("gives the EWMA view of the same move from σ² seeded at σ̂²_ε and decaying towards s²", () => {
    const moves = detectMoves(series(300, 6 * SIGMA), FULL);
    // First scored session: t = 250 (the window [t−250, t−11] holds 240 returns). 50 updates with AR² = s² before t = 300.
    const lambda = 0.94;
    const ewma = S * S + (SIGMA * SIGMA - S * S) * lambda ** 50;
    expect(moves[0]!.zEwma).toBeCloseTo((6 * SIGMA) / Math.sqrt(ewma), 9);
  });

  it("finds a negative move, and misses one below k", () => {
    expect(detectMoves(series(300, -4 * SIGMA), FULL)[0]!.z).toBeCloseTo(-4, 9);
    expect(detectMoves(series(300, 2.9 * SIGMA), FULL)).toHaveLength(0);
  });

  it("honours the asset's own k over the global one", () => {
    expect(detectMoves(series(300, 6 * SIGMA, { threshold: 7 }), FULL)).toHaveLength(0);
    expect(detectMoves(series(300, 6 * SIGMA), { ...FULL, threshold: 7 })).toHaveLength(0);
    expect(detectMoves(series(300, 6 * SIGMA, { threshold: 5 }), { ...FULL, threshold: 7 })).toHaveLength(1);
  });

  it("suppresses a move within [−1, +1] sessions of an exposing event's day 0, not one 2 sessions away", () => {
    const dates = sessions(N);
    for (const offset of [-1, 0, 1]) {
      expect(detectMoves(series(300, 6 * SIGMA, { eventDayZeros: [dates[300 + offset]!] }), FULL)).toHaveLength(0);
    }
    expect(detectMoves(series(300, 6 * SIGMA, { eventDayZeros: [dates[302]!, dates[298]!] }), FULL)).toHaveLength(1);
  });

  it("marks a 30 % jump that the quality flags catch as suspect (check the data)", () => {
    const input = series(300, 0.3);
    // Prices from the returns; the 30 % day is the one qualityFlags calls a large move.
    let p = 100;
    const bars = input.dates.map((date, t) => {
      p *= 1 + (input.returns[t] as number);
      return { date, open: null, high: null, low: null, close: p, adjClose: p, volume: null };
    });
    const flagged = qualityFlags(bars).filter((f) => f.code === "large_move" || f.code === "close_outside_range").map((f) => f.date);
    expect(flagged).toEqual([input.dates[300]]);
    const moves = detectMoves({ ...input, flaggedSessions: flagged }, FULL);
    expect(moves).toHaveLength(1);
    expect(moves[0]!.suspect).toBe(true);
    expect(groupMovesBySession(moves)[0]!.kind).toBe("check-data");
  });

  it("treats a flagged session inside a multi-session return as suspect", () => {
    // A Monday's return runs from Friday's close: a flagged Sunday (the asset traded, the benchmark did not) lies inside it.
    const dates = sessions(N);
    const monday = dates.findIndex((d, t) => t >= 300 && new Date(`${d}T00:00:00Z`).getUTCDay() === 1);
    const sunday = new Date(Date.parse(`${dates[monday]}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const input = series(monday, 6 * SIGMA);
    expect(detectMoves({ ...input, flaggedSessions: [sunday] }, FULL)[0]!.suspect).toBe(true);
    expect(detectMoves({ ...input, flaggedSessions: [dates[monday - 1]!] }, FULL)[0]!.suspect).toBe(false);
  });

  it("uses the constant-mean model without a benchmark: σ̂² = 240 s² / 239", () => {
    const y = new Float64Array(N);
    for (let t = 0; t < N; t++) y[t] = 0.001 + (t === 320 ? 5 * S : t % 2 === 0 ? S : -S);
    const moves = detectMoves({ assetId: 2, dates: sessions(N), returns: y, benchmark: null, flaggedSessions: [], eventDayZeros: [], threshold: null }, FULL);
    expect(moves).toHaveLength(1);
    expect(moves[0]!.z).toBeCloseTo(5 / Math.sqrt(240 / 239), 9);
  });

  it("scores only sessions from `from`, with the same figures as a full pass", () => {
    const input = series(300, 6 * SIGMA);
    const full = detectMoves(input, FULL);
    expect(detectMoves({ ...input, from: input.dates[301] }, FULL)).toHaveLength(0);
    expect(detectMoves({ ...input, from: input.dates[300] }, FULL)).toEqual(full);
  });

  it("does not score sessions before the minimum number of estimation returns", () => {
    // At t = 130 the window holds returns 0…119: 120 returns, the default minimum; at t = 129 only 119.
    expect(detectMoves(series(129, 6 * SIGMA))).toHaveLength(0);
    expect(detectMoves(series(130, 6 * SIGMA))).toHaveLength(1);
  });
});

describe("groupMovesBySession", () => {
  it("makes one item per session with the largest |z| first, newest session first", () => {
    const mk = (assetId: number, session: string, z: number, suspect = false) => ({ assetId, session, ret: 0, abnormalReturn: 0, z, zEwma: z, suspect });
    const groups = groupMovesBySession([mk(1, "2024-12-04", 3.5), mk(2, "2024-12-04", -5.2), mk(3, "2024-12-04", 4.1), mk(1, "2024-12-09", 3.1)]);
    expect(groups.map((g) => g.session)).toEqual(["2024-12-09", "2024-12-04"]);
    expect(groups[1]!.moves.map((m) => m.assetId)).toEqual([2, 3, 1]);
    expect(groups[1]!.maxAbsZ).toBe(5.2);
    expect(groups[1]!.kind).toBe("explain");
  });
});
