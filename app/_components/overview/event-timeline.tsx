import { Card, Text, Title } from "@tremor/react";
import Link from "next/link";
import { eventQuerySchema, searchEvents } from "@/lib/events/search";
import { fieldErrorsOf } from "@/lib/errors";
import { listThemes } from "@/lib/themes/queries";
import { EventFilterForm, eventFilterValues } from "../event-filter-form";
import { CATEGORY_LABEL } from "../format";
import { TimelineChart } from "./timeline-chart";
import { ChartFigure } from "../chart-figure";
import { timelineSummary } from "@/lib/charts/summary";

type Params = Record<string, string | string[] | undefined>;

/** The chart plots up to this many of the latest matching events… */
const CHART_EVENTS = 200;
/** …and the list beside it names the latest of them; the Events page lists them all. */
const LISTED_EVENTS = 50;

function eventsHref(filters: Record<string, string>): string {
  const q = new URLSearchParams(filters).toString();
  return q ? `/events?${q}` : "/events";
}

/** The event timeline with its filters in the query string, so a link reproduces the view. */
export async function EventTimeline({ params }: { params: Params }) {
  const raw = eventFilterValues(params);
  const parsed = eventQuerySchema.safeParse({ ...raw, pageSize: CHART_EVENTS });
  const themes = await listThemes();
  const errors = parsed.success ? null : fieldErrorsOf(parsed.error);
  const page = parsed.success ? await searchEvents(parsed.data) : null;
  return (
    <Card>
      <Title>Event timeline</Title>
      <EventFilterForm values={raw} themes={themes} keep={params} clearHref="/" />
      {errors && (
        <div role="alert"><ul className="mt-3 text-tremor-default text-red-700 dark:text-red-300">
          {Object.entries(errors).map(([k, m]) => (
            <li key={k}>{k}: {m.join(" ")}</li>
          ))}
        </ul></div>
      )}
      {page && page.data.length === 0 && <Text className="mt-4">No event matches these filters. Clear them, or log a new event.</Text>}
      {page && page.data.length > 0 && (
        <>
          <div className="mt-4">
            <ChartFigure
              label="Event timeline: events by date and severity"
              summary={timelineSummary(page.data.map((e) => ({ date: e.occurredAt.slice(0, 10), severity: e.severity, title: e.title })))}
            >
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
            </ChartFigure>
          </div>
          <ul className="mt-3 max-h-96 divide-y divide-tremor-border overflow-auto dark:divide-dark-tremor-border" tabIndex={0} aria-label="Events in the timeline">
            {page.data.slice(0, LISTED_EVENTS).map((e) => (
              <li key={e.id} className="py-2">
                <div className="flex flex-wrap items-center gap-2 text-tremor-label">
                  <time dateTime={e.occurredAt}>{e.occurredAt.slice(0, 10)}</time>
                  <span className="rounded bg-tremor-brand-faint px-1.5 text-tremor-brand-emphasis dark:bg-dark-tremor-brand-faint dark:text-dark-tremor-brand-emphasis">{CATEGORY_LABEL[e.category]}</span>
                  <span>severity {e.severity}</span>
                  <span>{e.countries.join(" ")}</span>
                  {e.theme && <span>· {e.theme.name}</span>}
                </div>
                <Link href={`/events/${e.id}`} className="inline-block py-0.5 text-tremor-default font-medium hover:text-tremor-brand dark:hover:text-dark-tremor-brand">{e.title}</Link>
              </li>
            ))}
          </ul>
          <Text className="mt-2 text-tremor-label">
            {page.total} event{page.total === 1 ? "" : "s"}
            {page.total > page.data.length ? `, the ${page.data.length} latest plotted` : ""}
            {page.data.length > LISTED_EVENTS ? `, the ${LISTED_EVENTS} latest listed` : ""}.{" "}
            {page.total > LISTED_EVENTS && (
              <Link href={eventsHref(raw)} className="text-tremor-brand hover:underline dark:text-dark-tremor-brand">All of them on the Events page</Link>
            )}
          </Text>
        </>
      )}
    </Card>
  );
}
