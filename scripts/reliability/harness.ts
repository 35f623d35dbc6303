// Shared by the reliability suites: a PostgreSQL of their own (so a suite can stop and start it), Faultline's
// production build started exactly as `npm start` does and pointed at it, and accounts signed in over HTTP.
// Everything listens on 127.0.0.1 and is removed when the suite ends.
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createUser } from "@/lib/auth/users";
import { childEnvironment, overrideConfig } from "@/lib/config/env";
import type { Role } from "@/lib/auth/roles";
import { disconnectDb } from "@/lib/db/client";
import { freePort, startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded-postgres";
import { startEmbeddedReplica, type RunningReplica } from "@/lib/db/embedded-replica";
import { applyMigrations } from "@/lib/db/migrations";
import { endPgPool } from "@/lib/db/pool";

export const ADMIN = { email: "admin@example.test", password: "reliability suite password 2024" } as const;
export const PASSWORD = "reliability analyst password 2024";

export interface Database {
  url: string;
  /** The running server (for a standby of it); throws while stopped. */
  running(): RunningPostgres;
  stop(): Promise<void>;
  start(): Promise<void>;
  remove(): Promise<void>;
}

/** A durable (fsync on) PostgreSQL on a free loopback port, restartable on the same port and data. */
export async function startDatabase(): Promise<Database> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "faultline-reliability-"));
  await chmod(dir, 0o755);
  const port = await freePort();
  const options = { dataDir: path.join(dir, "pgdata"), port, database: "faultline" };
  let running: RunningPostgres | null = await startEmbeddedPostgres(options);
  await applyMigrations(running.url);
  overrideConfig({ DATABASE_URL: running.url });
  const url = running.url;
  return {
    url,
    running() {
      if (!running) throw new Error("the database is stopped");
      return running;
    },
    async stop() {
      await running?.stop();
      running = null;
    },
    async start() {
      running = await startEmbeddedPostgres(options);
    },
    async remove() {
      await disconnectDb();
      await endPgPool();
      await running?.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Set-based demo content (11 assets × 3 years of synthetic closes, 30 events with exposures), so a start finds the
 * database seeded and skips its first-run seed, whose interactive transaction can outlast its timeout on a machine
 * busy with other suites.
 */
export async function seedSetBased(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`
      INSERT INTO asset (symbol, name, asset_class, currency, exchange, time_zone, source, updated_at)
      SELECT 'DEMO' || n, 'Demo index ' || n, 'EQUITY_INDEX', 'USD', 'NYQ', 'America/New_York', 'DEMO', now() FROM generate_series(1, 11) AS n;
      INSERT INTO price_bar (asset_id, date, close)
      SELECT a.id, d::date, 100 * exp(0.02 * sin(a.id * 7 + extract(doy FROM d) / 9.0) + 0.0002 * (d::date - (current_date - 1100)))
      FROM asset a, generate_series(current_date - 1100, current_date - 1, interval '1 day') AS d WHERE extract(isodow FROM d) < 6;
      INSERT INTO event (title, occurred_at, category, severity, countries, source_urls, tags, updated_at)
      SELECT 'Demo event ' || n, current_date - n * 30, 'MILITARY', 1 + n % 5, '{KP}', '{}', '{}', now() FROM generate_series(1, 30) AS n;
      INSERT INTO exposure (event_id, asset_id, direction) SELECT e.id, a.id, 'DOWN' FROM event e, asset a WHERE (e.id + a.id) % 3 = 0;
    `);
  } finally {
    await c.end();
  }
}

/** A streaming standby of `db` on a free loopback port (base backup through the low-level API). */
export async function startReplica(db: Database): Promise<RunningReplica> {
  return startEmbeddedReplica(db.running(), { port: await freePort(), database: "faultline" });
}

export interface App {
  baseUrl: string;
  port: number;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** `scripts/start.ts` on a free port against `databaseUrl` (builds first when the sources changed). */
export async function startFaultline(databaseUrl: string, env: Record<string, string> = {}, timeoutMs = 300_000): Promise<App> {
  const port = Number(env.PORT ?? (await freePort()));
  const baseUrl = `http://127.0.0.1:${port}`;
  let out = "";
  // react-server: modules marked "server-only" (the worker imports some) load in this server process as they do in Next.
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
    env: childEnvironment({
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      MARKET_DATA: "demo",
      NEXT_TELEMETRY_DISABLED: "1",
      BETTER_AUTH_URL: baseUrl,
      BETTER_AUTH_SECRET: "reliability-suite-secret-0123456789abcdef",
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: "warn",
      ...env,
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Faultline exited early:\n${out}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Faultline did not answer within ${timeoutMs / 1000} s:\n${out}`);
    }
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseUrl,
    port,
    process: child,
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Creates accounts directly in the database (as an admin would on the Accounts page). */
export async function createAccounts(role: Role, count: number, prefix: string): Promise<{ email: string }[]> {
  const admin = { id: "reliability", name: "reliability", email: "r@example.test", role: "ADMIN" as const, via: "session" as const };
  const out: { email: string }[] = [];
  for (let i = 0; i < count; i++) {
    const email = `${prefix}-${i}@example.test`;
    await createUser(admin, { name: `${prefix} ${i}`, email, password: PASSWORD, role });
    out.push({ email });
  }
  return out;
}

/**
 * Signs in through the real endpoint and returns the session cookie. `ip` stands for the analyst's own machine:
 * better-auth allows 3 sign-ins per 10 s from one address, and twenty analysts do not share one.
 */
export async function signIn(baseUrl: string, email: string, password = PASSWORD, ip = "198.51.100.1", origin = baseUrl): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    // better-auth accepts a sign-in only from the origin users open (BETTER_AUTH_URL).
    headers: { "content-type": "application/json", origin, "x-forwarded-for": ip },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function argValue(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
