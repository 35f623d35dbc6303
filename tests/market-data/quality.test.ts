import { describe, expect, it } from "vitest";
import type { DailyBar } from "@/lib/market-data/provider";
import { qualityFlags, staleFlag } from "@/lib/market-data/quality";

const bar = (date: string, close: number, extra: Partial<DailyBar> = {}): DailyBar => ({
  date, open: close, high: close * 1.01, low: close * 0.99, close, adjClose: close, volume: 1, ...extra,
});

describe("data-quality flags", () => {
  it("flags a non-positive price, a long gap and a move beyond the threshold, and nothing on a clean series", () => {
    expect(qualityFlags([bar("2024-01-02", 100), bar("2024-01-03", 101), bar("2024-01-04", 100.5)])).toEqual([]);
    const flags = qualityFlags([
      bar("2024-01-02", 100),
      bar("2024-01-03", 130), // +30 %
      bar("2024-01-25", 131), // 22 days later
      bar("2024-01-26", 131, { low: 0, high: 132 }),
    ]);
    expect(flags.map((f) => [f.date, f.code])).toEqual([
      ["2024-01-03", "large_move"],
      ["2024-01-25", "gap"],
      ["2024-01-26", "non_positive"],
    ]);
    expect(flags[0]!.message).toBe("The adjusted close moved +30.0% from 2024-01-02.");
  });

  it("uses the raw close when an adjusted close is missing, and a configurable threshold", () => {
    const bars = [bar("2024-01-02", 100, { adjClose: null }), bar("2024-01-03", 110, { adjClose: null })];
    expect(qualityFlags(bars)).toEqual([]);
    expect(qualityFlags(bars, { largeMoveThreshold: 0.05 })[0]!.message).toBe("The close moved +10.0% from 2024-01-02.");
  });

  it("counts a gap in calendar days across month ends, leap days and years", () => {
    const gaps = (dates: string[]) => qualityFlags(dates.map((d) => bar(d, 100))).filter((f) => f.code === "gap").map((f) => f.message);
    // Ten days is the longest allowed: 2024-02-25 to 2024-03-06 is 10 days (29 February included), to 03-07 is 11.
    expect(gaps(["2024-02-25", "2024-03-06"])).toEqual([]);
    expect(gaps(["2024-02-25", "2024-03-07"])).toEqual(["No prices for 11 days before this date (since 2024-02-25)."]);
    expect(gaps(["2023-02-25", "2023-03-07"])).toEqual([]); // 10 days in a year without a leap day
    expect(gaps(["1999-12-20", "2000-01-03"])).toEqual(["No prices for 14 days before this date (since 1999-12-20)."]);
    expect(gaps(["0099-12-20", "0100-01-03"])).toEqual(["No prices for 14 days before this date (since 0099-12-20)."]);
    expect(staleFlag("2023-12-31", "2024-03-01")!.message).toBe("The last price is 61 days old (2023-12-31).");
  });

  it("calls a series stale when its last bar is more than a week old", () => {
    expect(staleFlag("2024-06-20", "2024-06-27")).toBeNull();
    expect(staleFlag("2024-06-20", "2024-06-28")).toMatchObject({ code: "stale", message: "The last price is 8 days old (2024-06-20)." });
    expect(staleFlag(null, "2024-06-28")).toBeNull();
  });
});
