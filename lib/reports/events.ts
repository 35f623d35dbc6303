// Events and their exposures as analysts log them: one row per event, or one row per event × exposed asset with the
// expected direction and its rationale. Small enough (thousands of rows) to read in one query and write with
// csv-stringify.
import "server-only";
import { z } from "zod";
import { col, UNIT, type Column } from "./columns";
import { csvStream } from "./csv-stream";
import type { Cell } from "./csv-cells";
import { eventFilterFields, eventFilterSubject, eventWhere, type EventFilters } from "./event-filters";
import { DATE_RANGE_ISSUE, dateRangeRefinement } from "./params";
import { defineReport, type ReportRun } from "./report";
import { readDb } from "@/lib/db/read-routing";
import { EVENT_CATEGORIES } from "@/lib/enums";

export const eventsReportSchema = z.object(eventFilterFields).refine(dateRangeRefinement, DATE_RANGE_ISSUE);
export type EventsReportParams = z.output<typeof eventsReportSchema>;

const EVENT_COLUMNS: readonly Column[] = [
  col("event_id", "integer", UNIT.id, "Faultline's id of the event (stable; the event page is /events/<id>)."),
  col("event_date", "date", UNIT.date, "Calendar date of the event in UTC."),
  col("occurred_at_utc", "timestamp", UNIT.timestamp, "When the event happened. With time_precision DAY only the date is meaningful (the time is 00:00Z)."),
  col("time_precision", "text", "EXACT | DAY", "EXACT: the time of day is known; DAY: only the date."),
  col("title", "text", UNIT.text, "Title as logged."),
  col("category", "text", EVENT_CATEGORIES.join(" | "), "Kind of event."),
  col("severity", "integer", "1 (minor) – 5 (major)", "Analyst's severity rating."),
];

export const EVENTS_COLUMNS: readonly Column[] = [
  ...EVENT_COLUMNS,
  col("countries", "text", UNIT.list, "ISO 3166-1 alpha-2 codes of the countries involved (EU for the European Union)."),
  col("theme_id", "integer", UNIT.id, "Id of the event's theme (storyline); empty when none."),
  col("theme", "text", UNIT.text, "Name of the theme."),
  col("summary", "text", "Markdown text", "Summary as logged (may span lines)."),
  col("source_urls", "text", "URLs separated by spaces", "Sources cited for the event."),
  col("tags", "text", UNIT.list, "Free tags the analyst attached to the event."),
  col("exposed_assets", "text", UNIT.list, "Symbols of the assets linked to the event, alphabetically."),
  col("created_by", "text", UNIT.text, "Name of the user who logged the event; empty for imports and removed accounts."),
  col("created_at", "timestamp", UNIT.timestamp, "When the event was logged."),
  col("updated_by", "text", UNIT.text, "Name of the user who last changed it."),
  col("updated_at", "timestamp", UNIT.timestamp, "When it was last changed."),
  col("version", "integer", "count", "Edit counter: 1 for never edited."),
];

export const EXPOSURES_COLUMNS: readonly Column[] = [
  ...EVENT_COLUMNS,
  col("theme", "text", UNIT.text, "Name of the event's theme."),
  col("asset_symbol", "text", UNIT.text, "Symbol of the exposed asset."),
  col("asset_name", "text", UNIT.text, "Name of the exposed asset."),
  col("direction", "text", "UP | DOWN | UNCERTAIN", "The analyst's expected direction of the asset's move: the hypothesis the event study scores."),
  col("rationale", "text", UNIT.text, "Why the analyst expects that direction."),
  col("set_by", "text", UNIT.text, "Who stated the hypothesis."),
  col("set_at", "timestamp", UNIT.timestamp, "When the hypothesis was stated."),
  col("set_before_event", "boolean", UNIT.bool, "true when the hypothesis was stated before the event happened (worth more than one stated afterwards)."),
  col("data_source", "text", "YAHOO | CSV | DEMO", "Where the asset's prices come from."),
  col("synthetic", "boolean", UNIT.bool, "true when the asset's prices are synthetic demo data."),
];

const INCLUDE = {
  theme: { select: { id: true, name: true } },
  createdBy: { select: { name: true } },
  updatedBy: { select: { name: true } },
  exposures: {
    select: {
      direction: true,
      rationale: true,
      setAt: true,
      setBy: { select: { name: true } },
      asset: { select: { id: true, symbol: true, name: true, source: true } },
    },
    orderBy: { asset: { symbol: "asc" } },
  },
} as const;

async function loadEvents(f: EventFilters) {
  return readDb().event.findMany({ where: eventWhere(f), include: INCLUDE, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] });
}
type LoadedEvent = Awaited<ReturnType<typeof loadEvents>>[number];

function eventCells(e: LoadedEvent): Cell[] {
  return [e.id, e.occurredAt.toISOString().slice(0, 10), e.occurredAt, e.timePrecision, e.title, e.category, e.severity];
}

/** Names for the file name: the event's title, the theme's name. */
export async function subjectNames(f: EventFilters): Promise<{ event?: string; eventDate?: string; theme?: string }> {
  const [event, theme] = await Promise.all([
    f.eventId ? readDb().event.findUnique({ where: { id: f.eventId }, select: { title: true, occurredAt: true } }) : null,
    f.themeId ? readDb().theme.findUnique({ where: { id: f.themeId }, select: { name: true } }) : null,
  ]);
  return { event: event?.title, eventDate: event?.occurredAt.toISOString().slice(0, 10), theme: theme?.name };
}

async function runEvents(params: EventsReportParams, exposures: boolean): Promise<ReportRun> {
  const events = await loadEvents(params);
  const rows: Cell[][] = exposures
    ? events.flatMap((e) =>
        e.exposures
          .filter((x) => !params.asset || x.asset.symbol === params.asset)
          .map((x) => [
            ...eventCells(e),
            e.theme?.name,
            x.asset.symbol,
            x.asset.name,
            x.direction,
            x.rationale,
            x.setBy?.name,
            x.setAt,
            x.setAt < e.occurredAt,
            x.asset.source,
            x.asset.source === "DEMO",
          ]),
      )
    : events.map((e) => [
        ...eventCells(e),
        e.countries.join(";"),
        e.theme?.id,
        e.theme?.name,
        e.summary,
        e.sourceUrls.join(" "),
        e.tags.join(";"),
        e.exposures.map((x) => x.asset.symbol).join(";"),
        e.createdBy?.name,
        e.createdAt,
        e.updatedBy?.name,
        e.updatedAt,
        e.version,
      ]);
  const assetIds = [...new Set(events.flatMap((e) => e.exposures.map((x) => x.asset.id)))];
  return {
    subject: eventFilterSubject(params, await subjectNames(params)),
    assetIds: exposures ? assetIds : [],
    body: async ({ bom }) => csvStream(exposures ? EXPOSURES_COLUMNS : EVENTS_COLUMNS, rows, { bom }),
    rowCount: async () => rows.length,
  };
}

export const eventsReport = defineReport({
  slug: "events",
  title: "Events",
  description: "The event log with the filters of the events list: dates, theme, category, country, severity, asset.",
  grain: "event",
  columns: EVENTS_COLUMNS,
  schema: eventsReportSchema,
  run: (params) => runEvents(params, false),
});

export const exposuresReport = defineReport({
  slug: "exposures",
  title: "Events × exposed assets",
  description: "Each event's exposures: the assets linked to it with the expected direction and rationale.",
  grain: "event × exposed asset",
  columns: EXPOSURES_COLUMNS,
  schema: eventsReportSchema,
  run: (params) => runEvents(params, true),
});
