// Scoring due verdicts runs on the job queue, after price refreshes and imports, so neither a refresh nor a request
// waits for event studies. One job per (assets, corrected) burst: a minute's worth of refreshes share it.
import "server-only";
import type PgBoss from "pg-boss";
import { db } from "@/lib/db/client";
import { scoreDueVerdicts } from "@/lib/verdicts/score-due";

export const VERDICTS_SCORE = "verdicts.score-due";

export interface ScoreJob {
  assetIds: number[];
  corrected: boolean;
}

export async function ensureVerdictQueue(boss: PgBoss): Promise<void> {
  await boss.createQueue(VERDICTS_SCORE, { name: VERDICTS_SCORE, retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInMinutes: 30 });
}

export async function requestVerdictScoring(boss: PgBoss, job: ScoreJob): Promise<string | null> {
  if (!job.assetIds.length) return null;
  return boss.send(VERDICTS_SCORE, job);
}

async function workerQueueExists(): Promise<boolean> {
  const [installed] = await db().$queryRaw<{ ok: boolean }[]>`SELECT to_regclass('pgboss.queue') IS NOT NULL AS ok`;
  if (!installed?.ok) return false;
  const rows = await db().$queryRaw<{ name: string }[]>`SELECT name FROM pgboss.queue WHERE name = ${VERDICTS_SCORE}`;
  return rows.length > 0;
}

/**
 * After a CSV import from a web request: queues scoring for the asset's events. Best effort: when the queue cannot
 * be reached the asset's next refresh or import scores them.
 */
export async function requestVerdictScoringAfterImport(symbol: string, counts: { inserted: number; updated: number; removed: number }): Promise<void> {
  if (!counts.inserted && !counts.updated && !counts.removed) return;
  try {
    const asset = await db().asset.findUnique({ where: { symbol }, select: { id: true } });
    // No worker has ever run against this database (a bare test database, a one-off script): nothing would score it.
    if (!asset || !(await workerQueueExists())) return;
    const { senderBoss } = await import("@/lib/jobs/boss");
    await requestVerdictScoring(await senderBoss(), { assetIds: [asset.id], corrected: counts.updated + counts.removed > 0 });
  } catch (err) {
    console.error(`faultline verdicts: scoring waits for the next refresh (${err instanceof Error ? err.message : String(err)})`);
  }
}

/**
 * At start: one catch-up over every asset with exposures, for events that came due while no worker ran. Instances
 * starting within ten minutes of each other share one job.
 */
export async function requestStartupCatchUp(boss: PgBoss): Promise<string | null> {
  const assets = await db().exposure.findMany({ where: { event: { deletedAt: null, verdicts: { none: {} } } }, select: { assetId: true }, distinct: ["assetId"] });
  if (!assets.length) return null;
  return boss.send(VERDICTS_SCORE, { assetIds: assets.map((a) => a.assetId), corrected: false } satisfies ScoreJob, { singletonKey: "startup", singletonSeconds: 600 });
}

export async function startVerdictWorker(boss: PgBoss, onScored?: (eventId: number, revision: number) => void): Promise<void> {
  await ensureVerdictQueue(boss);
  await boss.work<ScoreJob>(VERDICTS_SCORE, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
    if (!job) return;
    for (const s of await scoreDueVerdicts(job.data)) onScored?.(s.eventId, s.revision);
  });
}
