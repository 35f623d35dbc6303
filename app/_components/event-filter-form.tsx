import Link from "next/link";
import { EVENT_CATEGORIES } from "@/lib/enums";
import { CATEGORY_LABEL } from "./format";

export const EVENT_FILTERS = ["q", "themeId", "category", "severityMin", "country", "from", "to"] as const;
export type EventFilterValues = Partial<Record<(typeof EVENT_FILTERS)[number], string>>;
type Params = Record<string, string | string[] | undefined>;

/** The filter values present in a page's query string. */
export function eventFilterValues(params: Params): EventFilterValues {
  const out: EventFilterValues = {};
  for (const k of EVENT_FILTERS) {
    const v = params[k];
    const s = Array.isArray(v) ? v[0] : v;
    if (s) out[k] = s;
  }
  return out;
}

const input = "rounded-tremor-small border border-tremor-border bg-transparent px-2 py-1 text-tremor-default dark:border-dark-tremor-border";

/**
 * Event filters as a GET form, so the filtered view is a URL. Other query parameters of the page (sort order, chart
 * settings) ride along as hidden fields.
 */
export function EventFilterForm({
  values,
  themes,
  keep = {},
  clearHref,
  withSearch = false,
}: {
  values: EventFilterValues;
  themes: { id: number; name: string }[];
  keep?: Params;
  clearHref: string;
  withSearch?: boolean;
}) {
  return (
    <form className="mt-3 flex flex-wrap items-end gap-3 text-tremor-label" aria-label="Filter events">
      {Object.entries(keep).map(([k, v]) => (typeof v === "string" && !(EVENT_FILTERS as readonly string[]).includes(k) && k !== "page" ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      {withSearch && (
        <label className="flex flex-col">
          Search
          <input type="search" name="q" defaultValue={values.q ?? ""} placeholder="treaty, Shoigu…" className={input} />
        </label>
      )}
      <label className="flex flex-col">
        Theme
        <select name="themeId" defaultValue={values.themeId ?? ""} className={input}>
          <option value="">all</option>
          {themes.map((t) => (
            <option key={t.id} value={t.id}>{t.name}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        Category
        <select name="category" defaultValue={values.category ?? ""} className={input}>
          <option value="">all</option>
          {EVENT_CATEGORIES.map((c) => (
            <option key={c} value={c}>{CATEGORY_LABEL[c]}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        Severity ≥
        <select name="severityMin" defaultValue={values.severityMin ?? ""} className={input}>
          <option value="">any</option>
          {[1, 2, 3, 4, 5].map((s) => (
            <option key={s} value={s}>{s}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        Country
        <input name="country" defaultValue={values.country ?? ""} placeholder="KP" maxLength={2} size={3} className={input} />
      </label>
      <label className="flex flex-col">
        From
        <input type="date" name="from" defaultValue={values.from ?? ""} className={input} />
      </label>
      <label className="flex flex-col">
        To
        <input type="date" name="to" defaultValue={values.to ?? ""} className={input} />
      </label>
      <button type="submit" className="rounded-tremor-default bg-tremor-brand px-3 py-1 text-white">Filter</button>
      <Link href={clearHref} className="py-1 text-tremor-brand hover:underline dark:text-dark-tremor-brand">Clear</Link>
    </form>
  );
}
