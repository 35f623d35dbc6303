// The scenario service against the test database: values and window returns in the base currency through stored FX
// series, the β proxy and its flag, and the 422s for bad input.
import { beforeAll, describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { runAnalogueScenario, runShockScenario, type AnalogueScenarioResult } from "@/lib/scenarios";
import { buildScenarioMarket, DATES, E1, E2, E3, NEW_BETA, NEW_FROM, type ScenarioMarket } from "./fixtures";

let m: ScenarioMarket;
const asOf = DATES.at(-1)!;
const last = DATES.length - 1;
const book = { baseCurrency: "USD", positions: [{ symbol: "KS", quantity: 10 }, { symbol: "USEQ", quantity: 5 }, { symbol: "NEW", quantity: 20 }] };

async function fieldErrors(p: Promise<unknown>): Promise<Record<string, string[]>> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return (err as ValidationError).fieldErrors;
  }
  throw new Error("expected a validation error");
}

beforeAll(async () => {
  m = await buildScenarioMarket();
});

describe("Scenario 1: historical analogues", () => {
  let r: AnalogueScenarioResult;
  beforeAll(async () => {
    r = await runAnalogueScenario({ book, analogues: { tags: ["missile"], to: DATES[E3] }, horizon: [0, 5], asOf });
  });

  it("values each position in the base currency: KRW prices divided by KRW=X (KRW per USD)", () => {
    const ks = r.positions.find((p) => p.symbol === "KS")!;
    expect(ks.value).toBeCloseTo((10 * m.prices.KS![last]!) / m.prices["KRW=X"]![last]!, 9);
    expect(ks.fxSeries).toEqual(["KRW=X"]);
    expect(ks.priceDate).toBe(asOf);
    expect(r.positions.find((p) => p.symbol === "USEQ")!.value).toBeCloseTo(5 * m.prices.USEQ![last]!, 9);
    expect(r.netValue).toBeCloseTo(r.positions.reduce((s, p) => s + p.value, 0), 9);
  });

  it("a window return is the base-currency close at day 0 + 5 over the close before day 0", () => {
    const a2 = r.analogues.find((a) => a.eventId === m.events.e2)!;
    const k = r.positions.findIndex((p) => p.symbol === "KS");
    const base = (i: number) => m.prices.KS![i]! / m.prices["KRW=X"]![i]!;
    expect(a2.day0).toBe(DATES[E2]);
    expect(a2.proxied).not.toContain("KS");
    expect(a2.returns[k]).toBeCloseTo(base(E2 + 5) / base(E2 - 1) - 1, 12);
    const pnl = a2.returns.reduce((s, ret, i) => s + ret * r.positions[i]!.value, 0);
    expect(a2.pnl).toBeCloseTo(pnl, 9);
  });

  it("proxies a position without data by β × its benchmark's window return, and flags it", () => {
    const a1 = r.analogues.find((a) => a.eventId === m.events.e1)!;
    const k = r.positions.findIndex((p) => p.symbol === "NEW");
    const proxy = a1.proxies.find((x) => x.symbol === "NEW")!;
    expect(E1).toBeLessThan(NEW_FROM);
    expect(proxy.beta).toBeCloseTo(NEW_BETA, 9);
    expect(proxy.day0).toBe(DATES[E1]);
    const spx = m.prices.SPX!;
    expect(a1.returns[k]).toBeCloseTo(NEW_BETA * (spx[E1 + 5]! / spx[E1 - 1]! - 1), 9);
    expect(a1.proxied).toEqual(["NEW"]);
    expect(r.contributions.find((c) => c.symbol === "NEW")!.proxiedIn).toBe(1);
    expect(r.analogues.find((a) => a.eventId === m.events.e2)!.proxied).toEqual([]);
  });

  it("reports the distribution, tail ratio and placebo, and a summary in words", () => {
    expect(r.analogues).toHaveLength(3);
    expect(r.distribution.n).toBe(3);
    expect(r.distributionPnl.mean).toBeCloseTo(r.analogues.reduce((s, a) => s + a.pnl, 0) / 3, 9);
    // The common calendar starts when the late listing does; [0, +5] needs the close before day 0 and five after it.
    expect(r.unconditional!.n).toBe(DATES.length - NEW_FROM - 6);
    expect(r.tailRatio).not.toBeNull();
    expect(r.placebo!.draws).toBe(1000);
    expect(r.warning).toBeNull();
    expect(r.summary).toMatch(/^Across 3 analogues, this book (lost|gained)/);
  });

  it("converts through USD into a third currency (KRW → USD → EUR with EURUSD=X, USD per EUR)", async () => {
    const e = await runAnalogueScenario({ book: { ...book, baseCurrency: "EUR" }, analogues: { eventIds: [m.events.e2, m.events.e3] }, asOf });
    const ks = e.positions.find((p) => p.symbol === "KS")!;
    expect(ks.fxSeries).toEqual(["KRW=X", "EURUSD=X"]);
    expect(ks.value).toBeCloseTo((10 * m.prices.KS![last]!) / m.prices["KRW=X"]![last]! / m.prices["EURUSD=X"]![last]!, 9);
    expect(e.warning).toMatch(/Only 2 analogues/);
    expect(e.analogues).toHaveLength(2);
  });

  it("names the missing FX series", async () => {
    const errors = await fieldErrors(runAnalogueScenario({ book: { ...book, baseCurrency: "JPY" }, analogues: { eventIds: [m.events.e2] }, asOf }));
    expect(errors["book.baseCurrency"]![0]).toMatch(/JPY=X/);
  });

  it("refuses bad books with 422 naming the field", async () => {
    const run = (b: unknown, extra: Record<string, unknown> = {}) => fieldErrors(runAnalogueScenario({ book: b, analogues: { eventIds: [m.events.e2] }, asOf, ...extra }));
    expect((await run({ baseCurrency: "USD", positions: [] }))["book.positions"]).toBeDefined();
    expect((await run({ baseCurrency: "USD", positions: [{ symbol: "NOPE", quantity: 1 }] }))["book.positions.0.symbol"]![0]).toMatch(/NOPE/);
    expect((await run({ baseCurrency: "USD", positions: [{ symbol: "KS", quantity: 1 }, { symbol: "ks", quantity: 2 }] }))["book.positions.1.symbol"]).toBeDefined();
    expect((await run({ baseCurrency: "USD", notional: 1000, positions: [{ symbol: "KS", weight: 0.5 }, { symbol: "USEQ", weight: 0.4 }] }))["book.positions"]![0]).toMatch(/sum to 1/);
    expect((await run({ baseCurrency: "USD", notional: 0, positions: [{ symbol: "KS", weight: 1 }] }))["book.notional"]).toBeDefined();
    expect((await run({ baseCurrency: "USD", notional: -5, positions: [{ symbol: "KS", weight: 1 }] }))["book.notional"]).toBeDefined();
    expect((await fieldErrors(runAnalogueScenario({ book, analogues: { eventIds: [m.events.late] }, horizon: [0, 10], asOf }))).horizon![0]).toMatch(/horizon/);
  });

  it("values a weighted book from its notional", async () => {
    const w = await runAnalogueScenario({ book: { baseCurrency: "USD", notional: 1_000_000, positions: [{ symbol: "KS", weight: 0.6 }, { symbol: "USEQ", weight: 0.4 }] }, analogues: { eventIds: [m.events.e2, m.events.e3, m.events.e1] }, asOf });
    expect(w.positions.map((p) => p.value)).toEqual([600_000, 400_000]);
    expect(w.netValue).toBe(1_000_000);
  });
});

describe("Scenario 2: shocks", () => {
  it("propagates an index shock to the stock that follows it, in the base currency", async () => {
    const r = await runShockScenario({ book: { baseCurrency: "USD", positions: [{ symbol: "KS", quantity: 10 }, { symbol: "USEQ", quantity: 5 }] }, shocks: [{ symbol: "KIDX", shock: -0.05 }], method: "sample", windowSessions: 252, asOf });
    const ks = r.moves.find((x) => x.symbol === "KS")!;
    expect(ks.shocked).toBe(false);
    expect(ks.expected).toBeLessThan(-0.03); // β ≈ 1.1 to the index, diluted by the won's own noise
    expect(ks.conditionalSd).toBeGreaterThan(0);
    expect(r.observations).toBe(252);
    expect(r.shocks).toEqual([{ symbol: "KIDX", shock: -0.05, held: false }]);
    expect(r.pnl).toBeCloseTo(r.moves.reduce((s, x) => s + x.pnl, 0), 9);
  });

  it("refuses unknown and near-duplicate shocked assets with 422", async () => {
    const b = { baseCurrency: "USD", positions: [{ symbol: "KS", quantity: 10 }] };
    expect((await fieldErrors(runShockScenario({ book: b, shocks: [{ symbol: "NOPE", shock: -0.05 }], asOf })))["shocks.0.symbol"]).toBeDefined();
    const dup = await fieldErrors(runShockScenario({ book: b, shocks: [{ symbol: "KIDX", shock: -0.05 }, { symbol: "KIDX2", shock: -0.05 }], asOf }));
    expect(dup.shocks![0]).toMatch(/lockstep/);
    const short = await fieldErrors(runShockScenario({ book: { baseCurrency: "USD", positions: [{ symbol: "USEQ", quantity: 1 }] }, shocks: [{ symbol: "NEW", shock: -0.05 }], asOf: DATES[NEW_FROM + 30] }));
    expect(short["shocks.0.symbol"]![0]).toMatch(/too little price history/);
  });
});

describe("adjusted closes", () => {
  it("reads the stored closes in the window exactly, one query or parallel slices alike", async () => {
    const { loadAdjustedCloses } = await import("@/lib/prices/adjusted-closes");
    const { db } = await import("@/lib/db/client");
    const ids = (await db().asset.findMany({ select: { id: true } })).map((a) => a.id);
    // The same rows read plainly, one per bar, as the reference.
    const rows = await db().$queryRawUnsafe<{ asset_id: number; date: string; price: number }[]>(
      `SELECT asset_id, to_char(date, 'YYYY-MM-DD') AS date, COALESCE(adj_close, close)::float8 AS price FROM price_bar
       WHERE date BETWEEN $1::date AND $2::date AND COALESCE(adj_close, close) > 0 ORDER BY asset_id, date`,
      DATES[10], DATES[350],
    );
    const one = await loadAdjustedCloses(ids, DATES[350], DATES[10]);
    const sliced = await loadAdjustedCloses([...ids, 999_999], DATES[350], DATES[10], 3);
    expect(sliced.get(999_999)!.dates).toEqual([]);
    for (const id of ids) {
      const mine = rows.filter((r) => r.asset_id === id);
      expect(one.get(id)!.dates).toEqual(mine.map((r) => r.date));
      expect(Array.from(one.get(id)!.values)).toEqual(mine.map((r) => r.price));
      expect(sliced.get(id)!.dates).toEqual(one.get(id)!.dates);
      expect(Array.from(sliced.get(id)!.values)).toEqual(Array.from(one.get(id)!.values));
    }
    expect(one.get(ids[0]!)!.dates[0]).toBe(DATES[10]);
  });
});

describe("Scenario 2 from Scenario 1", () => {
  it("shocks the three positions whose median analogue move is largest, by that median", async () => {
    const { shocksFromAnalogues } = await import("@/lib/scenarios");
    const r = await runAnalogueScenario({ book, analogues: { eventIds: [m.events.e1, m.events.e2, m.events.e3] }, asOf });
    const medianOf = (symbol: string) => r.analogues.map((a) => a.returns[r.positions.findIndex((p) => p.symbol === symbol)]!).sort((x, y) => x - y)[1]!;
    const shocks = shocksFromAnalogues(r);
    expect(shocks).toHaveLength(3);
    for (const s of shocks) expect(s.shock).toBe(medianOf(s.symbol));
    const sizes = shocks.map((s) => Math.abs(s.shock));
    expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
  });
});
