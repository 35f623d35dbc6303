// Paginated notes for the JSON API: by event, or by asset with an optional date range on the pinned date.
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { isoDate } from "@/lib/dates";
import { paginationSchema, type Page } from "@/lib/validation/pagination";
import { calendarDateSchema, idSchema } from "@/lib/validation/fields";

export const annotationQuerySchema = paginationSchema
  .extend({
    eventId: idSchema("eventId").optional(),
    asset: z.string().trim().min(1).max(40).optional(),
    from: calendarDateSchema.optional(),
    to: calendarDateSchema.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "to must be on or after from" });

export async function searchAnnotations(q: z.output<typeof annotationQuerySchema>): Promise<Page<unknown>> {
  const range = q.from || q.to ? { ...(q.from ? { gte: new Date(`${q.from}T00:00:00Z`) } : {}), ...(q.to ? { lte: new Date(`${q.to}T00:00:00Z`) } : {}) } : undefined;
  const where: Prisma.AnnotationWhereInput = {
    deletedAt: null,
    ...(q.eventId ? { eventId: q.eventId, event: { deletedAt: null } } : {}),
    ...(q.asset ? { asset: { symbol: q.asset } } : {}),
    ...(range ? (q.asset ? { pinnedDate: range } : { createdAt: range }) : {}),
  };
  const [rows, total] = await Promise.all([
    db().annotation.findMany({
      where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize,
      include: { author: { select: { name: true } }, asset: { select: { symbol: true } } },
    }),
    db().annotation.count({ where }),
  ]);
  return {
    data: rows.map((r) => ({
      id: r.id, body: r.body, author: r.author?.name ?? null, eventId: r.eventId, parentId: r.parentId,
      asset: r.asset?.symbol ?? null, pinnedDate: r.pinnedDate ? isoDate(r.pinnedDate) : null, version: r.version,
      createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
    })),
    page: q.page, pageSize: q.pageSize, total,
  };
}
