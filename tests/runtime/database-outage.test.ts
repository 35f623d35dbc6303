// The database going away while the app serves: requests fail fast with a clear 503 (no hang, no stack trace, no
// crash), the app recovers by itself once PostgreSQL is back, and nothing that was acknowledged is lost. Also a
// connection dropped inside a write transaction: the client is told, and nothing of the write is kept.
// This file runs its own PostgreSQL (not the shared test server) so it can stop and start it.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as listEvents, POST as createEventRoute } from "@/app/api/v1/events/route";
import { freePort, startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded-postgres";
import { db, disconnectDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations";
import { seedStoryline } from "@/lib/seed/seed";
import { createSignedInUser, type TestUser } from "../helpers/request-context";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);

let server: RunningPostgres;
let dataDir: string;
let port: number;
let ana: TestUser;
const noParams = { params: Promise.resolve({} as never) };

async function startServer(): Promise<RunningPostgres> {
  return startEmbeddedPostgres({ dataDir, port, database: "faultline" });
}

function get(): Promise<Response> {
  return listEvents(new Request("http://localhost:3000/api/v1/events?pageSize=5", { headers: { cookie: ana.cookie } }), noParams);
}

function post(title: string): Promise<Response> {
  const body = JSON.stringify({ title, occurredAt: "2024-06-19", category: "TREATY", severity: 3, countries: ["RU"] });
  return createEventRoute(new Request("http://localhost:3000/api/v1/events", { method: "POST", headers: { cookie: ana.cookie, "content-type": "application/json" }, body }), noParams);
}

async function timed(res: Promise<Response>): Promise<{ status: number; body: string; ms: number }> {
  const t0 = performance.now();
  const r = await res;
  return { status: r.status, body: await r.text(), ms: performance.now() - t0 };
}

let originalUrl: string | undefined;

beforeAll(async () => {
  originalUrl = process.env.DATABASE_URL;
  const dir = await mkdtemp(path.join(os.tmpdir(), "faultline-outage-"));
  await chmod(dir, 0o755);
  dataDir = path.join(dir, "pgdata");
  port = await freePort();
  server = await startServer();
  await applyMigrations(server.url);
  process.env.DATABASE_URL = server.url;
  await seedStoryline("DEMO");
  ana = await createSignedInUser("ANALYST", "Ana");
}, 120_000);

afterAll(async () => {
  await disconnectDb();
  await server.stop();
  await rm(path.dirname(dataDir), { recursive: true, force: true });
  process.env.DATABASE_URL = originalUrl;
});

describe("database outage", () => {
  it("answers 503 fast while PostgreSQL is down, recovers within 5 s of its return, and loses nothing acknowledged", async () => {
    const acknowledged: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await timed(post(`Before the outage ${i}`));
      expect(r.status).toBe(201);
      acknowledged.push(`Before the outage ${i}`);
    }

    await server.stop();
    const during = await Promise.all([...Array.from({ length: 10 }, () => timed(get())), ...Array.from({ length: 10 }, (_, i) => timed(post(`During the outage ${i}`)))]);
    for (const r of during) {
      expect(r.status).toBe(503);
      expect(JSON.parse(r.body)).toMatchObject({ error: { status: 503, code: "database_unavailable", message: expect.stringMatching(/not reachable.*nothing was saved/i) } });
      expect(r.body).not.toMatch(/ECONNREFUSED|at .*\.ts|stack/i);
      // connectionTimeoutMillis is 5 s; a refused connection fails at once, so well under it.
      expect(r.ms).toBeLessThan(5_000);
    }

    server = await startServer();
    const back = performance.now();
    let recoveredAfter = Number.POSITIVE_INFINITY;
    while (performance.now() - back < 10_000) {
      const r = await timed(get());
      if (r.status === 200) {
        recoveredAfter = performance.now() - back;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(recoveredAfter).toBeLessThan(5_000);
    const after = await timed(post("After the outage"));
    expect(after.status).toBe(201);
    acknowledged.push("After the outage");

    const stored = await db().event.findMany({ where: { title: { in: acknowledged } }, select: { id: true } });
    expect(stored).toHaveLength(acknowledged.length);
    expect(await db().auditEntry.count({ where: { entity: "EVENT", entityId: { in: stored.map((e) => e.id) }, action: "CREATE" } })).toBe(acknowledged.length);
    expect(await db().event.count({ where: { title: { startsWith: "During the outage" } } })).toBe(0);
  }, 60_000);

  it("a connection dropped inside a write transaction is reported and leaves nothing behind; a retry succeeds", async () => {
    const blocker = new pg.Client({ connectionString: server.url });
    await blocker.connect();
    try {
      // Hold the audit table so the event insert happens and then waits inside its transaction for the audit insert.
      await blocker.query("BEGIN; LOCK TABLE audit_entry IN EXCLUSIVE MODE");
      const pending = timed(post("Killed mid-transaction"));
      let pid: number | undefined;
      for (let i = 0; i < 100 && pid === undefined; i++) {
        const r = await blocker.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database() AND pid <> pg_backend_pid()");
        pid = r.rows[0]?.pid;
        if (pid === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(pid, "the write never reached its lock wait").toBeDefined();
      await blocker.query("SELECT pg_terminate_backend($1)", [pid]);
      await blocker.query("ROLLBACK");
      const killed = await pending;
      expect(killed.status).toBe(503);
      expect(JSON.parse(killed.body)).toMatchObject({ error: { code: "database_unavailable" } });
    } finally {
      await blocker.end();
    }
    expect(await db().event.count({ where: { title: "Killed mid-transaction" } })).toBe(0);

    const retry = await timed(post("Killed mid-transaction"));
    expect(retry.status).toBe(201);
    const event = await db().event.findFirstOrThrow({ where: { title: "Killed mid-transaction" } });
    expect(await db().auditEntry.count({ where: { entity: "EVENT", entityId: event.id } })).toBe(1);
  }, 60_000);
});
