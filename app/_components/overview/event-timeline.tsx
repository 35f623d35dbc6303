import { Card, Text, Title } from "@tremor/react";
import Link from "next/link";
import { eventQuerySchema, searchEventSummaries } from "@/lib/events/search";
import { fieldErrorsOf } from "@/lib/errors";
import { themeOptions } from "@/lib/themes/queries";
import { EventFilterForm, eventFilterValues } from "../event-filter-form";
import { CATEGORY_LABEL } from "../format";
import { TimelineChart } from "./timeline-chart";
import { TimelineList } from "./timeline-list";
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
  const [themes, page] = await Promise.all([themeOptions(), parsed.success ? searchEventSummaries(parsed.data) : Promise.resolve(null)]);
  const errors = parsed.success ? null : fieldErrorsOf(parsed.error);
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
                severity: e.severity,
                title: e.title,
                date: e.occurredAt.slice(0, 10),
                category: CATEGORY_LABEL[e.category] ?? e.category,
              }))}
            />
            </ChartFigure>
          </div>
          <TimelineList
            events={page.data.slice(0, LISTED_EVENTS).map((e) => ({
              id: e.id, occurredAt: e.occurredAt, category: CATEGORY_LABEL[e.category] ?? e.category, severity: e.severity, countries: e.countries, theme: e.theme?.name ?? null, title: e.title,
            }))}
          />
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
