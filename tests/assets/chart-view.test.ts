import { describe, expect, it } from "vitest";
import { parseChartView, rebaseOnSessions, viewQuery, viewStart } from "@/lib/assets/chart-view";

describe("asset chart view from the URL", () => {
  it("leaves the range to the default-range rule, and defaults to a linear line with volume, nothing compared", () => {
    expect(parseChartView({})).toEqual({ ok: true, view: { compare: [], log: false, style: "line", volume: true } });
  });

  it("reads the series style, the volume pane and the selected event, and writes them back", () => {
    const r = parseChartView({ range: "5Y", style: "candles", volume: "off", event: "42" });
    expect(r).toEqual({ ok: true, view: { range: "5Y", compare: [], log: false, style: "candles", volume: false, event: 42 } });
    if (r.ok) expect(viewQuery(r.view)).toBe("range=5Y&style=candles&volume=off&event=42");
    expect(parseChartView({ style: "bars", event: "-1" })).toMatchObject({ ok: true, view: { style: "line", event: undefined } });
  });

  it("reads a custom range, comparisons and log scale, and writes the same view back", () => {
    const r = parseChartView({ from: "2024-01-01", to: "2024-12-31", compare: "ewy, ^gspc,EWY", scale: "log" });
    expect(r).toEqual({ ok: true, view: { from: "2024-01-01", to: "2024-12-31", compare: ["EWY", "^GSPC"], log: true, style: "line", volume: true } });
    if (!r.ok) return;
    expect(viewQuery(r.view)).toBe("from=2024-01-01&to=2024-12-31&compare=EWY%2C%5EGSPC&scale=log");
    expect(viewQuery(r.view, { from: undefined, to: undefined, range: "5Y" })).toBe("range=5Y&compare=EWY%2C%5EGSPC&scale=log");
  });

  it("ignores an unknown preset but rejects impossible dates and too many comparisons", () => {
    expect(parseChartView({ range: "7Y" })).toMatchObject({ ok: true, view: { range: undefined } });
    expect(parseChartView({ from: "2024-02-30" }).ok).toBe(false);
    const backwards = parseChartView({ from: "2024-06-01", to: "2024-01-01" });
    expect(backwards.ok ? [] : backwards.errors).toContain("The end date must be on or after the start date");
    expect(parseChartView({ compare: "A,B,C,D,E,F" }).ok).toBe(false);
  });

  it("starts the window at the custom date, else counts the preset back from the last session", () => {
    expect(viewStart({ range: "1M", compare: [], log: false, style: "line", volume: true, from: "2023-05-05" }, "2024-06-28")).toBe("2023-05-05");
    expect(viewStart({ range: "1M", compare: [], log: false, style: "line", volume: true, to: "2023-05-05" }, "2024-06-28")).toBeUndefined();
    expect(viewStart({ range: "1M", compare: [], log: false, style: "line", volume: true }, "2024-06-28")).toBe("2024-05-28");
  });
});

describe("rebasing to 100", () => {
  it("divides each series by its first value in the window and leaves sessions a comparison did not trade empty", () => {
    const main = [
      { date: "2024-06-18", value: 2000 },
      { date: "2024-06-19", value: 2050 },
      { date: "2024-06-20", value: 1900 },
    ];
    const rows = rebaseOnSessions(main, { EWY: [{ date: "2024-06-18", value: 50 }, { date: "2024-06-20", value: 55 }] });
    expect(rows).toEqual([
      { date: "2024-06-18", close: 100, EWY: 100 },
      { date: "2024-06-19", close: (2050 / 2000) * 100, EWY: null },
      { date: "2024-06-20", close: (1900 / 2000) * 100, EWY: (55 / 50) * 100 },
    ]);
  });
});
