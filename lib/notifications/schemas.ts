// One schema per input, shared by the admin forms, their server actions and any API.
import { z } from "zod";
import { NOTIFICATION_TYPES } from "@/lib/notifications/types";
import { webhookUrlSchema } from "@/lib/notifications/webhook-url";
import { paginationSchema } from "@/lib/validation/pagination";

const types = z.preprocess(
  (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(NOTIFICATION_TYPES)).min(1, "choose at least one notification type"),
);

export const webhookCreateSchema = z.object({
  name: z.string().trim().min(1, "give the webhook a name").max(100),
  url: webhookUrlSchema,
  types,
});
export type WebhookCreateInput = z.input<typeof webhookCreateSchema>;

export const webhookUpdateSchema = webhookCreateSchema.extend({
  id: z.coerce.number().int().positive(),
  enabled: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
});
export type WebhookUpdateInput = z.input<typeof webhookUpdateSchema>;

export const idSchema = z.object({ id: z.coerce.number().int().positive() });

export const SUBSCRIPTION_TARGETS = ["asset", "event", "theme"] as const;
export const subscriptionSchema = z.object({
  target: z.enum(SUBSCRIPTION_TARGETS),
  id: z.coerce.number().int().positive(),
});
export type SubscriptionInput = z.input<typeof subscriptionSchema>;

/** The inbox's list in the API: newest first, paginated, `unread=true` for unread ones only. */
export const inboxQuerySchema = paginationSchema.extend({
  unread: z.enum(["true", "false"], { error: "unread is true or false" }).optional().transform((v) => v === "true"),
});
export type InboxQueryInput = z.input<typeof inboxQuerySchema>;

/** Marks read the listed notifications of the caller's own inbox, or all of them. */
export const markReadSchema = z
  .object({
    ids: z.array(z.number({ error: "ids are notification ids (numbers)" }).int().positive().max(2_147_483_647), { error: "ids is a list of notification ids" })
      .min(1, "List at least one id, or send all: true")
      .max(1000, "At most 1,000 ids at a time")
      .optional(),
    all: z.literal(true, { error: "all can only be true" }).optional(),
  })
  .superRefine((d, ctx) => {
    if (d.ids === undefined && d.all === undefined) ctx.addIssue({ code: "custom", path: ["ids"], message: "Send ids, or all: true" });
    if (d.ids !== undefined && d.all !== undefined) ctx.addIssue({ code: "custom", path: ["all"], message: "Send ids or all: true, not both" });
  });
export type MarkReadInput = z.input<typeof markReadSchema>;
