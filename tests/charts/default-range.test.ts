import { describe, expect, it } from "vitest";
import { defaultRange } from "@/lib/charts/default-range";

describe("the range the asset chart opens on", () => {
  const last = "2025-12-30";

  it("is the shortest preset showing the three latest events", () => {
    expect(defaultRange(["2025-12-01", "2025-12-10", "2025-12-20"], last)).toBe("1M");
    expect(defaultRange(["2025-10-15", "2025-12-10", "2025-12-20"], last)).toBe("3M");
    expect(defaultRange(["2020-01-01", "2025-03-01", "2025-12-10", "2025-12-20"], last)).toBe("1Y");
  });

  it("does not care about order, and ignores events older than the three latest", () => {
    expect(defaultRange(["2025-12-20", "2011-05-05", "2025-12-10", "2025-12-01"], last)).toBe("1M");
  });

  it("widens to 5Y or the whole history when the latest events are old", () => {
    expect(defaultRange(["2022-06-01"], last)).toBe("5Y");
    expect(defaultRange(["2015-06-01", "2016-01-01"], last)).toBe("MAX");
  });

  it("falls back to 1Y with no placed event or no prices, and ignores sessions beyond the last one", () => {
    expect(defaultRange([], last)).toBe("1Y");
    expect(defaultRange([null, null], last)).toBe("1Y");
    expect(defaultRange(["2025-12-20"], null)).toBe("1Y");
    expect(defaultRange(["2026-03-01", "2025-12-20"], last)).toBe("1M");
  });
});
