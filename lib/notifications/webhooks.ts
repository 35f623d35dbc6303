// Admin side of outgoing webhooks: create (the secret is returned once, then only its sealed form is kept), edit,
// revoke, ping, and the dead-letter list with its retry. Every change is audited in its own transaction.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Principal } from "@/lib/auth/principal";
import { assertRole } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { writeTransaction } from "@/lib/db/transaction";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { sendQueuedWebhooks } from "@/lib/notifications/publish";
import { idSchema, webhookCreateSchema, webhookUpdateSchema, type WebhookCreateInput, type WebhookUpdateInput } from "@/lib/notifications/schemas";
import { slackText, WEBHOOK_SCHEMA, type WebhookBody } from "@/lib/notifications/webhook-body";
import { newWebhookSecret, sealSecret } from "@/lib/notifications/webhook-secret";

/** What may be shown about a webhook: never its secret. */
const PUBLIC = { id: true, name: true, url: true, types: true, enabled: true, version: true, createdAt: true, updatedAt: true, revokedAt: true } as const;

export async function listWebhooks() {
  const hooks = await db().webhook.findMany({ select: PUBLIC, orderBy: { id: "asc" } });
  const counts = await db().webhookDelivery.groupBy({ by: ["webhookId", "status"], _count: { _all: true } });
  return hooks.map((h) => ({
    ...h,
    deliveries: Object.fromEntries(counts.filter((c) => c.webhookId === h.id).map((c) => [c.status, c._count._all])) as Partial<Record<string, number>>,
  }));
}

export async function createWebhook(actor: Principal, input: WebhookCreateInput) {
  assertRole(actor, "ADMIN");
  const data = parseOrThrow(webhookCreateSchema, input);
  const secret = newWebhookSecret();
  const created = await writeTransaction(async (tx) => {
    const hook = await tx.webhook.create({ data: { ...data, secret: sealSecret(secret), createdById: actor.id }, select: PUBLIC });
    await recordAudit(tx, actor, { entity: "WEBHOOK", entityId: hook.id, action: "CREATE", after: hook });
    return hook;
  });
  return { webhook: created, secret };
}

export async function updateWebhook(actor: Principal, input: WebhookUpdateInput) {
  assertRole(actor, "ADMIN");
  const { id, ...data } = parseOrThrow(webhookUpdateSchema, input);
  return writeTransaction(async (tx) => {
    const before = await tx.webhook.findUnique({ where: { id }, select: PUBLIC });
    if (!before || before.revokedAt) throw new NotFoundError(`There is no webhook ${id}.`);
    const after = await tx.webhook.update({ where: { id }, data: { ...data, version: { increment: 1 } }, select: PUBLIC });
    await recordAudit(tx, actor, { entity: "WEBHOOK", entityId: id, action: "UPDATE", before, after });
    return after;
  });
}

/** Revoked for good: queued deliveries are cancelled when their turn comes, nothing new is queued. */
export async function revokeWebhook(actor: Principal, input: { id: unknown }) {
  assertRole(actor, "ADMIN");
  const { id } = parseOrThrow(idSchema, input);
  return writeTransaction(async (tx) => {
    const before = await tx.webhook.findUnique({ where: { id }, select: PUBLIC });
    if (!before || before.revokedAt) throw new NotFoundError(`There is no webhook ${id}.`);
    const after = await tx.webhook.update({ where: { id }, data: { revokedAt: new Date(), enabled: false, version: { increment: 1 } }, select: PUBLIC });
    await recordAudit(tx, actor, { entity: "WEBHOOK", entityId: id, action: "DELETE", before, after });
    return after;
  });
}

/** Queues a "webhook.ping" to one webhook, signed like any delivery, to check the receiver end to end. */
export async function pingWebhook(actor: Principal, input: { id: unknown }) {
  assertRole(actor, "ADMIN");
  const { id } = parseOrThrow(idSchema, input);
  const hook = await db().webhook.findUnique({ where: { id }, select: PUBLIC });
  if (!hook || hook.revokedAt) throw new NotFoundError(`There is no webhook ${id}.`);
  const key = `webhook.ping:${randomUUID()}`;
  const title = `Test from Faultline: webhook "${hook.name}" is reachable`;
  const body: WebhookBody = {
    schema: WEBHOOK_SCHEMA, id: key, type: "webhook.ping", createdAt: new Date().toISOString(), title,
    text: slackText(title, `Sent by ${actor.name}.`, ""), url: "", assetIds: [], eventId: null, themeIds: [], data: {},
  };
  const delivery = await db().webhookDelivery.create({ data: { webhookId: id, key, type: "webhook.ping", body: JSON.parse(JSON.stringify(body)) }, select: { id: true } });
  await sendQueuedWebhooks();
  return delivery;
}

/** Deliveries that failed every attempt, newest first: the Jobs page's dead-letter list. */
export async function deadDeliveries(limit = 50) {
  return db().webhookDelivery.findMany({
    where: { status: "DEAD" },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, key: true, type: true, attempts: true, lastError: true, lastStatus: true, createdAt: true, webhook: { select: { id: true, name: true, url: true, revokedAt: true } } },
  });
}

/** Gives a dead delivery a fresh set of attempts. */
export async function retryDeadDelivery(actor: Principal, input: { id: unknown }) {
  assertRole(actor, "ADMIN");
  const { id } = parseOrThrow(idSchema, input);
  await writeTransaction(async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id, status: "DEAD" },
      data: { status: "PENDING", attempts: 0, enqueuedAt: null, nextAttemptAt: null, claimedAt: null },
    });
    if (!count) throw new ValidationError({ id: ["This delivery is not in the dead-letter list"] });
    const row = await tx.webhookDelivery.findUniqueOrThrow({ where: { id }, select: { webhookId: true, key: true } });
    await recordAudit(tx, actor, { entity: "WEBHOOK", entityId: row.webhookId, action: "UPDATE", after: { retriedDelivery: id, key: row.key } });
  });
  await sendQueuedWebhooks();
}
