import { describe, expect, it } from "vitest";
import { rebaseFactor } from "@/lib/charts/rebase";

describe("rebaseFactor", () => {
  const dates = ["2024-01-02", "2024-01-03", "2024-01-05"];
  const values = [50, 80, 200];

  it("takes the first session on or after the date to 100", () => {
    expect(rebaseFactor(dates, values, "2024-01-03") * 80).toBe(100);
    // 4 January is not a session: 5 January is the first on or after it.
    expect(rebaseFactor(dates, values, "2024-01-04")).toBe(0.5);
    expect(rebaseFactor(dates, values, "2023-12-01")).toBe(2);
  });

  it("uses the last session after the data, and 1 without a usable base", () => {
    expect(rebaseFactor(dates, values, "2025-01-01")).toBe(0.5);
    expect(rebaseFactor([], [], "2024-01-01")).toBe(1);
    expect(rebaseFactor(["2024-01-02"], [0], "2024-01-01")).toBe(1);
  });
});
