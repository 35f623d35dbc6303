// The asset chart's view, entirely described by the URL: range preset or visible dates (zoom), comparison assets
// rebased to 100, scale, series style, volume pane and selected event. Parsing and the pure series arithmetic live
// here; the client chart writes the same query string back (lib/charts/view-url).
import { z } from "zod";
import { RANGES, rangeStart } from "@/lib/charts/ranges";
import type { ChartView } from "@/lib/charts/view-url";
import { calendarDateSchema } from "@/lib/validation/fields";

export { viewQuery, type ChartView } from "@/lib/charts/view-url";

const MAX_COMPARE = 5;

const one = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().trim().optional());

export const chartViewSchema = z
  .object({
    range: one.pipe(z.enum(RANGES).optional().catch(undefined)),
    from: one.pipe(z.union([z.literal(""), calendarDateSchema]).optional()),
    to: one.pipe(z.union([z.literal(""), calendarDateSchema]).optional()),
    compare: one.pipe(
      z
        .string()
        .optional()
        .transform((v) => [...new Set((v ?? "").split(",").map((s) => s.trim().toUpperCase()).filter(Boolean))])
        .pipe(z.array(z.string().max(24)).max(MAX_COMPARE, `Compare with at most ${MAX_COMPARE} assets`)),
    ),
    scale: one.pipe(z.enum(["linear", "log"]).optional().catch(undefined)),
    style: one.pipe(z.enum(["line", "candles", "area"]).optional().catch(undefined)),
    volume: one.pipe(z.enum(["on", "off"]).optional().catch(undefined)),
    event: one.pipe(z.string().regex(/^[1-9][0-9]{0,9}$/).transform(Number).optional().catch(undefined)),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ["to"], message: "The end date must be on or after the start date" });

export type ChartViewResult = { ok: true; view: ChartView } | { ok: false; errors: string[]; view: ChartView };

export function parseChartView(params: Record<string, string | string[] | undefined>): ChartViewResult {
  const parsed = chartViewSchema.safeParse(params);
  const fallback: ChartView = { compare: [], log: false, style: "line", volume: true };
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => i.message), view: fallback };
  const v = parsed.data;
  return {
    ok: true,
    view: {
      range: v.range,
      from: v.from || undefined,
      to: v.to || undefined,
      compare: v.compare,
      log: v.scale === "log",
      style: v.style ?? "line",
      volume: v.volume !== "off",
      event: v.event,
    },
  };
}

/** The first date to load for the view: the custom start, else the preset counted back from the last session. */
export function viewStart(view: ChartView, lastDate: string | null): string | undefined {
  if (view.from) return view.from;
  if (view.to) return undefined; // "everything up to …"
  return rangeStart(view.range ?? "1Y", lastDate);
}

export interface SeriesPoint {
  date: string;
  value: number;
}

/**
 * Rebases each series to 100 at its first value in the window and lines them up on the main series' sessions. A
 * comparison asset that did not trade on a session has no value there (the chart bridges the gap; nothing is filled).
 */
export function rebaseOnSessions(main: readonly SeriesPoint[], others: Record<string, readonly SeriesPoint[]>): Record<string, number | null | string>[] {
  const base = (s: readonly SeriesPoint[]) => s[0]?.value ?? NaN;
  const mainBase = base(main);
  const lookups = Object.entries(others).map(([key, s]) => ({ key, base: base(s), byDate: new Map(s.map((p) => [p.date, p.value])) }));
  return main.map((p) => {
    const row: Record<string, number | null | string> = { date: p.date, close: (p.value / mainBase) * 100 };
    for (const o of lookups) {
      const v = o.byDate.get(p.date);
      row[o.key] = v === undefined ? null : (v / o.base) * 100;
    }
    return row;
  });
}
