// Filtered, paginated event lists for the JSON API (and anything else that needs filters).
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { categorySchema, countryCodeSchema, severitySchema } from "@/lib/events/schemas";
import { paginationSchema, type Page } from "@/lib/validation/pagination";
import { calendarDateSchema, idSchema } from "@/lib/validation/fields";
import { readDb, readQuery } from "@/lib/db/read-routing";

export const eventQuerySchema = paginationSchema
  .extend({
    from: calendarDateSchema.optional(),
    to: calendarDateSchema.optional(),
    themeId: idSchema("themeId").optional(),
    category: categorySchema.optional(),
    country: countryCodeSchema.optional(),
    severityMin: severitySchema.optional(),
    severityMax: severitySchema.optional(),
    asset: z.string().trim().min(1).max(40).optional(),
    /** Words to find in the title or summary (case-insensitive). */
    q: z.string().trim().max(200, "Search with at most 200 characters").optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "to must be on or after from" });
export type EventQuery = z.output<typeof eventQuerySchema>;

const INCLUDE = {
  theme: { select: { id: true, name: true } },
  exposures: { include: { asset: { select: { symbol: true } }, setBy: { select: { name: true } } } },
} as const;

type EventRow = Prisma.EventGetPayload<{ include: typeof INCLUDE }>;

export function toEventDto(e: EventRow) {
  return {
    id: e.id,
    title: e.title,
    occurredAt: e.timePrecision === "DAY" ? e.occurredAt.toISOString().slice(0, 10) : e.occurredAt.toISOString(),
    timePrecision: e.timePrecision,
    category: e.category,
    severity: e.severity,
    countries: e.countries,
    summary: e.summary,
    sourceUrls: e.sourceUrls,
    tags: e.tags,
    theme: e.theme,
    version: e.version,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    exposures: e.exposures.map((x) => ({
      asset: x.asset.symbol,
      direction: x.direction,
      rationale: x.rationale,
      setBy: x.setBy?.name ?? null,
      setAt: x.setAt.toISOString(),
      setBeforeEvent: x.setAt < e.occurredAt,
    })),
  };
}
export type EventDto = ReturnType<typeof toEventDto>;

/** An instant as Date.toISOString writes it (timestamps are stored to the millisecond). */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// toEventDto's document for the event row `e` (theme row `t`), written by PostgreSQL.
/** A day-precision event's date, or the instant of one logged to the minute, as toEventDto writes it. */
const OCCURRED_AT = `CASE WHEN e.time_precision = 'DAY' THEN to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') ELSE ${iso("e.occurred_at")} END`;

const EVENT_DOCUMENT = `json_build_object(
    'id', e.id, 'title', e.title,
    'occurredAt', ${OCCURRED_AT},
    'timePrecision', e.time_precision, 'category', e.category, 'severity', e.severity, 'countries', e.countries,
    'summary', e.summary, 'sourceUrls', e.source_urls, 'tags', e.tags,
    'theme', CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('id', t.id, 'name', t.name) END,
    'version', e.version, 'createdAt', ${iso("e.created_at")}, 'updatedAt', ${iso("e.updated_at")},
    'exposures', COALESCE((
      SELECT json_agg(json_build_object(
          'asset', a.symbol, 'direction', x.direction, 'rationale', x.rationale, 'setBy', u.name,
          'setAt', ${iso("x.set_at")}, 'setBeforeEvent', x.set_at < e.occurred_at
        ) ORDER BY x.id)
      FROM exposure x JOIN asset a ON a.id = x.asset_id LEFT JOIN "user" u ON u.id = x.set_by_id
      WHERE x.event_id = e.id
    ), '[]'::json)
  )`;

/** What a timeline plots and lists of an event: the document's fields without its text, sources and exposures. */
const EVENT_SUMMARY_DOCUMENT = `json_build_object(
    'id', e.id, 'title', e.title, 'occurredAt', ${OCCURRED_AT}, 'category', e.category, 'severity', e.severity, 'countries', e.countries,
    'theme', CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('id', t.id, 'name', t.name) END
  )`;

/** An event as a timeline shows it (EVENT_SUMMARY_DOCUMENT): the fields of an EventDto it needs. */
export type EventSummaryDto = Pick<EventDto, "id" | "title" | "occurredAt" | "category" | "severity" | "countries" | "theme">;

/** A LIKE pattern matching `word` anywhere: a searched % or _ matches itself, not anything. */
function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, "\\$&")}%`;
}

/** The query's filters as one parameterised condition on the event row `e` (its values appended to `params`). */
function eventConditions(q: EventQuery, params: unknown[]): string {
  const param = (value: unknown) => `$${params.push(value)}`;
  const conditions = ["e.deleted_at IS NULL"];
  // Calendar days in UTC: from its first instant to before the next day's.
  if (q.from) conditions.push(`e.occurred_at >= ${param(`${q.from}T00:00:00Z`)}::timestamptz`);
  if (q.to) conditions.push(`e.occurred_at < ${param(`${q.to}T00:00:00Z`)}::timestamptz + interval '1 day'`);
  if (q.themeId) conditions.push(`e.theme_id = ${param(q.themeId)}::int`);
  if (q.category) conditions.push(`e.category = ${param(q.category)}::"EventCategory"`);
  if (q.country) conditions.push(`e.countries @> ARRAY[${param(q.country)}::text]`);
  if (q.severityMin) conditions.push(`e.severity >= ${param(q.severityMin)}::int`);
  if (q.severityMax) conditions.push(`e.severity <= ${param(q.severityMax)}::int`);
  if (q.asset) conditions.push(`EXISTS (SELECT 1 FROM exposure x JOIN asset a ON a.id = x.asset_id WHERE x.event_id = e.id AND a.symbol = ${param(q.asset)})`);
  // Every word, in the title or the summary, case-insensitively.
  if (q.q) for (const word of q.q.split(/\s+/)) {
    const pattern = param(containsPattern(word));
    conditions.push(`(e.title ILIKE ${pattern} OR e.summary ILIKE ${pattern})`);
  }
  return conditions.join(" AND ");
}

/**
 * One page of matching events, latest first, and how many match: one statement, the documents written by PostgreSQL
 * (an API request answers after its session lookup and this one round trip).
 */
async function searchEventPage(q: EventQuery, document = EVENT_DOCUMENT): Promise<{ dataJson: string; page: number; pageSize: number; total: number }> {
  const params: unknown[] = [];
  const where = eventConditions(q, params);
  const limit = `$${params.push(q.pageSize)}`;
  const offset = `$${params.push((q.page - 1) * q.pageSize)}`;
  const { rows } = await readQuery<{ total: number; data: string }>(
    `SELECT (SELECT count(*)::int FROM event e WHERE ${where}) AS total,
       (SELECT COALESCE(json_agg(${document} ORDER BY e.occurred_at DESC, e.id DESC), '[]'::json)::text
          FROM (SELECT * FROM event e WHERE ${where} ORDER BY e.occurred_at DESC, e.id DESC LIMIT ${limit}::int OFFSET ${offset}::int) e
          LEFT JOIN theme t ON t.id = e.theme_id) AS data`,
    params,
  );
  return { dataJson: rows[0]!.data, page: q.page, pageSize: q.pageSize, total: rows[0]!.total };
}

/** A page of events as toEventDto writes them, for pages that render them. */
export async function searchEvents(q: EventQuery): Promise<Page<EventDto>> {
  const { dataJson, ...page } = await searchEventPage(q);
  return { data: JSON.parse(dataJson) as EventDto[], ...page };
}

/** A page of events as a timeline shows them (no text, sources or exposures: a fraction of the documents' work). */
export async function searchEventSummaries(q: EventQuery): Promise<Page<EventSummaryDto>> {
  const { dataJson, ...page } = await searchEventPage(q, EVENT_SUMMARY_DOCUMENT);
  return { data: JSON.parse(dataJson) as EventSummaryDto[], ...page };
}

/** The API's answer as JSON text: the page of events is written by PostgreSQL, the paging fields around it. */
export async function searchEventsBody(q: EventQuery): Promise<string> {
  const { dataJson, page, pageSize, total } = await searchEventPage(q);
  return `{"data":${dataJson},"page":${page},"pageSize":${pageSize},"total":${total}}`;
}

export async function eventDto(id: number): Promise<EventDto | null> {
  const row = await db().event.findFirst({ where: { id, deletedAt: null }, include: INCLUDE });
  return row ? toEventDto(row) : null;
}

/** What a stress scenario selects its analogue events by: ids, or filters that must all hold (countries and tags: any of). */
export interface EventSelection {
  ids?: readonly number[];
  themeId?: number;
  category?: EventDto["category"];
  countries?: readonly string[];
  severityMin?: number;
  tags?: readonly string[];
  from?: string;
  to?: string;
}

export interface EventRef {
  id: number;
  title: string;
  occurredAt: Date;
  timePrecision: EventDto["timePrecision"];
  severity: number;
  category: EventDto["category"];
}

/** Live events matching a selection, oldest first, at most `limit`. */
export async function selectEvents(s: EventSelection, limit = 500): Promise<EventRef[]> {
  const where: Prisma.EventWhereInput = {
    deletedAt: null,
    ...(s.ids ? { id: { in: [...s.ids] } } : {}),
    ...(s.from || s.to
      ? { occurredAt: { ...(s.from ? { gte: new Date(`${s.from}T00:00:00Z`) } : {}), ...(s.to ? { lt: new Date(new Date(`${s.to}T00:00:00Z`).getTime() + 86_400_000) } : {}) } }
      : {}),
    ...(s.themeId ? { themeId: s.themeId } : {}),
    ...(s.category ? { category: s.category } : {}),
    ...(s.countries?.length ? { countries: { hasSome: [...s.countries] } } : {}),
    ...(s.severityMin ? { severity: { gte: s.severityMin } } : {}),
    ...(s.tags?.length ? { tags: { hasSome: [...s.tags] } } : {}),
  };
  return readDb().event.findMany({
    where,
    select: { id: true, title: true, occurredAt: true, timePrecision: true, severity: true, category: true },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    take: limit,
  });
}
