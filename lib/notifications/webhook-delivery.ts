// Sending webhook deliveries through pg-boss. A delivery row (status, attempts) is the source of truth; a job only
// says "try delivery N now". Exactly once across app instances: a job is enqueued for a row by the one instance whose
// conditional UPDATE of `enqueued_at` matched, and a send happens only after a conditional UPDATE claims the row, so
// a duplicated job finds nothing to claim. The webhook is read at send time: a revoked, disabled or retyped webhook
// stops at once, an edited URL or secret is used from the next attempt.
import "server-only";
import type PgBoss from "pg-boss";
import { db } from "@/lib/db/client";
import { openSecret, signWebhook } from "@/lib/notifications/webhook-secret";

export const WEBHOOK_DELIVER = "notifications.webhook-deliver";
export const WEBHOOK_SWEEP = "notifications.webhook-sweep";

export interface DeliveryPolicy {
  /** Attempts in all, the first included; then the delivery is dead. */
  maxAttempts: number;
  /** pg-boss retryDelay: the n-th retry waits about delay × 2^n s (with jitter). */
  retryDelaySeconds: number;
  /** Per request, through AbortSignal.timeout. */
  timeoutMs: number;
  pollingIntervalSeconds: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { maxAttempts: 6, retryDelaySeconds: 30, timeoutMs: 10_000, pollingIntervalSeconds: 2 };

interface DeliverJob {
  deliveryId: number;
}

/** A SENDING row older than this was left by a crashed worker and may be claimed again. */
const STALE_CLAIM = "5 minutes";

export async function ensureWebhookQueues(boss: PgBoss, policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY): Promise<void> {
  await boss.createQueue(WEBHOOK_SWEEP, { name: WEBHOOK_SWEEP, policy: "singleton", retryLimit: 0 });
  await boss.createQueue(WEBHOOK_DELIVER, {
    name: WEBHOOK_DELIVER,
    retryLimit: policy.maxAttempts - 1,
    retryDelay: policy.retryDelaySeconds,
    retryBackoff: true,
    // A send never outlives its timeout by much; an expired job is retried and re-claims its stale row.
    expireInSeconds: Math.ceil(policy.timeoutMs / 1000) + 60,
  });
}

/**
 * Enqueues one job per delivery that has none yet, or whose job was lost: queued over 10 minutes ago and never
 * claimed, left SENDING by a crashed worker, or waiting for a retry long overdue. The conditional UPDATE hands each
 * row to one caller, however many instances sweep at once.
 */
export async function enqueueQueuedDeliveries(boss: PgBoss): Promise<number> {
  const rows = await db().$queryRaw<{ id: number }[]>`
    UPDATE webhook_delivery SET enqueued_at = now()
    WHERE id IN (
      SELECT id FROM webhook_delivery
      WHERE (enqueued_at IS NULL OR enqueued_at < now() - interval '10 minutes')
        AND (status = 'PENDING'
          OR (status = 'SENDING' AND claimed_at < now() - ${STALE_CLAIM}::interval)
          OR (status = 'RETRY' AND next_attempt_at < now() - interval '15 minutes'))
      ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  for (const { id } of rows) await boss.send(WEBHOOK_DELIVER, { deliveryId: id } satisfies DeliverJob);
  return rows.length;
}

type Claimed = { id: number; webhook_id: number; key: string; type: string; body: unknown; attempts: number };

async function claim(deliveryId: number): Promise<Claimed | null> {
  const rows = await db().$queryRaw<Claimed[]>`
    UPDATE webhook_delivery SET status = 'SENDING', claimed_at = now(), attempts = attempts + 1
    WHERE id = ${deliveryId}
      AND (status IN ('PENDING', 'RETRY') OR (status = 'SENDING' AND claimed_at < now() - ${STALE_CLAIM}::interval))
    RETURNING id, webhook_id, key, type, body, attempts`;
  return rows[0] ?? null;
}

export type DeliveryResult = "delivered" | "retry" | "dead" | "cancelled" | "not-claimed";

class RetryableDeliveryError extends Error {}

/** One attempt at one delivery. Throws (for pg-boss to retry with backoff) when it should be tried again. */
export async function attemptDelivery(deliveryId: number, policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY): Promise<DeliveryResult> {
  const row = await claim(deliveryId);
  if (!row) return "not-claimed";
  const hook = await db().webhook.findUnique({ where: { id: row.webhook_id } });
  const live = hook && hook.enabled && !hook.revokedAt && (row.type === "webhook.ping" || hook.types.includes(row.type));
  if (!hook || !live) {
    await db().webhookDelivery.update({
      where: { id: row.id },
      data: { status: "CANCELLED", lastError: hook ? "the webhook was revoked, disabled or no longer takes this type" : "the webhook was deleted", claimedAt: null },
    });
    return "cancelled";
  }
  const body = JSON.stringify(row.body);
  let error: string;
  let status: number | null = null;
  try {
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await fetch(hook.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Faultline-Webhooks/1",
        "x-faultline-timestamp": String(timestamp),
        "x-faultline-signature": signWebhook(openSecret(hook.secret), timestamp, body),
        "x-faultline-delivery": `${row.id}`,
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(policy.timeoutMs),
    });
    status = res.status;
    // The receiver's body is not read. Cancelling it is not awaited: a cancel that never settles (seen with an
    // intercepting fetch in tests) or a receiver still streaming must not hold the attempt open in SENDING.
    void res.body?.cancel().catch(() => undefined);
    if (res.ok) {
      await db().webhookDelivery.update({
        where: { id: row.id },
        data: { status: "DELIVERED", deliveredAt: new Date(), lastStatus: status, lastError: null, webhookVersion: hook.version, claimedAt: null, nextAttemptAt: null },
      });
      return "delivered";
    }
    error = `HTTP ${status}${res.status >= 300 && res.status < 400 ? " (redirects are not followed)" : ""}`;
  } catch (err) {
    const name = err instanceof Error ? err.name : "";
    error = name === "TimeoutError" ? `no response within ${policy.timeoutMs} ms` : `request failed: ${err instanceof Error ? err.message : String(err)}`;
  }
  const dead = row.attempts >= policy.maxAttempts;
  const nextAttemptAt = dead ? null : new Date(Date.now() + policy.retryDelaySeconds * 1000 * 2 ** (row.attempts - 1));
  await db().webhookDelivery.update({
    where: { id: row.id },
    data: { status: dead ? "DEAD" : "RETRY", lastStatus: status, lastError: error, webhookVersion: hook.version, claimedAt: null, nextAttemptAt },
  });
  if (dead) return "dead";
  throw new RetryableDeliveryError(`webhook ${hook.id} delivery ${row.id}: ${error}`);
}

export interface WebhookWorkerOptions {
  policy?: DeliveryPolicy;
  /** Sweep for deliveries without a job every minute (the app's worker); tests sweep by hand. */
  cron?: boolean;
}

export async function startWebhookWorker(boss: PgBoss, options: WebhookWorkerOptions = {}): Promise<void> {
  const policy = options.policy ?? DEFAULT_DELIVERY_POLICY;
  await ensureWebhookQueues(boss, policy);
  if (options.cron) await boss.schedule(WEBHOOK_SWEEP, "* * * * *", {}, { tz: "UTC" });
  await boss.work(WEBHOOK_SWEEP, async () => {
    await enqueueQueuedDeliveries(boss);
  });
  await boss.work<DeliverJob>(WEBHOOK_DELIVER, { batchSize: 1, pollingIntervalSeconds: policy.pollingIntervalSeconds }, async ([job]) => {
    if (job) await attemptDelivery(job.data.deliveryId, policy);
  });
}
