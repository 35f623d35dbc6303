// One day 0 for every view: the asset's reacting session, moved to the next common session when the benchmark did not
// trade, with the disclosure in words. The treaty case: 19 June 2024 traded in Seoul, not in New York (Juneteenth).
import { describe, expect, it } from "vitest";
import { datesWithin, dayZero, describeDayZero } from "@/lib/analytics";

const KS11 = ["2024-06-17", "2024-06-18", "2024-06-19", "2024-06-20", "2024-06-21", "2024-06-24"];
const GSPC = ["2024-06-17", "2024-06-18", "2024-06-20", "2024-06-21", "2024-06-24"];
const SEOUL = { timeZone: "Asia/Seoul", close: "15:30" };
const treaty = { occurredAt: "2024-06-19T00:00:00.000Z", timePrecision: "DAY" as const };

describe("dayZero", () => {
  it("moves the treaty's day 0 for ^KS11 to 20 June, the first ^GSPC session, and says so", () => {
    const dz = dayZero(treaty, KS11, SEOUL, { symbol: "^GSPC", sessions: GSPC });
    expect(dz).toEqual({
      assetSession: "2024-06-19", date: "2024-06-20", benchmarkSymbol: "^GSPC",
      spannedAssetSessions: ["2024-06-19", "2024-06-20"], movedByBenchmark: true,
    });
    expect(describeDayZero(dz!, "^KS11")).toBe("19 June is not a ^GSPC session: day 0 is 20 June and its abnormal return spans 2 sessions of ^KS11.");
  });

  it("keeps the asset's session when the benchmark traded, or without a benchmark", () => {
    const both = dayZero({ occurredAt: "2024-06-18T00:00:00.000Z", timePrecision: "DAY" }, KS11, SEOUL, { symbol: "^GSPC", sessions: GSPC });
    expect(both).toMatchObject({ date: "2024-06-18", movedByBenchmark: false, spannedAssetSessions: ["2024-06-18"] });
    expect(describeDayZero(both!, "^KS11")).toBeNull();
    expect(dayZero(treaty, KS11, SEOUL, null)).toMatchObject({ date: "2024-06-19", benchmarkSymbol: null });
  });

  it("moves an exact-time event after Seoul's close to the next session first", () => {
    // 19 June 2024 16:00 KST = 07:00 UTC, after the 15:30 close: the asset's session is 20 June, which New York traded.
    const dz = dayZero({ occurredAt: "2024-06-19T07:00:00.000Z", timePrecision: "EXACT" }, KS11, SEOUL, { symbol: "^GSPC", sessions: GSPC });
    expect(dz).toMatchObject({ assetSession: "2024-06-20", date: "2024-06-20", movedByBenchmark: false });
    // …and the return on 20 June, from the last common close (18 June), still spans 19 and 20 June.
    expect(dz?.spannedAssetSessions).toEqual(["2024-06-19", "2024-06-20"]);
  });

  it("is null after the data", () => {
    expect(dayZero({ occurredAt: "2024-07-01T00:00:00.000Z", timePrecision: "DAY" }, KS11, SEOUL, { symbol: "^GSPC", sessions: GSPC })).toBeNull();
  });

  it("lists dates inside a window", () => {
    expect(datesWithin(["2024-01-01", "2024-06-19", "2024-12-25"], "2024-06-01", "2024-06-30")).toEqual(["2024-06-19"]);
  });
});
