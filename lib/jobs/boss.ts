// The job queue: pg-boss on Faultline's own PostgreSQL (schema `pgboss`), so jobs survive restarts and several app
// instances share one queue without a broker to run.
import PgBoss from "pg-boss";
import { databaseUrl } from "@/lib/db/client";

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
