// Chart-library helpers for the asset chart: the palette's options, a chart time as an ISO date, and the main series'
// data scaled per session.
import type { CandlestickData, LineData, Time } from "lightweight-charts";
import type { ChartPayload, ChartStyle } from "@/lib/charts/chart-payload";
import type { ChartPalette } from "./chart-theme";

export function isoOf(t: Time): string {
  if (typeof t === "string") return t;
  if (typeof t === "number") return new Date(t * 1000).toISOString().slice(0, 10);
  return `${t.year}-${String(t.month).padStart(2, "0")}-${String(t.day).padStart(2, "0")}`;
}

export function chartOptions(p: ChartPalette) {
  return {
    layout: { background: { color: p.background }, textColor: p.text, attributionLogo: false, panes: { separatorColor: p.border } },
    grid: { vertLines: { color: p.grid }, horzLines: { color: p.grid } },
    rightPriceScale: { borderColor: p.border },
    timeScale: { borderColor: p.border },
    crosshair: {
      vertLine: { color: p.crosshair, labelBackgroundColor: p.crosshairLabel },
      horzLine: { color: p.crosshair, labelBackgroundColor: p.crosshairLabel },
    },
  };
}

/**
 * The main series' points with every price of session i multiplied by `k(i)` (the adjustment factor while comparing,
 * times the rebasing factor on a compared log scale): OHLC for candles, the close otherwise.
 */
export function scaledSeries(bars: ChartPayload["bars"], style: ChartStyle, k: (i: number) => number): (CandlestickData<Time> | LineData<Time>)[] {
  if (style === "candles") {
    return bars.dates.map((d, i) => {
      const f = k(i);
      const close = bars.close[i]!;
      return { time: d as Time, open: (bars.open[i] ?? close) * f, high: (bars.high[i] ?? close) * f, low: (bars.low[i] ?? close) * f, close: close * f };
    });
  }
  return bars.dates.map((d, i) => ({ time: d as Time, value: bars.close[i]! * k(i) }));
}
