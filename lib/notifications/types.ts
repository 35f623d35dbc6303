// What a notification says, shared by the inbox, the webhooks and every domain that publishes one.
import { z } from "zod";

export const NOTIFICATION_TYPES = ["move.detected", "verdict.scored", "event.created", "refresh.failing"] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const NOTIFICATION_TYPE_LABEL: Record<NotificationType, string> = {
  "move.detected": "New move to explain",
  "verdict.scored": "Verdict scored",
  "event.created": "New event in a theme",
  "refresh.failing": "Price refresh failing",
};

export const notificationTypeSchema = z.enum(NOTIFICATION_TYPES);

/** One notification as a domain publishes it. Recipients: subscribers of the named asset, event and themes, plus `userIds` and `roles`. */
export interface NotificationInput {
  type: NotificationType;
  /** One line, e.g. "^KS11, EWY and KRW=X moved together on 2024-12-04". */
  title: string;
  /** A sentence or two of plain text; webhooks send it as Slack's `text` with the title and link. */
  text: string;
  /** A path inside the app ("/events/42") or an absolute URL. */
  url: string;
  assetIds?: readonly number[];
  eventId?: number | null;
  themeIds?: readonly number[];
  /** Users told whatever they follow (an event's creator for its verdict). */
  userIds?: readonly string[];
  /** Everyone with this role or above, e.g. "ADMIN" for failing refreshes. */
  role?: "VIEWER" | "ANALYST" | "ADMIN";
  /** Users never told, typically whoever caused it. */
  excludeUserIds?: readonly string[];
  /**
   * Names what happened, e.g. "move.detected:2024-12-04:12". Publishing the same key again adds nothing: each user
   * and each webhook gets a key once. Defaults to a fresh random key.
   */
  key?: string;
  /** Type-specific details, sent as `data` in webhook bodies. JSON only. */
  payload?: Record<string, unknown>;
}

export interface PublishedNotification {
  key: string;
  /** Users whose inbox gained the notification (0 when all had it already). */
  notified: number;
  /** Webhook deliveries queued. */
  deliveries: number;
}

const ids = z.array(z.number().int().positive()).max(1000);
export const notificationInputSchema = z.object({
  type: notificationTypeSchema,
  title: z.string().trim().min(1).max(300),
  text: z.string().max(4000),
  url: z.string().min(1).max(2000),
  assetIds: ids.optional(),
  eventId: z.number().int().positive().nullable().optional(),
  themeIds: ids.optional(),
  userIds: z.array(z.string().min(1)).max(1000).optional(),
  role: z.enum(["VIEWER", "ANALYST", "ADMIN"]).optional(),
  excludeUserIds: z.array(z.string().min(1)).max(1000).optional(),
  key: z.string().min(1).max(300).optional(),
  payload: z.record(z.string(), z.unknown()).optional(),
});
