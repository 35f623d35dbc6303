// Price refreshes as pg-boss jobs. A periodic cycle enqueues one job per asset, throttled per (symbol, cycle slot),
// so however many app instances share the database, each symbol is fetched once per cycle. "Refresh now" is the
// same job with a short debounce. Transient provider failures are retried by the queue with backoff.
import "server-only";
import type PgBoss from "pg-boss";
import { db } from "@/lib/db/client";
import type { MarketDataProvider } from "@/lib/market-data/provider";
import { refreshAsset, type RefreshOutcome } from "@/lib/market-data/refresh";
import { addDays, isoDate } from "@/lib/dates";
import type { DataSource } from "@/lib/enums";

export const REFRESH_ASSET = "prices.refresh-asset";
export const REFRESH_CYCLE = "prices.refresh-cycle";

export interface RefreshJob {
  symbol: string;
  /** "switch": the asset just left CSV for its provider: a full backfill that replaces the imported series. */
  reason: "cycle" | "manual" | "added" | "switch";
}

export interface RefreshWorkerOptions {
  providerFor(source: Exclude<DataSource, "CSV">): MarketDataProvider;
  /** Today's date (UTC, YYYY-MM-DD); injectable for tests. */
  today?: () => string;
  lookbackDays?: number;
  backfillYears?: number;
  onOutcome?: (outcome: RefreshOutcome) => void;
}

export async function ensureQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue(REFRESH_CYCLE, { name: REFRESH_CYCLE, policy: "singleton", retryLimit: 0 });
  await boss.createQueue(REFRESH_ASSET, {
    name: REFRESH_ASSET,
    retryLimit: 4,
    retryDelay: 60,
    retryBackoff: true,
    expireInMinutes: 15,
  });
}

/** Enqueues one refresh per refreshable asset for the cycle slot containing now; duplicates are dropped. */
export async function enqueueRefreshCycle(boss: PgBoss, cycleSeconds: number): Promise<number> {
  const assets = await db().asset.findMany({ where: { source: { in: ["YAHOO", "DEMO"] }, deletedAt: null }, select: { symbol: true } });
  let queued = 0;
  for (const { symbol } of assets) {
    const id = await boss.send(REFRESH_ASSET, { symbol, reason: "cycle" } satisfies RefreshJob, {
      singletonKey: symbol,
      singletonSeconds: cycleSeconds,
    });
    if (id) queued++;
  }
  return queued;
}

/** "Refresh now" and newly added assets: one job per symbol per 30 s, however often the button is pressed. */
export async function requestRefresh(boss: PgBoss, symbol: string, reason: RefreshJob["reason"] = "manual"): Promise<boolean> {
  return (await enqueueRefresh(boss, symbol, reason)) !== null;
}

/** As `requestRefresh`, returning the job's id (null when debounced) so a caller can follow its progress. */
export async function enqueueRefresh(boss: PgBoss, symbol: string, reason: RefreshJob["reason"]): Promise<string | null> {
  return boss.send(REFRESH_ASSET, { symbol, reason } satisfies RefreshJob, { singletonKey: `${reason}:${symbol}`, singletonSeconds: 30 });
}

export interface RefreshJobState {
  id: string;
  reason: RefreshJob["reason"];
  /** pg-boss state: created (queued), retry, active, completed, failed, cancelled… */
  state: string;
  createdOn: Date;
  completedOn: Date | null;
}

/** The latest refresh job of a symbol (any reason), for the data-status card and the API's progress. */
export async function latestRefreshJob(symbol: string): Promise<RefreshJobState | null> {
  const rows = await db().$queryRaw<{ id: string; data: RefreshJob; state: string; created_on: Date; completed_on: Date | null }[]>`
    SELECT id::text, data, state::text, created_on, completed_on FROM pgboss.job
    WHERE name = ${REFRESH_ASSET} AND data->>'symbol' = ${symbol}
    ORDER BY created_on DESC LIMIT 1`;
  const r = rows[0];
  return r ? { id: r.id, reason: r.data.reason, state: r.state, createdOn: r.created_on, completedOn: r.completed_on } : null;
}

export async function runRefreshJob(job: RefreshJob, options: RefreshWorkerOptions): Promise<RefreshOutcome | null> {
  const asset = await db().asset.findUnique({ where: { symbol: job.symbol } });
  if (!asset || asset.deletedAt || asset.source === "CSV") return null; // deleted, or owned by CSV imports: nothing to fetch
  const provider = options.providerFor(asset.source);
  const outcome = await refreshAsset(asset, provider, {
    today: options.today?.() ?? isoDate(new Date()),
    lookbackDays: options.lookbackDays,
    backfillYears: options.backfillYears,
    // Leaving CSV: the whole provider history, and nothing of the imported series kept beside it.
    ...(job.reason === "switch" ? { from: addDays(options.today?.() ?? isoDate(new Date()), -365 * (options.backfillYears ?? 10)), replace: true } : {}),
    // Transient failures go back to the queue, which retries with exponential backoff.
    rethrowTransient: true,
  });
  options.onOutcome?.(outcome);
  return outcome;
}

export async function startRefreshWorker(boss: PgBoss, options: RefreshWorkerOptions & { cron?: string; cycleSeconds: number }) {
  await ensureQueues(boss);
  if (options.cron) await boss.schedule(REFRESH_CYCLE, options.cron, {}, { tz: "UTC" });
  await boss.work(REFRESH_CYCLE, async () => {
    await enqueueRefreshCycle(boss, options.cycleSeconds);
  });
  await boss.work<RefreshJob>(REFRESH_ASSET, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
    if (job) await runRefreshJob(job.data, options);
  });
}
