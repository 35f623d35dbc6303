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

/** The triage page's filters, as they appear in its URL. Anything unreadable falls back to the default. */
export const moveFilterSchema = z.object({
  status: z.preprocess(blankToUndefined, z.enum([...MOVE_STATUSES, "ALL"]).catch("OPEN").default("OPEN")),
  kind: z.preprocess(blankToUndefined, z.enum(MOVE_KINDS).optional().catch(undefined)),
  asset: z.preprocess(blankToUndefined, z.string().trim().max(40).optional().catch(undefined)),
  from: z.preprocess(blankToUndefined, calendarDateSchema.optional().catch(undefined)),
  to: z.preprocess(blankToUndefined, calendarDateSchema.optional().catch(undefined)),
  minZ: z.preprocess(blankToUndefined, z.coerce.number().min(0).max(100).optional().catch(undefined)),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1).catch(1)),
});
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
