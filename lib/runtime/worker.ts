// The background side of an app instance: the pg-boss supervisor, the price-refresh worker and webhook deliveries. Every instance runs
// one; pg-boss makes sure a scheduled cycle and each symbol's refresh run once however many instances there are.
import "server-only";
import type { Env } from "@/lib/config/env";
import { startBoss } from "@/lib/jobs/boss";
import { startRefreshWorker } from "@/lib/market-data/refresh-jobs";
import { refreshCron } from "@/lib/market-data/refresh-schedule";
import { startWebhookWorker } from "@/lib/notifications/webhook-delivery";
import { providerFor } from "@/lib/runtime/providers";

export async function startWorker(env: Env, url: string, log: (l: string) => void): Promise<() => Promise<void>> {
  const boss = await startBoss({ connectionString: url, supervise: true });
  const cron = refreshCron(env.REFRESH_INTERVAL_MINUTES);
  await startRefreshWorker(boss, {
    providerFor: (source) => providerFor(source === "DEMO" ? "DEMO" : "YAHOO"),
    lookbackDays: env.REFRESH_LOOKBACK_DAYS,
    backfillYears: env.BACKFILL_YEARS,
    cron,
    cycleSeconds: Math.max(env.REFRESH_INTERVAL_MINUTES, 1) * 60,
    onOutcome: (o) => {
      if (o.error) log(`refresh ${o.symbol}: ${o.error}`);
      else if (o.inserted || o.updated) log(`refresh ${o.symbol}: ${o.inserted} new, ${o.updated} corrected bars`);
    },
  });
  // Webhook deliveries, with a sweep every minute for any that a web request queued but could not hand to the queue.
  await startWebhookWorker(boss, { cron: true });
  log(cron ? `price refresh every ${env.REFRESH_INTERVAL_MINUTES} min (cron ${cron} UTC)` : "scheduled price refresh is off");
  return () => boss.stop({ graceful: true, wait: true, timeout: 10_000 });
}
