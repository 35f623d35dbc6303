import { describe, expect, it } from "vitest";
import { DemoProvider } from "@/lib/market-data/demo/demo-provider";

describe("demo provider", () => {
  it("is deterministic: the same symbol and range always give the same bars", async () => {
    const a = await new DemoProvider().history("EWY", "2024-01-01", "2024-03-31");
    const b = await new DemoProvider().history("EWY", "2024-01-01", "2024-03-31");
    expect(a.bars).toEqual(b.bars);
    expect(a.bars.length).toBeGreaterThan(60);
  });

  it("does not rewrite history when the range grows (incremental refreshes agree with the backfill)", async () => {
    const short = await new DemoProvider().history("^KS11", "2024-06-03", "2024-06-28");
    const long = await new DemoProvider().history("^KS11", "2020-01-01", "2024-12-31");
    const byDate = new Map(long.bars.map((b) => [b.date, b]));
    for (const b of short.bars) expect(byDate.get(b.date)).toEqual(b);
  });

  it("produces weekday sessions within [from, to] with sane OHLC", async () => {
    const { bars } = await new DemoProvider().history("GC=F", "2024-06-15", "2024-06-30");
    for (const b of bars) {
      const day = new Date(`${b.date}T00:00:00Z`).getUTCDay();
      expect(day).not.toBe(0);
      expect(day).not.toBe(6);
      expect(b.date >= "2024-06-15" && b.date <= "2024-06-30").toBe(true);
      expect(b.high!).toBeGreaterThanOrEqual(Math.max(b.open!, b.close));
      expect(b.low!).toBeLessThanOrEqual(Math.min(b.open!, b.close));
      expect(b.close).toBeGreaterThan(0);
    }
  });

  it("raises volatility after a known event", async () => {
    const absReturns = async (provider: DemoProvider) => {
      const { bars } = await provider.history("^KS11", "2024-06-10", "2024-06-28");
      const at = bars.findIndex((b) => b.date === "2024-06-19");
      const r = (i: number) => Math.abs(Math.log(bars[i]!.close / bars[i - 1]!.close));
      return r(at) + r(at + 1) + r(at + 2);
    };
    const quiet = await absReturns(new DemoProvider());
    const shocked = await absReturns(new DemoProvider({ eventDates: ["2024-06-19"] }));
    expect(shocked).toBeGreaterThan(quiet);
  });

  it("profiles only the symbols it knows", async () => {
    await expect(new DemoProvider().profile("KRW=X")).resolves.toMatchObject({ assetClass: "FX", currency: "KRW" });
    await expect(new DemoProvider().profile("NOPE")).rejects.toMatchObject({ kind: "not_found" });
  });
});
