// One schema per triage input, shared by the page's URL filters, the server actions and any API.
import { z } from "zod";
import { calendarDateSchema, idSchema } from "@/lib/validation/fields";

export const MOVE_STATUSES = ["OPEN", "LINKED", "DISMISSED", "RESOLVED"] as const;
export type MoveStatus = (typeof MOVE_STATUSES)[number];
export const MOVE_KINDS = ["EXPLAIN", "CHECK_DATA"] as const;
export type MoveKind = (typeof MOVE_KINDS)[number];
export const DISMISS_REASONS = ["HOLIDAY_EFFECT", "DATA_ERROR", "INDEX_REBALANCE", "OTHER"] as const;
export type DismissReasonCode = (typeof DISMISS_REASONS)[number];

export const DISMISS_REASON_LABEL: Record<DismissReasonCode, string> = {
  HOLIDAY_EFFECT: "Holiday effect",
  DATA_ERROR: "Data error",
  INDEX_REBALANCE: "Index rebalance",
  OTHER: "Other",
};
export const MOVE_STATUS_LABEL: Record<MoveStatus, string> = { OPEN: "Open", LINKED: "Linked", DISMISSED: "Dismissed", RESOLVED: "Resolved" };
export const MOVE_KIND_LABEL: Record<MoveKind, string> = { EXPLAIN: "Explain", CHECK_DATA: "Check the data" };

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/**
 * The triage queue's filters, as they appear in the page's URL and the API's query string. A value that cannot be read
 * is an error naming the field (the API answers 422, the page says so above its form), never silently another filter.
 */
export const moveFilterSchema = z
  .object({
    status: z.preprocess(blankToUndefined, z.enum([...MOVE_STATUSES, "ALL"], { error: `Status is one of ${[...MOVE_STATUSES, "ALL"].join(", ")}` }).default("OPEN")),
    kind: z.preprocess(blankToUndefined, z.enum(MOVE_KINDS, { error: `Kind is one of ${MOVE_KINDS.join(", ")}` }).optional()),
    asset: z.preprocess(blankToUndefined, z.string().trim().max(40, "An asset symbol has at most 40 characters").optional()),
    from: z.preprocess(blankToUndefined, calendarDateSchema.optional()),
    to: z.preprocess(blankToUndefined, calendarDateSchema.optional()),
    minZ: z.preprocess(blankToUndefined, z.coerce.number({ error: "Min |z| is a number" }).min(0, "Min |z| is between 0 and 100").max(100, "Min |z| is between 0 and 100").optional()),
    page: z.preprocess(
      blankToUndefined,
      z.coerce.number({ error: "The page is a number" }).int("The page is a whole number").min(1, "Pages start at 1").max(10_000, "The page is at most 10,000").default(1),
    ),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "To must not be before From" });
export type MoveFilter = z.output<typeof moveFilterSchema>;

/** A dismissal's own fields (the API's body; the item is in its path). */
export const dismissMoveFields = z.object({
  reason: z.enum(DISMISS_REASONS, { error: "Choose why the move needs no event" }),
  note: z.preprocess((v) => (v === null ? undefined : v), z.string().trim().max(500, "At most 500 characters").default("")),
});

export const dismissMoveSchema = dismissMoveFields
  .extend({ itemId: idSchema("Item") })
  .superRefine((d, ctx) => {
    if (d.reason === "OTHER" && !d.note) ctx.addIssue({ code: "custom", path: ["note"], message: "Say what the other reason is" });
  });
export type DismissMoveInput = z.input<typeof dismissMoveSchema>;

export const linkMoveSchema = z.object({ itemId: idSchema("Item"), eventId: idSchema("Event") });
export type LinkMoveInput = z.input<typeof linkMoveSchema>;

export const resolveMoveSchema = z.object({ itemId: idSchema("Item"), eventId: idSchema("Event") });

export const reopenMoveSchema = z.object({ itemId: idSchema("Item") });

export const thresholdSchema = z.object({
  threshold: z.coerce.number({ error: "Give k as a number" }).min(1, "k must be at least 1").max(20, "k must be at most 20"),
  assetSymbol: z.preprocess(blankToUndefined, z.string().trim().min(1).max(40).optional()),
});
export type ThresholdInput = z.input<typeof thresholdSchema>;
