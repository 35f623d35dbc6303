// Liveness and readiness for load balancers and orchestrators. Readiness asks the database three things, each with
// a short timeout: does it answer, are all migrations of this build applied, and is the job queue installed. Read
// replicas are reported beside, each with its state and lag, but never make the instance unready: the primary
// serves every read a replica cannot.
import "server-only";
import { readdir } from "node:fs/promises";
import { pgPool } from "@/lib/db/pool";
import { MIGRATIONS_DIR } from "@/lib/db/migrations";
import { replicaStatuses, type ReplicaStatus } from "@/lib/db/read-routing";

export interface ReadinessCheck {
  name: "database" | "migrations" | "jobs";
  ok: boolean;
  detail: string;
}

export interface Readiness {
  ready: boolean;
  checks: ReadinessCheck[];
  /** One entry per DATABASE_READ_URL replica; empty without replicas. */
  replicas: ReplicaStatus[];
}

const TIMEOUT_MS = 2_000;

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS))]);
}

async function expectedMigrations(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
}

export async function readiness(): Promise<Readiness> {
  const checks: ReadinessCheck[] = [];
  try {
    await withTimeout(pgPool().query("SELECT 1"), "PostgreSQL");
    checks.push({ name: "database", ok: true, detail: "PostgreSQL answers" });
  } catch (err) {
    checks.push({ name: "database", ok: false, detail: `PostgreSQL is unreachable: ${(err as Error).message}` });
    return { ready: false, checks, replicas: await replicaStatuses() };
  }
  try {
    const [expected, applied] = await Promise.all([
      expectedMigrations(),
      withTimeout(pgPool().query<{ migration_name: string }>("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL"), "PostgreSQL"),
    ]);
    const done = new Set(applied.rows.map((r) => r.migration_name));
    const missing = expected.filter((m) => !done.has(m));
    checks.push(missing.length ? { name: "migrations", ok: false, detail: `not applied: ${missing.join(", ")}` } : { name: "migrations", ok: true, detail: `${expected.length} applied` });
  } catch (err) {
    checks.push({ name: "migrations", ok: false, detail: (err as Error).message });
  }
  try {
    const { rows } = await withTimeout(
      pgPool().query<{ queued: string; failed: string }>(
        "SELECT count(*) FILTER (WHERE state IN ('created', 'retry')) AS queued, count(*) FILTER (WHERE state = 'failed') AS failed FROM pgboss.job",
      ),
      "the job queue",
    );
    checks.push({ name: "jobs", ok: true, detail: `${rows[0]?.queued ?? 0} queued, ${rows[0]?.failed ?? 0} failed` });
  } catch (err) {
    const missing = /relation "pgboss\.job" does not exist/.test((err as Error).message);
    checks.push({ name: "jobs", ok: false, detail: missing ? "the job queue is not installed yet (no worker has started)" : (err as Error).message });
  }
  return { ready: checks.every((c) => c.ok), checks, replicas: await replicaStatuses({ fresh: true }) };
}
