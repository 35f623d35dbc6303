// The chart view as a query string: written by the client chart on every change (history.replaceState) and read back
// by the server through lib/assets/chart-view's schema. Client-safe: no zod here.
import type { RangeKey } from "@/lib/charts/ranges";
import type { ChartStyle } from "@/lib/charts/chart-payload";

export interface ChartView {
  /** Preset; undefined = the default-range rule decides. */
  range?: RangeKey;
  /** Visible dates (zoom/pan or custom range); override the preset. */
  from?: string;
  to?: string;
  compare: string[];
  log: boolean;
  style: ChartStyle;
  volume: boolean;
  /** The selected event (its windows stay shaded). */
  event?: number;
}

/** The query string of a view, for links and replaceState; `change` overrides single settings. */
export function viewQuery(view: ChartView, change: Partial<ChartView> = {}): string {
  const v = { ...view, ...change };
  const q = new URLSearchParams();
  if (v.from || v.to) {
    if (v.from) q.set("from", v.from);
    if (v.to) q.set("to", v.to);
  } else if (v.range) q.set("range", v.range);
  if (v.compare.length) q.set("compare", v.compare.join(","));
  if (v.log) q.set("scale", "log");
  if (v.style !== "line") q.set("style", v.style);
  if (!v.volume) q.set("volume", "off");
  if (v.event !== undefined) q.set("event", String(v.event));
  return q.toString();
}
