// Publishing a notification: one inbox row per recipient and one delivery row per matching webhook, written in the
// caller's transaction when it passes one, so a notification exists exactly when what it announces does. Webhook
// deliveries are then sent by the job queue (lib/notifications/webhook-delivery.ts).
import "server-only";
import { randomUUID } from "node:crypto";
import { config } from "@/lib/config/env";
import type { Prisma } from "@/lib/db/generated/client";
import { writeTransaction } from "@/lib/db/transaction";
import { parseOrThrow } from "@/lib/validation/parse";
import { absoluteUrl, slackText, WEBHOOK_SCHEMA, type WebhookBody } from "@/lib/notifications/webhook-body";
import { notificationInputSchema, type NotificationInput, type PublishedNotification } from "@/lib/notifications/types";

type Tx = Prisma.TransactionClient;

const ROLES_AT_LEAST = { VIEWER: ["VIEWER", "ANALYST", "ADMIN"], ANALYST: ["ANALYST", "ADMIN"], ADMIN: ["ADMIN"] } as const;

async function recipients(tx: Tx, n: NotificationInput): Promise<string[]> {
  const follows: Prisma.SubscriptionWhereInput[] = [];
  if (n.assetIds?.length) follows.push({ assetId: { in: [...n.assetIds] } });
  if (n.eventId) follows.push({ eventId: n.eventId });
  if (n.themeIds?.length) follows.push({ themeId: { in: [...n.themeIds] } });
  const users = new Set<string>(n.userIds ?? []);
  if (follows.length) {
    for (const s of await tx.subscription.findMany({ where: { OR: follows }, select: { userId: true }, distinct: ["userId"] })) users.add(s.userId);
  }
  if (n.role) {
    for (const u of await tx.user.findMany({ where: { role: { in: [...ROLES_AT_LEAST[n.role]] } }, select: { id: true } })) users.add(u.id);
  }
  for (const id of n.excludeUserIds ?? []) users.delete(id);
  if (!users.size) return [];
  // Suspended accounts are not told anything; a user id that does not exist is dropped rather than failing the write.
  const live = await tx.user.findMany({ where: { id: { in: [...users] }, banned: { not: true } }, select: { id: true } });
  return live.map((u) => u.id);
}

function jsonOf(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value ?? {})) as Prisma.InputJsonValue;
}

async function publishIn(tx: Tx, n: NotificationInput, key: string): Promise<PublishedNotification> {
  const users = await recipients(tx, n);
  const payload = jsonOf(n.payload);
  const { count: notified } = users.length
    ? await tx.notification.createMany({
        data: users.map((userId) => ({ userId, type: n.type, key, title: n.title, text: n.text, url: n.url, payload })),
        skipDuplicates: true,
      })
    : { count: 0 };
  const hooks = await tx.webhook.findMany({ where: { enabled: true, revokedAt: null, types: { has: n.type } }, select: { id: true } });
  let deliveries = 0;
  if (hooks.length) {
    const url = absoluteUrl(n.url, config().BETTER_AUTH_URL);
    const body: WebhookBody = {
      schema: WEBHOOK_SCHEMA, id: key, type: n.type, createdAt: new Date().toISOString(), title: n.title,
      text: slackText(n.title, n.text, url), url, assetIds: [...(n.assetIds ?? [])], eventId: n.eventId ?? null,
      themeIds: [...(n.themeIds ?? [])], data: (n.payload ?? {}),
    };
    ({ count: deliveries } = await tx.webhookDelivery.createMany({
      data: hooks.map((h) => ({ webhookId: h.id, key, type: n.type, body: jsonOf(body) })),
      skipDuplicates: true,
    }));
  }
  return { key, notified, deliveries };
}

/**
 * Tells the subscribers of the named asset, event and themes (and `userIds`, and everyone with `role`), and queues one
 * delivery per enabled webhook that takes this type. With `tx` everything is written in the caller's transaction; the
 * caller then calls `sendQueuedWebhooks()` after its commit (a sweep every minute catches any it misses). Without
 * `tx` it commits on its own and queues the webhook sends itself.
 */
export async function publishNotification(input: NotificationInput, tx?: Tx): Promise<PublishedNotification> {
  const n = parseOrThrow(notificationInputSchema, input) as NotificationInput;
  const key = n.key ?? `${n.type}:${randomUUID()}`;
  if (tx) return publishIn(tx, n, key);
  const published = await writeTransaction((t) => publishIn(t, n, key));
  if (published.deliveries) await sendQueuedWebhooks();
  return published;
}

/**
 * Hands queued webhook deliveries to the job queue, best effort: a failure here only delays them until the worker's
 * next sweep. Loaded lazily so that publishing never starts a queue client when no webhook is configured.
 */
export async function sendQueuedWebhooks(): Promise<void> {
  try {
    const [{ senderBoss }, { enqueueQueuedDeliveries }] = await Promise.all([import("@/lib/jobs/boss"), import("@/lib/notifications/webhook-delivery")]);
    await enqueueQueuedDeliveries(await senderBoss());
  } catch (err) {
    console.error(`faultline webhooks: queued deliveries wait for the next sweep (${err instanceof Error ? err.message : String(err)})`);
  }
}
