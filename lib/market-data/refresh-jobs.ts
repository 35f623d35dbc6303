// Price refreshes as pg-boss jobs. A periodic cycle enqueues one job per asset, throttled per (symbol, cycle slot),
// so however many app instances share the database, each symbol is fetched once per cycle. "Refresh now" is the
// same job with a short debounce. Transient provider failures are retried by the queue with backoff.
import type PgBoss from "pg-boss";
import { db } from "@/lib/db/client";
import type { MarketDataProvider } from "@/lib/market-data/provider";
import { refreshAsset, type RefreshOutcome } from "@/lib/market-data/refresh";
import { isoDate } from "@/lib/dates";

export const REFRESH_ASSET = "prices.refresh-asset";
export const REFRESH_CYCLE = "prices.refresh-cycle";

export interface RefreshJob {
  symbol: string;
  reason: "cycle" | "manual" | "added";
}

export interface RefreshWorkerOptions {
  providerFor(source: "YAHOO" | "DEMO"): MarketDataProvider;
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
  const id = await boss.send(REFRESH_ASSET, { symbol, reason } satisfies RefreshJob, {
    singletonKey: `${reason}:${symbol}`,
    singletonSeconds: 30,
  });
  return id !== null;
}

export async function runRefreshJob(job: RefreshJob, options: RefreshWorkerOptions): Promise<RefreshOutcome | null> {
  const asset = await db().asset.findUnique({ where: { symbol: job.symbol } });
  if (!asset || asset.deletedAt || asset.source === "CSV") return null; // deleted, or owned by CSV imports: nothing to fetch
  const provider = options.providerFor(asset.source);
  const outcome = await refreshAsset(asset, provider, {
    today: options.today?.() ?? isoDate(new Date()),
    lookbackDays: options.lookbackDays,
    backfillYears: options.backfillYears,
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
