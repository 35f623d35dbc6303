// Filtered, paginated event lists for the JSON API (and anything else that needs filters).
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { categorySchema, countryCodeSchema, severitySchema } from "@/lib/events/schemas";
import { paginationSchema, type Page } from "@/lib/validation/pagination";
import { calendarDateSchema, idSchema } from "@/lib/validation/fields";

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

/** Prisma's `contains` is a LIKE pattern: a searched % or _ must match itself, not anything. */
function likeLiteral(word: string): string {
  return word.replace(/[\\%_]/g, "\\$&");
}

export async function searchEvents(q: EventQuery): Promise<Page<EventDto>> {
  const where: Prisma.EventWhereInput = {
    deletedAt: null,
    ...(q.from || q.to
      ? { occurredAt: { ...(q.from ? { gte: new Date(`${q.from}T00:00:00Z`) } : {}), ...(q.to ? { lt: new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000) } : {}) } }
      : {}),
    ...(q.themeId ? { themeId: q.themeId } : {}),
    ...(q.category ? { category: q.category } : {}),
    ...(q.country ? { countries: { has: q.country } } : {}),
    ...(q.severityMin || q.severityMax ? { severity: { ...(q.severityMin ? { gte: q.severityMin } : {}), ...(q.severityMax ? { lte: q.severityMax } : {}) } } : {}),
    ...(q.asset ? { exposures: { some: { asset: { symbol: q.asset } } } } : {}),
    ...(q.q
      ? {
          AND: q.q.split(/\s+/).map(likeLiteral).map((word) => ({
            OR: [{ title: { contains: word, mode: "insensitive" as const } }, { summary: { contains: word, mode: "insensitive" as const } }],
          })),
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db().event.findMany({ where, include: INCLUDE, orderBy: [{ occurredAt: "desc" }, { id: "desc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    db().event.count({ where }),
  ]);
  return { data: rows.map(toEventDto), page: q.page, pageSize: q.pageSize, total };
}

export async function eventDto(id: number): Promise<EventDto | null> {
  const row = await db().event.findFirst({ where: { id, deletedAt: null }, include: INCLUDE });
  return row ? toEventDto(row) : null;
}
