import { z } from "zod";
import { calendarDateSchema, idSchema, versionSchema } from "@/lib/validation/fields";

export const ANNOTATION_MAX = 20_000;

const bodySchema = z
  .string({ error: "Write a note" })
  .max(ANNOTATION_MAX, `A note must be at most ${ANNOTATION_MAX.toLocaleString("en-US")} characters`)
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, "Write a note");

const optionalId = (what: string) => z.preprocess((v) => (v === "" || v === null ? undefined : v), idSchema(what).optional());
const optionalText = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().trim().optional());

/** A note on an event (optionally a reply), or a note pinned to an asset's chart at a date. */
export const annotationInputSchema = z
  .object({
    body: bodySchema,
    eventId: optionalId("Event"),
    parentId: optionalId("Reply target"),
    assetSymbol: optionalText,
    pinnedDate: z.preprocess((v) => (v === "" || v === null ? undefined : v), calendarDateSchema.optional()),
  })
  .superRefine((a, ctx) => {
    const onEvent = a.eventId !== undefined;
    const onAsset = a.assetSymbol !== undefined || a.pinnedDate !== undefined;
    if (onEvent === onAsset) {
      ctx.addIssue({ code: "custom", path: ["eventId"], message: "A note belongs to an event, or to an asset at a date — one of the two" });
    }
    if (onAsset && !a.assetSymbol) ctx.addIssue({ code: "custom", path: ["assetSymbol"], message: "Choose the asset to pin the note to" });
    if (onAsset && !a.pinnedDate) ctx.addIssue({ code: "custom", path: ["pinnedDate"], message: "Choose the date to pin the note at" });
    if (a.parentId !== undefined && !onEvent) ctx.addIssue({ code: "custom", path: ["parentId"], message: "Replies belong to an event's thread" });
  });
export type AnnotationInput = z.input<typeof annotationInputSchema>;

export const annotationEditSchema = z.object({ id: idSchema("Note"), body: bodySchema, version: versionSchema });
export const annotationDeleteSchema = z.object({ id: idSchema("Note"), version: versionSchema });
