// The read routing against two real servers: an embedded PostgreSQL primary and a streaming standby of it, made
// with the low-level base-backup API. Which server answered is proven by data only the primary has (written with a
// plain connection while the standby's replay is paused) and by pg_is_in_recovery() on the connection used.
import { mkdtemp, rm, chmod } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { freePort, startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded-postgres";
import { startEmbeddedReplica, waitForReplay, type RunningReplica } from "@/lib/db/embedded-replica";
import { applyMigrations } from "@/lib/db/migrations";
import { endPgPool } from "@/lib/db/pool";
import { checkReplicasNow, closeReadRouting, readDb, readQuery, readSource, replicaStatuses, setReadRoutingLog } from "@/lib/db/read-routing";
import { overviewData } from "@/lib/dashboard/overview";
import { createEvent } from "@/lib/events/commands";
import { searchEvents, eventQuerySchema } from "@/lib/events/search";
import { startBoss } from "@/lib/jobs/boss";
import { eventsReport, eventsReportSchema } from "@/lib/reports/events";
import { copyCsvStream } from "@/lib/reports/pg-copy-stream";
import { pricesWithEventsReport, pricesWithEventsSchema } from "@/lib/reports/prices-with-events";
import { readiness } from "@/lib/runtime/readiness";
import { eventStudyForEvent } from "@/lib/studies";
import { createUser } from "@/lib/auth/users";
import type { Principal } from "@/lib/auth/principal";

let dir: string;
let primary: RunningPostgres;
let replica: RunningReplica;
let sql: pg.Client;
let standby: pg.Client;
const logLines: string[] = [];
let analyst: Principal;
const savedUrl = process.env.DATABASE_URL;

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

function useLagLimit(seconds: number) {
  process.env.DATABASE_READ_MAX_LAG_SECONDS = String(seconds);
}

/** Replay resumed and caught up, and the router has seen it catch up after every write made so far. */
async function settle() {
  await standby.query("SELECT pg_wal_replay_resume()");
  await waitForReplay(primary.url, replica.url);
  await checkReplicasNow();
  await waitForReplay(primary.url, replica.url);
  await new Promise((r) => setTimeout(r, 20));
  await checkReplicasNow();
}

async function pauseReplay() {
  await standby.query("SELECT pg_wal_replay_pause()");
  for (let i = 0; i < 100; i++) {
    const { rows } = await standby.query<{ s: string }>("SELECT pg_get_wal_replay_pause_state() AS s");
    if (rows[0]!.s === "paused") return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("replay did not pause");
}

/** An event written with a plain connection: it is not the caller's write, so only replication can carry it. */
async function insertEventOnPrimary(title: string): Promise<number> {
  const { rows } = await sql.query<{ id: number }>(
    "INSERT INTO event (title, occurred_at, category, severity, countries, source_urls, tags, updated_at) VALUES ($1, now(), 'MILITARY', 3, '{KP}', '{}', '{}', now()) RETURNING id",
    [title],
  );
  return rows[0]!.id;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "faultline-replica-test-"));
  await chmod(dir, 0o755);
  primary = await startEmbeddedPostgres({ dataDir: path.join(dir, "primary"), port: await freePort(), database: "faultline", ephemeral: true });
  await applyMigrations(primary.url);
  replica = await startEmbeddedReplica(primary, { port: await freePort(), database: "faultline" });

  await disconnectDb();
  await endPgPool();
  process.env.DATABASE_URL = primary.url;
  process.env.DATABASE_READ_URL = replica.url;
  useLagLimit(30);
  setReadRoutingLog((line) => logLines.push(line));

  // Three assets with three years of synthetic closes and a few events, written set-based (a loaded machine makes
  // the interactive seed transaction slow).
  const seed = new pg.Client({ connectionString: primary.url });
  await seed.connect();
  seed.on("error", () => undefined);
  try {
    await seed.query(`
    INSERT INTO asset (symbol, name, asset_class, currency, exchange, time_zone, source, updated_at)
    SELECT s, s || ' index', 'EQUITY_INDEX', 'USD', 'NYQ', 'America/New_York', 'DEMO', now() FROM unnest(ARRAY['RPA', 'RPB', 'RPC']) AS s;
    INSERT INTO price_bar (asset_id, date, close)
    SELECT a.id, d::date, 100 * exp(0.01 * sin(a.id * 7 + extract(doy FROM d)) + 0.0002 * (d::date - '2023-01-01'::date))
    FROM asset a, generate_series(current_date - 1100, current_date - 1, interval '1 day') AS d WHERE extract(isodow FROM d) < 6;
    INSERT INTO event (title, occurred_at, category, severity, countries, source_urls, tags, updated_at)
    SELECT 'Seed event ' || n, current_date - n * 40, 'MILITARY', 3, '{KP}', '{}', '{}', now() FROM generate_series(1, 6) AS n;
    INSERT INTO exposure (event_id, asset_id, direction) SELECT e.id, a.id, 'DOWN' FROM event e, asset a;
  `);
  } finally {
    await seed.end();
  }
  const admin = { id: "bootstrap", name: "bootstrap", email: "x@example.test", role: "ADMIN" as const, via: "session" as const };
  const u = await createUser(admin, { name: "Replica Analyst", email: "replica-analyst@example.test", password: "correct horse battery staple", role: "ANALYST" });
  analyst = { id: u.id, name: u.name, email: u.email, role: u.role, via: "session" };

  sql = new pg.Client({ connectionString: primary.url });
  standby = new pg.Client({ connectionString: replica.url });
  // The standby is stopped and started by a test below: a dropped connection is expected, not a crash.
  sql.on("error", () => undefined);
  standby.on("error", () => undefined);
  await Promise.all([sql.connect(), standby.connect()]);
  await settle();
}, 120_000);

afterAll(async () => {
  await standby?.query("SELECT pg_wal_replay_resume()").catch(() => undefined);
  await Promise.all([sql?.end(), standby?.end()].map((p) => p?.catch(() => undefined)));
  await closeReadRouting();
  await disconnectDb();
  await endPgPool();
  delete process.env.DATABASE_READ_URL;
  delete process.env.DATABASE_READ_MAX_LAG_SECONDS;
  process.env.DATABASE_URL = savedUrl;
  await replica?.remove();
  await primary?.stop();
  await rm(dir, { recursive: true, force: true });
}, 60_000);

beforeEach(async () => {
  useLagLimit(30);
  await settle();
  logLines.length = 0;
});

describe("reads with a streaming replica", () => {
  it("runs overview, report and study reads on the replica (a paused standby does not see a new event)", async () => {
    expect((await readDb().$queryRaw<{ r: boolean }[]>`SELECT pg_is_in_recovery() AS r`)[0]!.r).toBe(true);
    expect((await readQuery<{ r: boolean }>("SELECT pg_is_in_recovery() AS r")).rows[0]!.r).toBe(true);
    expect(await text(await copyCsvStream("SELECT pg_is_in_recovery() AS in_recovery"))).toMatch(/in_recovery\r\nt\r\n/);
    expect(await readSource()).toMatchObject({ server: "replica", configured: true });

    const before = await overviewData();
    await pauseReplay();
    const probe = await insertEventOnPrimary("Replica probe: only on the primary");
    const asset = (await sql.query<{ id: number; symbol: string }>("SELECT id, symbol FROM asset ORDER BY id LIMIT 1")).rows[0]!;
    await sql.query("INSERT INTO price_bar (asset_id, date, close) VALUES ($1, '2099-01-02', 123.5)", [asset.id]);
    await checkReplicasNow();

    // The primary has them; every replica-routed read does not.
    expect((await sql.query("SELECT 1 FROM event WHERE id = $1", [probe])).rowCount).toBe(1);
    const during = await overviewData();
    expect(during.eventCounts[0]!.total).toBe(before.eventCounts[0]!.total);
    expect(await eventStudyForEvent(probe)).toBeNull();
    const events = await text(await (await eventsReport.run(eventsReportSchema.parse({}))).body({ bom: false }));
    expect(events).not.toContain("Replica probe");
    const prices = await text(await (await pricesWithEventsReport.run(pricesWithEventsSchema.parse({ assets: asset.symbol }))).body({ bom: false }));
    expect(prices).toContain(`${asset.symbol},`);
    expect(prices).not.toContain("2099-01-02");
    expect((await searchEvents(eventQuerySchema.parse({}))).data.map((e) => e.id)).not.toContain(probe);

    // Once replayed, the same reads show them: the difference was the server, not the query.
    await settle();
    expect((await overviewData()).eventCounts[0]!.total).toBe(before.eventCounts[0]!.total + 1);
    expect(await eventStudyForEvent(probe)).not.toBeNull();
    expect(await text(await (await pricesWithEventsReport.run(pricesWithEventsSchema.parse({ assets: asset.symbol }))).body({ bom: false }))).toContain("2099-01-02");
  });

  it("keeps the writer on the primary while its asynchronously committed write is not yet flushed to the WAL", async () => {
    // With synchronous_commit off (the test servers run so) a commit returns before its WAL is written out, so the
    // primary's write position can stay behind a write its caller already saw committed. A slow WAL writer keeps it
    // there for this test: a replica that has replayed up to that position has not got the write.
    await sql.query("ALTER SYSTEM SET wal_writer_delay = '10s'");
    await sql.query("SELECT pg_reload_conf()");
    try {
      await settle();
      const created = await createEvent(analyst, { title: "Committed, not yet flushed", occurredAt: "2024-11-05", category: "MILITARY", severity: 2, countries: ["KP"] } as never);
      const id = (created as { id: number }).id;
      await checkReplicasNow();
      await checkReplicasNow();
      expect(await readSource()).toMatchObject({ server: "primary", reason: "own-write" });
      expect((await searchEvents(eventQuerySchema.parse({}))).data.map((e) => e.id)).toContain(id);
    } finally {
      await sql.query("ALTER SYSTEM RESET wal_writer_delay");
      await sql.query("SELECT pg_reload_conf()");
      // A synchronously committed transaction flushes the WAL before it, so the standby can catch up at once.
      await sql.query("BEGIN; SET LOCAL synchronous_commit = on; SELECT txid_current(); COMMIT;");
    }
    await settle();
    expect(await readSource()).toMatchObject({ server: "replica" });
  });

  it("shows the caller's own write at once even with replay paused", async () => {
    await pauseReplay();
    const created = await createEvent(analyst, { title: "Written by me, read back at once", occurredAt: "2024-11-04", category: "MILITARY", severity: 3, countries: ["KP"] } as never);
    const id = (created as { id: number }).id;
    // The standby has not got it…
    expect((await standby.query("SELECT 1 FROM event WHERE id = $1", [id])).rowCount).toBe(0);
    // …but the writer's reads go to the primary until a replica has replayed past the write.
    expect(await readSource()).toMatchObject({ server: "primary", reason: "own-write" });
    expect((await searchEvents(eventQuerySchema.parse({}))).data.map((e) => e.id)).toContain(id);
    expect(await eventStudyForEvent(id)).not.toBeNull();

    await settle();
    expect(await readSource()).toMatchObject({ server: "replica" });
    expect((await searchEvents(eventQuerySchema.parse({}))).data.map((e) => e.id)).toContain(id);
  });

  it("sends reads to the primary once the replica lags past the limit, logging it once", async () => {
    useLagLimit(2);
    await checkReplicasNow();
    await checkReplicasNow();
    expect(await readSource()).toMatchObject({ server: "replica" });
    await pauseReplay();
    const probe = await insertEventOnPrimary("Lag probe");
    await checkReplicasNow();
    await new Promise((r) => setTimeout(r, 2_300));
    await checkReplicasNow();

    const source = await readSource();
    expect(source).toMatchObject({ server: "primary", reason: "lagging" });
    expect((source as { lagSeconds: number }).lagSeconds).toBeGreaterThan(2);
    for (let i = 0; i < 5; i++) expect(await eventStudyForEvent(probe)).not.toBeNull();
    await checkReplicasNow();
    expect(logLines.filter((l) => l.includes("is lagging")), logLines.join("\n")).toHaveLength(1);
    expect((await replicaStatuses())[0]).toMatchObject({ state: "lagging" });

    await settle();
    expect(await readSource()).toMatchObject({ server: "replica" });
    expect(logLines.filter((l) => l.includes("is healthy"))).toHaveLength(1);
  });

  it("measures no lag on an idle primary although the last replayed commit is old", async () => {
    await new Promise((r) => setTimeout(r, 2_200));
    await checkReplicasNow();
    const age = (await standby.query<{ s: number }>("SELECT extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS s")).rows[0]!.s;
    expect(age).toBeGreaterThan(2);
    const [status] = await replicaStatuses();
    expect(status).toMatchObject({ state: "healthy" });
    expect(status!.lagSeconds!).toBeLessThan(1);
  });

  it("answers from the primary in the same call when the replica stops, logs once, and stays ready", async () => {
    const boss = await startBoss({ connectionString: primary.url, supervise: false });
    await boss.stop({ graceful: false, wait: true });
    const before = await overviewData();
    await replica.stop();
    try {
      // The router still believes the replica healthy: the failing read itself moves to the primary.
      for (let i = 0; i < 5; i++) expect((await overviewData()).watchlist.length).toBe(before.watchlist.length);
      expect(await text(await copyCsvStream("SELECT pg_is_in_recovery() AS in_recovery"))).toMatch(/in_recovery\r\nf\r\n/);
      expect(logLines.filter((l) => l.includes("is down"))).toHaveLength(1);
      const r = await readiness();
      expect(r.ready).toBe(true);
      expect(r.replicas).toEqual([expect.objectContaining({ state: "down", lagSeconds: null })]);
      expect(await readSource()).toMatchObject({ server: "primary", reason: "down" });
    } finally {
      await replica.start();
    }
    standby = new pg.Client({ connectionString: replica.url });
    standby.on("error", () => undefined);
    await standby.connect();
    await settle();
    expect((await replicaStatuses())[0]).toMatchObject({ state: "healthy" });
    expect(await readSource()).toMatchObject({ server: "replica" });
  });
});
