// The asset chart's view, entirely described by the URL: range preset or custom dates, comparison assets rebased
// to 100, linear or log scale. Parsing and the pure series arithmetic live here; the page loads the data.
import { z } from "zod";
import { RANGES, type RangeKey, rangeStart } from "@/lib/assets/ranges";
import { calendarDateSchema } from "@/lib/validation/fields";

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
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ["to"], message: "The end date must be on or after the start date" });

export interface ChartView {
  range: RangeKey;
  /** Custom dates override the preset. */
  from?: string;
  to?: string;
  compare: string[];
  log: boolean;
}

export type ChartViewResult = { ok: true; view: ChartView } | { ok: false; errors: string[]; view: ChartView };

export function parseChartView(params: Record<string, string | string[] | undefined>): ChartViewResult {
  const parsed = chartViewSchema.safeParse(params);
  const fallback: ChartView = { range: "1Y", compare: [], log: false };
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => i.message), view: fallback };
  const v = parsed.data;
  return {
    ok: true,
    view: { range: v.range ?? "1Y", from: v.from || undefined, to: v.to || undefined, compare: v.compare, log: v.scale === "log" },
  };
}

/** The first date to load for the view: the custom start, else the preset counted back from the last session. */
export function viewStart(view: ChartView, lastDate: string | null): string | undefined {
  if (view.from) return view.from;
  if (view.to) return undefined; // "everything up to …"
  return rangeStart(view.range, lastDate);
}

/** The query string of a view, for links that change one setting and keep the others. */
export function viewQuery(view: ChartView, change: Partial<ChartView> = {}): string {
  const v = { ...view, ...change };
  const q = new URLSearchParams();
  if (v.from || v.to) {
    if (v.from) q.set("from", v.from);
    if (v.to) q.set("to", v.to);
  } else q.set("range", v.range);
  if (v.compare.length) q.set("compare", v.compare.join(","));
  if (v.log) q.set("scale", "log");
  return q.toString();
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
