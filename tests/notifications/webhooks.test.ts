// Webhooks against a receiver on loopback, sent by two pg-boss workers sharing the test database, as two app
// instances would: signed, retried after a 500 and after a timeout, dead after the last attempt and retried from the
// dead-letter list, delivered once however many jobs name a delivery, and stopped or redirected at once by a revoke
// or an edit.
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { http as mswHttp, passthrough } from "msw";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db/client";
import { senderBoss, startBoss } from "@/lib/jobs/boss";
import { publishNotification } from "@/lib/notifications/publish";
import { WEBHOOK_DELIVER, enqueueQueuedDeliveries, startWebhookWorker, type DeliveryPolicy } from "@/lib/notifications/webhook-delivery";
import { createWebhook, deadDeliveries, listWebhooks, retryDeadDelivery, revokeWebhook, updateWebhook } from "@/lib/notifications/webhooks";
import { mswServer } from "../msw/server";
import { createSignedInUser } from "../helpers/request-context";

const POLICY: DeliveryPolicy = { maxAttempts: 3, retryDelaySeconds: 1, timeoutMs: 400, pollingIntervalSeconds: 0.5 };

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A receiver whose next answers are scripted: "500", "hang" (never answers), otherwise 204. */
function startReceiver() {
  const received: Received[] = [];
  const script: string[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body });
      const next = script.shift();
      if (next === "hang") return;
      res.statusCode = next === "500" ? 500 : 204;
      res.end();
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  return new Promise<{ url: string; received: Received[]; script: string[]; close: () => Promise<void> }>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        received,
        script,
        close: () => new Promise((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
      });
    });
  });
}

async function waitFor<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

const deliveryOf = (key: string) => db().webhookDelivery.findFirst({ where: { key } });
const settled = (key: string) => waitFor(async () => {
  const d = await deliveryOf(key);
  return d && ["DELIVERED", "DEAD", "CANCELLED"].includes(d.status) ? d : null;
});

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let workers: PgBoss[] = [];
let admin: Principal;
let hook: { id: number; secret: string };
let n = 0;

function publish(type: "event.created" | "verdict.scored" = "event.created") {
  n++;
  return publishNotification({ type, key: `test:${n}`, title: `Notification ${n}`, text: "Something <happened> & more", url: `/events/${n}`, eventId: null, payload: { n } });
}

beforeAll(async () => {
  receiver = await startReceiver();
  admin = (await createSignedInUser("ADMIN", "Ada")).principal;
  const url = process.env.DATABASE_URL!;
  workers = await Promise.all([startBoss({ connectionString: url, supervise: true }), startBoss({ connectionString: url, supervise: true })]);
  for (const boss of workers) await startWebhookWorker(boss, { policy: POLICY });
  const created = await createWebhook(admin, { name: "Chat", url: `${receiver.url}/a`, types: ["event.created", "verdict.scored"] });
  hook = { id: created.webhook.id, secret: created.secret };
});

beforeEach(() => {
  mswServer.use(mswHttp.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()));
  receiver.received.length = 0;
  receiver.script.length = 0;
});

afterAll(async () => {
  await Promise.all([...workers, await senderBoss()].map((b) => b.stop({ graceful: false, wait: true })));
  await receiver.close();
});

describe("outgoing webhooks", () => {
  it("posts a signed JSON body once, with a Slack-compatible text, and never shows the secret again", async () => {
    expect(hook.secret).toMatch(/^whsec_/);
    const { key } = await publish();
    const d = await settled(key);
    expect(d.status).toBe("DELIVERED");
    expect(receiver.received).toHaveLength(1);
    const [r] = receiver.received;
    const ts = r!.headers["x-faultline-timestamp"] as string;
    expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(30);
    const expected = createHmac("sha256", hook.secret).update(`${ts}.${r!.body}`).digest("hex");
    expect(r!.headers["x-faultline-signature"]).toBe(`sha256=${expected}`);
    expect(r!.headers["content-type"]).toBe("application/json");
    const body = JSON.parse(r!.body) as Record<string, unknown>;
    expect(body).toMatchObject({ schema: "faultline.notification/1", id: key, type: "event.created", title: `Notification ${n}`, data: { n } });
    expect(body.text).toBe(`*Notification ${n}*\nSomething &lt;happened&gt; &amp; more\n/events/${n}`);
    // The secret is stored sealed and never part of what the admin pages read.
    const stored = await db().webhook.findUniqueOrThrow({ where: { id: hook.id } });
    expect(stored.secret).not.toContain(hook.secret);
    expect(JSON.stringify(await listWebhooks())).not.toContain("whsec_");
  });

  it("delivers once with two workers, however many jobs name the delivery", async () => {
    const { key } = await publish();
    const row = await waitFor(() => deliveryOf(key));
    // Both instances sweep at once, and stray duplicate jobs name the same row.
    await Promise.all(workers.map((b) => enqueueQueuedDeliveries(b)));
    await Promise.all([...workers, ...workers].map((b) => b.send(WEBHOOK_DELIVER, { deliveryId: row.id })));
    const d = await settled(key);
    expect(d.status).toBe("DELIVERED");
    await new Promise((r) => setTimeout(r, 2_000)); // every duplicate job has had its turn
    expect(receiver.received.filter((r) => JSON.parse(r.body).id === key)).toHaveLength(1);
    expect((await deliveryOf(key))!.attempts).toBe(1);
  });

  it("retries after a 500 with the same body and a fresh signature", async () => {
    receiver.script.push("500");
    const { key } = await publish();
    const d = await settled(key);
    expect(d).toMatchObject({ status: "DELIVERED", attempts: 2, lastStatus: 204 });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.body).toBe(receiver.received[0]!.body);
    for (const r of receiver.received) {
      const ts = r.headers["x-faultline-timestamp"] as string;
      expect(r.headers["x-faultline-signature"]).toBe(`sha256=${createHmac("sha256", hook.secret).update(`${ts}.${r.body}`).digest("hex")}`);
    }
  });

  it("gives up on a receiver that does not answer within the timeout, and tries again", async () => {
    receiver.script.push("hang");
    const started = Date.now();
    const { key } = await publish();
    const d = await settled(key);
    expect(d).toMatchObject({ status: "DELIVERED", attempts: 2 });
    expect(receiver.received).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("lands in the dead-letter list after the last attempt, and a retry from there delivers it", async () => {
    receiver.script.push("500", "500", "500");
    const { key } = await publish();
    const d = await settled(key);
    expect(d).toMatchObject({ status: "DEAD", attempts: 3, lastStatus: 500, lastError: "HTTP 500" });
    expect((await deadDeliveries()).map((x) => x.key)).toContain(key);
    await retryDeadDelivery(admin, { id: d.id });
    expect(await settled(key)).toMatchObject({ status: "DELIVERED", attempts: 1 });
    expect(receiver.received).toHaveLength(4);
    expect(await db().auditEntry.count({ where: { entity: "WEBHOOK", entityId: hook.id, action: "UPDATE" } })).toBe(1);
  });

  it("the sweep picks up a delivery a crashed worker left half-sent, and sends it once", async () => {
    const key = `crashed:${++n}`;
    const { id } = await db().webhookDelivery.create({
      data: { webhookId: hook.id, key, type: "event.created", body: { schema: "faultline.notification/1", id: key }, status: "SENDING", attempts: 1 },
    });
    // Claimed ten minutes ago and never finished; its job is gone.
    await db().$executeRaw`UPDATE webhook_delivery SET claimed_at = now() - interval '10 minutes', enqueued_at = now() - interval '20 minutes' WHERE id = ${id}`;
    const swept = await Promise.all(workers.map((b) => enqueueQueuedDeliveries(b)));
    expect(swept.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await settled(key)).toMatchObject({ status: "DELIVERED", attempts: 2 });
    expect(receiver.received.filter((r) => JSON.parse(r.body).id === key)).toHaveLength(1);
  });

  it("an edit takes effect at the next attempt: a new URL is used, a dropped type stops delivery", async () => {
    receiver.script.push("500");
    const first = await publish();
    await waitFor(async () => receiver.received.length === 1);
    await updateWebhook(admin, { id: hook.id, name: "Chat", url: `${receiver.url}/b`, types: ["event.created", "verdict.scored"], enabled: true });
    const d = await settled(first.key);
    expect(d).toMatchObject({ status: "DELIVERED", webhookVersion: 2 });
    expect(receiver.received.map((r) => r.path)).toEqual(["/a", "/b"]);

    receiver.script.push("500");
    const second = await publish("verdict.scored");
    await waitFor(async () => receiver.received.length === 3);
    await updateWebhook(admin, { id: hook.id, name: "Chat", url: `${receiver.url}/b`, types: ["event.created"], enabled: true });
    expect(await settled(second.key)).toMatchObject({ status: "CANCELLED" });
    expect(receiver.received).toHaveLength(3);
  });

  it("a revoke stops a delivery waiting for its retry, and nothing new is queued", async () => {
    receiver.script.push("500");
    const { key } = await publish();
    await waitFor(async () => receiver.received.length === 1);
    await revokeWebhook(admin, { id: hook.id });
    expect(await settled(key)).toMatchObject({ status: "CANCELLED" });
    const later = await publish();
    expect(later.deliveries).toBe(0);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(receiver.received).toHaveLength(1);
  });
});
