import { describe, expect, it } from "vitest";
import { everyWeek, mondayOf, weeklyLast } from "@/lib/dashboard/intensity";
import { sortWatchlist, watchlistRow } from "@/lib/dashboard/watchlist";

function series(values: number[]) {
  const dates = values.map((_, i) => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10));
  return { dates, values };
}

describe("watchlist row", () => {
  it("computes returns over 1, 5 and 21 sessions and the drawdown from the peak by hand", () => {
    // 30 closes: 100 … 129, then a fall to 116.1 (10 % below the 129 peak).
    const values = [...Array.from({ length: 30 }, (_, i) => 100 + i), 116.1];
    const row = watchlistRow(series(values));
    expect(row.lastClose).toBe(116.1);
    expect(row.return1d).toBeCloseTo(116.1 / 129 - 1, 12);
    expect(row.return1w).toBeCloseTo(116.1 / 125 - 1, 12);
    expect(row.return1m).toBeCloseTo(116.1 / 109 - 1, 12);
    expect(row.drawdown).toBeCloseTo(0.1, 12);
    expect(row.spark).toHaveLength(31);
    expect(row.volZ).toBeNull(); // fewer than 40 returns: no regime history
  });

  it("annualises the 20-session volatility with √252 and a sample sd", () => {
    // Alternating log returns of +a and −a: sample sd over 20 returns = a·√(20/19).
    const a = 0.01;
    const values = [100];
    for (let i = 0; i < 40; i++) values.push(values[values.length - 1]! * Math.exp(i % 2 === 0 ? a : -a));
    const row = watchlistRow(series(values));
    expect(row.vol20).toBeCloseTo(a * Math.sqrt(20 / 19) * Math.sqrt(252), 10);
    // EWMA σ² of a constant |r| = a stays at a² once seeded; 99 % VaR = 2.3263 σ.
    expect(row.ewmaVar99).toBeCloseTo(2.3263478740408408 * a * Math.sqrt(20 / 19), 3);
  });

  it("has no numbers for an asset without prices, and sorts missing values last", () => {
    const empty = { symbol: "NONE", ...watchlistRow(series([])) };
    const up = { symbol: "UP", ...watchlistRow(series([100, 110])) };
    const down = { symbol: "DOWN", ...watchlistRow(series([100, 90])) };
    expect(empty.lastClose).toBeNull();
    expect(sortWatchlist([empty, up, down], "return1d", "desc").map((r) => r.symbol)).toEqual(["UP", "DOWN", "NONE"]);
    expect(sortWatchlist([empty, up, down], "return1d", "asc").map((r) => r.symbol)).toEqual(["DOWN", "UP", "NONE"]);
  });
});

describe("event intensity", () => {
  it("lays the weekly sums on every Monday from the first week to the last, quiet weeks as zeros", () => {
    expect(mondayOf("2024-06-19")).toBe("2024-06-17");
    expect(mondayOf("2024-06-17")).toBe("2024-06-17");
    expect(mondayOf("2024-06-23")).toBe("2024-06-17");
    const weeks = everyWeek(
      [
        { week: "2024-06-10", events: 4, intensity: 9 }, // before the first week: not shown
        { week: "2024-06-17", events: 2, intensity: 7 },
        { week: "2024-07-01", events: 1, intensity: 3 },
      ],
      "2024-06-19",
      "2024-07-05",
    );
    expect(weeks).toEqual([
      { week: "2024-06-17", events: 2, intensity: 7 },
      { week: "2024-06-24", events: 0, intensity: 0 },
      { week: "2024-07-01", events: 1, intensity: 3 },
    ]);
  });

  it("finds the Monday of any date, before 1970 and across years and leap days, as the calendar does", () => {
    // The calendar: step back one UTC day at a time until getUTCDay() says Monday.
    const byCalendar = (date: string) => {
      const d = new Date(`${date}T00:00:00Z`);
      while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() - 1);
      return d.toISOString().slice(0, 10);
    };
    let checked = 0;
    for (let t = Date.UTC(1968, 11, 20); t <= Date.UTC(1970, 0, 12); t += 86_400_000, checked++) {
      const date = new Date(t).toISOString().slice(0, 10);
      expect(mondayOf(date), date).toBe(byCalendar(date));
    }
    for (const date of ["2024-02-29", "2024-03-03", "2025-01-01", "2020-12-31", "2000-01-01", "1999-12-27"]) expect(mondayOf(date), date).toBe(byCalendar(date));
    expect(checked).toBeGreaterThan(300);
    expect(mondayOf("1969-12-31")).toBe("1969-12-29");
  });

  it("samples a series at the last finite value of each week", () => {
    const dates = ["2024-06-17", "2024-06-18", "2024-06-21", "2024-06-24", "2024-07-03", "2024-07-05"];
    expect(weeklyLast(dates, [1, 2, 3, 4, 5, Number.NaN], ["2024-06-10", "2024-06-17", "2024-06-24", "2024-07-01"])).toEqual([null, 3, 4, 5]);
  });
});
