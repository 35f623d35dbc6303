import { describe, expect, it } from "vitest";
import { eventPathSummary, extremesSummary, largestMove, priceChartSummary, signedPercent, timelineSummary } from "@/lib/charts/summary";

describe("chart summaries for screen readers", () => {
  it("names the series, its span, the events and the largest one-session move with a real minus sign", () => {
    const points = [
      { date: "2023-06-01", value: 100 },
      { date: "2023-06-02", value: 103 }, // +3 %
      { date: "2024-08-05", value: 93.936 }, // −8.8 %
      { date: "2025-06-30", value: 95 },
    ];
    expect(priceChartSummary("KOSPI", points, 9)).toBe("KOSPI, 2023-06-01 to 2025-06-30, 9 events; largest move −8.8 % on 2024-08-05.");
  });

  it("skips gaps when measuring moves and says '1 event' in the singular", () => {
    const points = [
      { date: "2024-01-01", value: null },
      { date: "2024-01-02", value: 50 },
      { date: "2024-01-03", value: null },
      { date: "2024-01-04", value: 60 },
    ];
    expect(largestMove(points)?.date).toBe("2024-01-04");
    expect(largestMove(points)?.change).toBeCloseTo(0.2, 12);
    expect(priceChartSummary("EWY", points, 1)).toBe("EWY, 2024-01-02 to 2024-01-04, 1 event; largest move +20.0 % on 2024-01-04.");
  });

  it("says when there is nothing to describe", () => {
    expect(priceChartSummary("X", [], 0)).toBe("X: no prices in this window.");
    expect(priceChartSummary("X", [{ date: "2024-01-02", value: 5 }], 0)).toBe("X, 2024-01-02 to 2024-01-02, 0 events.");
    expect(extremesSummary("Vol", [{ date: "2024-01-02", value: null }], String)).toBe("Vol: no data in this window.");
  });

  it("reports the highest and lowest points of other series", () => {
    const pts = [
      { date: "2024-01-01", value: 0.2 },
      { date: "2024-01-02", value: 0.35 },
      { date: "2024-01-03", value: 0.1 },
    ];
    expect(extremesSummary("KOSPI 20d volatility", pts, (v) => `${(v * 100).toFixed(0)} %`, 2)).toBe(
      "KOSPI 20d volatility, 2024-01-01 to 2024-01-03, 2 events; highest 35 % on 2024-01-02, lowest 10 % on 2024-01-03.",
    );
  });

  it("prints zero without a sign", () => {
    expect(signedPercent(-0.00001)).toBe("0.0 %");
    expect(signedPercent(0.0123, 2)).toBe("+1.23 %");
  });
});

describe("event-time and timeline summaries", () => {
  it("reads an abnormal-return path by τ with signed percentages", () => {
    const path = [
      { tau: -1, value: 0.001 },
      { tau: 0, value: -0.008 },
      { tau: 1, value: null },
      { tau: 2, value: 0.015 },
    ];
    expect(eventPathSummary("KOSPI CAR", path)).toBe("KOSPI CAR, τ −1 to +2: +1.50 % at the end; lowest −0.80 % at τ 0, highest +1.50 % at τ +2.");
    expect(eventPathSummary("X", [])).toBe("X: no data in the event window.");
  });

  it("names the span and the most severe events, capped at three", () => {
    const events = [
      { date: "2024-06-19", severity: 5, title: "Treaty" },
      { date: "2023-09-13", severity: 4, title: "Summit" },
      { date: "2024-10-01", severity: 5, title: "Troops" },
    ];
    expect(timelineSummary(events)).toBe("3 events from 2023-09-13 to 2024-10-01; severity 5, the highest: Treaty (2024-06-19); Troops (2024-10-01).");
    const many = [1, 2, 3, 4].map((d) => ({ date: `2024-01-0${d}`, severity: 3, title: `E${d}` }));
    expect(timelineSummary(many)).toMatch(/E1 \(2024-01-01\); E2 \(2024-01-02\); E3 \(2024-01-03\) and 1 more\.$/);
  });
});
