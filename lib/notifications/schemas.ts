// One schema per input, shared by the admin forms, their server actions and any API.
import { z } from "zod";
import { NOTIFICATION_TYPES } from "@/lib/notifications/types";
import { webhookUrlSchema } from "@/lib/notifications/webhook-url";

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
