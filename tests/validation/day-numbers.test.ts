// Day numbers (days since 1970-01-01) from YYYY-MM-DD digits and back, the fast path of long series (quality flags,
// weekly intensity, bars read in binary): checked against Date.parse and toISOString, the slow path they replace.
import { describe, expect, it } from "vitest";
import { dateOfDay, dayNumber } from "@/lib/dates";

const DAY_MS = 86_400_000;

describe("dayNumber and dateOfDay", () => {
  it("agree with Date.parse and toISOString for every day from 1899 to 2101", () => {
    for (let ms = Date.parse("1899-01-01T00:00:00Z"); ms <= Date.parse("2101-12-31T00:00:00Z"); ms += DAY_MS) {
      const date = new Date(ms).toISOString().slice(0, 10);
      const n = dayNumber(date);
      expect(n).toBe(ms / DAY_MS);
      expect(dateOfDay(n)).toBe(date);
    }
  });

  it("read years below 100 as written, not as 19xx", () => {
    expect(dayNumber("0099-12-31")).toBe(Date.parse("0099-12-31T00:00:00Z") / DAY_MS);
    expect(dayNumber("0100-01-01") - dayNumber("0099-12-31")).toBe(1);
    expect(dateOfDay(dayNumber("0050-06-15"))).toBe("0050-06-15");
  });
});
