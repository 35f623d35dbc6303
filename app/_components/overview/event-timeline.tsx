import { Card, Text, Title } from "@tremor/react";
import Link from "next/link";
import { EVENT_CATEGORIES } from "@/lib/events/schemas";
import { eventQuerySchema, searchEvents } from "@/lib/events/search";
import { fieldErrorsOf } from "@/lib/http/errors";
import { listThemes } from "@/lib/themes/queries";
import { CATEGORY_LABEL } from "../format";
import { TimelineChart } from "./timeline-chart";

type Params = Record<string, string | string[] | undefined>;
const FILTERS = ["themeId", "category", "severityMin", "country", "from", "to"] as const;

/** The event timeline with its filters in the query string, so a link reproduces the view. */
export async function EventTimeline({ params }: { params: Params }) {
  const raw = Object.fromEntries(FILTERS.map((k) => [k, Array.isArray(params[k]) ? params[k]![0] : params[k]]).filter(([, v]) => v));
  const parsed = eventQuerySchema.safeParse({ ...raw, pageSize: 200 });
  const themes = await listThemes();
  const errors = parsed.success ? null : fieldErrorsOf(parsed.error);
  const page = parsed.success ? await searchEvents(parsed.data) : null;
  const keep = Object.entries(params).filter(([k]) => !(FILTERS as readonly string[]).includes(k));
  const input = "rounded-tremor-small border border-tremor-border bg-transparent px-2 py-1 text-tremor-default dark:border-dark-tremor-border";
  return (
    <Card>
      <Title>Event timeline</Title>
      <form className="mt-3 flex flex-wrap items-end gap-3 text-tremor-label" aria-label="Filter events">
        {keep.map(([k, v]) => (typeof v === "string" ? <input key={k} type="hidden" name={k} value={v} /> : null))}
        <label className="flex flex-col">
          Theme
          <select name="themeId" defaultValue={String(raw.themeId ?? "")} className={input}>
            <option value="">all</option>
            {themes.map((t) => (
              <option key={t.id} value={t.id}>{t.name}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          Category
          <select name="category" defaultValue={String(raw.category ?? "")} className={input}>
            <option value="">all</option>
            {EVENT_CATEGORIES.map((c) => (
              <option key={c} value={c}>{CATEGORY_LABEL[c]}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          Severity ≥
          <select name="severityMin" defaultValue={String(raw.severityMin ?? "")} className={input}>
            <option value="">any</option>
            {[1, 2, 3, 4, 5].map((s) => (
              <option key={s} value={s}>{s}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          Country
          <input name="country" defaultValue={String(raw.country ?? "")} placeholder="KP" maxLength={2} size={3} className={input} />
        </label>
        <label className="flex flex-col">
          From
          <input type="date" name="from" defaultValue={String(raw.from ?? "")} className={input} />
        </label>
        <label className="flex flex-col">
          To
          <input type="date" name="to" defaultValue={String(raw.to ?? "")} className={input} />
        </label>
        <button type="submit" className="rounded-tremor-default bg-tremor-brand px-3 py-1 text-white">Filter</button>
        <Link href="/" className="py-1 text-tremor-brand hover:underline">Clear</Link>
      </form>
      {errors && (
        <ul className="mt-3 text-tremor-default text-red-600" role="alert">
          {Object.entries(errors).map(([k, m]) => (
            <li key={k}>{k}: {m.join(" ")}</li>
          ))}
        </ul>
      )}
      {page && page.data.length === 0 && <Text className="mt-4">No event matches these filters. Clear them, or log a new event.</Text>}
      {page && page.data.length > 0 && (
        <>
          <div className="mt-4">
            <TimelineChart
              points={page.data.map((e) => ({
                id: e.id,
                t: Date.parse(`${e.occurredAt.slice(0, 10)}T00:00:00Z`),
                severity: e.severity,
                title: e.title,
                date: e.occurredAt.slice(0, 10),
                category: CATEGORY_LABEL[e.category] ?? e.category,
              }))}
            />
          </div>
          <ul className="mt-3 max-h-96 divide-y divide-tremor-border overflow-auto dark:divide-dark-tremor-border">
            {page.data.map((e) => (
              <li key={e.id} className="py-2">
                <div className="flex flex-wrap items-center gap-2 text-tremor-label">
                  <time dateTime={e.occurredAt}>{e.occurredAt.slice(0, 10)}</time>
                  <span className="rounded bg-tremor-brand-faint px-1.5 text-tremor-brand-emphasis dark:bg-dark-tremor-brand-faint dark:text-dark-tremor-brand-emphasis">{CATEGORY_LABEL[e.category]}</span>
                  <span>severity {e.severity}</span>
                  <span>{e.countries.join(" ")}</span>
                  {e.theme && <span>· {e.theme.name}</span>}
                </div>
                <Link href={`/events/${e.id}`} className="text-tremor-default font-medium hover:text-tremor-brand">{e.title}</Link>
              </li>
            ))}
          </ul>
          <Text className="mt-2 text-tremor-label">{page.total} event{page.total === 1 ? "" : "s"}{page.total > page.data.length ? `, the ${page.data.length} latest shown` : ""}.</Text>
        </>
      )}
    </Card>
  );
}
