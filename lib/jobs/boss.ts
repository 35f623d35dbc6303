// The job queue: pg-boss on Faultline's own PostgreSQL (schema `pgboss`), so jobs survive restarts and several app
// instances share one queue without a broker to run.
import "server-only";
import PgBoss from "pg-boss";
import { databaseUrl } from "@/lib/db/client";
import { isDatabaseUnavailable } from "@/lib/db/errors";

export type { PgBoss };

export interface BossOptions {
  connectionString: string;
  /** Run cron schedules and maintenance here (workers); a sender in the web server only enqueues. */
  supervise: boolean;
}

export async function startBoss({ connectionString, supervise }: BossOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString,
    max: 4,
    application_name: "faultline-jobs",
    supervise,
    schedule: supervise,
    migrate: true,
  });
  // pg-boss emits connection errors as events; without a listener Node would crash the process on one.
  boss.on("error", (err) => console.error(`faultline jobs: ${err.message}`));
  await boss.start();
  return boss;
}

let outageGuarded = false;

/**
 * pg-boss 10 records a finished job (`complete`, or `fail` when the handler threw) without awaiting it, so when
 * PostgreSQL goes away while a job runs that write rejects with nobody to catch it, and Node ends the process. In the
 * process that runs workers, such a rejection is the outage itself, which pages already report and recover from: it is
 * logged as one line and the job is left to pg-boss, which retries it when its lease expires. Any other unhandled
 * rejection is still a bug and still ends the process, with its stack.
 */
export function survivesDatabaseOutages(log: (line: string) => void): void {
  if (outageGuarded) return;
  outageGuarded = true;
  process.on("unhandledRejection", (reason) => {
    if (isDatabaseUnavailable(reason)) {
      log(`a job's result was not recorded, the database is unavailable: ${reason instanceof Error ? reason.message.split("\n")[0] : String(reason)}`);
      return;
    }
    throw reason;
  });
}

const globalForBoss = globalThis as unknown as { faultlineBoss?: Promise<PgBoss> };

/** A sender shared by the web server's requests ("Refresh now"): it enqueues, it never runs jobs. */
export function senderBoss(): Promise<PgBoss> {
  const url = databaseUrl();
  globalForBoss.faultlineBoss ??= startBoss({ connectionString: url, supervise: false }).catch((err: unknown) => {
    globalForBoss.faultlineBoss = undefined;
    throw err;
  });
  return globalForBoss.faultlineBoss;
}
