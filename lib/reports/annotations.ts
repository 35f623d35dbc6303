// Analysts' notes as a file: the notes on an event, on a theme's events, on one asset, or within a date range (notes on
// events of that range and notes pinned to a date in it). Deleted notes are left out.
import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";
import { isoDate } from "@/lib/dates";
import { idSchema } from "@/lib/validation/fields";
import { col, UNIT, type Column } from "./columns";
import type { Cell } from "./csv-cells";
import { csvStream } from "./csv-stream";
import { eventFilterSubject } from "./event-filters";
import { subjectNames } from "./events";
import { DATE_RANGE_ISSUE, dateRangeRefinement, optionalDate } from "./params";
import { defineReport } from "./report";
import { readDb } from "@/lib/db/read-routing";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

export const annotationsReportSchema = z
  .object({
    eventId: z.preprocess(blank, idSchema("Event").optional()),
    themeId: z.preprocess(blank, idSchema("Theme").optional()),
    asset: z.preprocess(blank, z.string().trim().min(1).max(40).optional()),
    from: optionalDate,
    to: optionalDate,
  })
  .refine(dateRangeRefinement, DATE_RANGE_ISSUE);
export type AnnotationsReportParams = z.output<typeof annotationsReportSchema>;

export const ANNOTATIONS_COLUMNS: readonly Column[] = [
  col("annotation_id", "integer", UNIT.id, "Faultline's id of the note."),
  col("parent_id", "integer", UNIT.id, "The note this one replies to; empty for a thread's first note."),
  col("event_id", "integer", UNIT.id, "The event the note is on; empty for a note pinned to an asset's chart."),
  col("event_date", "date", UNIT.date, "Calendar date (UTC) of that event."),
  col("event_title", "text", UNIT.text, "Title of that event."),
  col("theme", "text", UNIT.text, "Theme of that event."),
  col("asset_symbol", "text", UNIT.text, "The asset a pinned note belongs to."),
  col("pinned_date", "date", UNIT.date, "Trading date the note is pinned at on that asset's chart."),
  col("author", "text", UNIT.text, "Name of the note's author; empty for removed accounts."),
  col("created_at", "timestamp", UNIT.timestamp, "When the note was written."),
  col("updated_at", "timestamp", UNIT.timestamp, "When it was last edited."),
  col("edited", "boolean", UNIT.bool, "true when the note was edited after it was written."),
  col("body", "text", "Markdown text", "The note as written (may span lines)."),
];

const DAY_MS = 86_400_000;

function annotationWhere(p: AnnotationsReportParams): Prisma.AnnotationWhereInput {
  const and: Prisma.AnnotationWhereInput[] = [{ deletedAt: null }, { OR: [{ eventId: null }, { event: { deletedAt: null } }] }];
  if (p.eventId) and.push({ eventId: p.eventId });
  if (p.themeId) and.push({ event: { themeId: p.themeId } });
  if (p.asset) and.push({ OR: [{ asset: { symbol: p.asset } }, { event: { exposures: { some: { asset: { symbol: p.asset } } } } }] });
  if (p.from || p.to) {
    const from = p.from ? new Date(`${p.from}T00:00:00Z`) : undefined;
    const to = p.to ? new Date(`${p.to}T00:00:00Z`) : undefined;
    and.push({
      OR: [
        { event: { occurredAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: new Date(to.getTime() + DAY_MS) } : {}) } } },
        { pinnedDate: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } },
      ],
    });
  }
  return { AND: and };
}

export const annotationsReport = defineReport({
  slug: "annotations",
  title: "Annotations",
  description: "Analysts' notes on an event, on a theme's events, on an asset, or within a date range.",
  grain: "note",
  columns: ANNOTATIONS_COLUMNS,
  schema: annotationsReportSchema,
  async run(params) {
    const notes = await readDb().annotation.findMany({
      where: annotationWhere(params),
      include: {
        author: { select: { name: true } },
        asset: { select: { id: true, symbol: true } },
        event: { select: { id: true, title: true, occurredAt: true, theme: { select: { name: true } } } },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    const rows: Cell[][] = notes.map((n) => [
      n.id,
      n.parentId,
      n.eventId,
      n.event ? isoDate(n.event.occurredAt) : null,
      n.event?.title,
      n.event?.theme?.name,
      n.asset?.symbol,
      n.pinnedDate ? isoDate(n.pinnedDate) : null,
      n.author?.name,
      n.createdAt,
      n.updatedAt,
      n.version > 1,
      n.body,
    ]);
    return {
      subject: eventFilterSubject(params, await subjectNames(params)),
      assetIds: [...new Set(notes.flatMap((n) => (n.asset ? [n.asset.id] : [])))],
      body: async ({ bom }) => csvStream(ANNOTATIONS_COLUMNS, rows, { bom }),
      rowCount: async () => rows.length,
    };
  },
});
