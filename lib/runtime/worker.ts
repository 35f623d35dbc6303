// The background side of an app instance: the pg-boss supervisor, the price-refresh worker, verdicts as they come due,
// the triage sweep, failing-refresh alerts and webhook deliveries. Every instance runs one; pg-boss makes sure a scheduled cycle and
// each symbol's refresh run once however many instances there are.
import "server-only";
import type { Env } from "@/lib/config/env";
import { startBoss, survivesDatabaseOutages } from "@/lib/jobs/boss";
import { startRefreshWorker } from "@/lib/market-data/refresh-jobs";
import { refreshCron } from "@/lib/market-data/refresh-schedule";
import { startRefreshAlerts } from "@/lib/market-data/refresh-alerts";
import { startWebhookWorker } from "@/lib/notifications/webhook-delivery";
import { db } from "@/lib/db/client";
import { readFromPrimaryOnly } from "@/lib/db/read-routing";
import { requestStartupCatchUp, requestVerdictScoring, startVerdictWorker } from "@/lib/verdicts/verdict-jobs";
import { providerFor } from "@/lib/runtime/providers";
import { updatePendingMoves, updatePendingMovesIfAny } from "@/lib/triage/update-moves";

const TRIAGE_SWEEP = "triage-sweep";

export async function startWorker(env: Env, url: string, log: (l: string) => void): Promise<() => Promise<void>> {
  survivesDatabaseOutages(log);
  readFromPrimaryOnly();
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
      else if (o.inserted || o.updated) {
        log(`refresh ${o.symbol}: ${o.inserted} new, ${o.updated} corrected bars`);
        // The new bars queued the asset for a rescore: score the new sessions now, not at the next page view.
        updatePendingMoves().catch((err: unknown) => log(`triage update after ${o.symbol}: ${err instanceof Error ? err.message : String(err)}`));
        // New sessions may close an event window; corrected bars may change a stored verdict.
        void db().asset.findUnique({ where: { symbol: o.symbol }, select: { id: true } })
          .then((a) => (a ? requestVerdictScoring(boss, { assetIds: [a.id], corrected: o.updated > 0 }) : null))
          .catch((err: unknown) => log(`verdicts for ${o.symbol} not queued: ${err instanceof Error ? err.message : String(err)}`));
      }
    },
  });
  // What the first-run seed (or changes made while no instance ran) queued is scored before the web server starts, so
  // the overview's triage card is right from the first view and no sweep writes while the first requests are served.
  const startup = await updatePendingMovesIfAny();
  if (startup?.assets) log(`triage: ${startup.assets} asset(s) scored at start, ${startup.opened.length} new move(s) to explain`);
  // Events, exposures and benchmarks saved since the last drain queued their assets for a rescore (database triggers):
  // score them within a minute, once across all instances (pg-boss runs a schedule on one of them).
  await boss.createQueue(TRIAGE_SWEEP, { name: TRIAGE_SWEEP, policy: "singleton", retryLimit: 0 });
  await boss.schedule(TRIAGE_SWEEP, "* * * * *", {}, { tz: "UTC" });
  await boss.work(TRIAGE_SWEEP, async () => {
    // Never throws: a sweep that fails (the database going away) is simply the next minute's work, and a failed job
    // would make pg-boss write its failure over a connection that may be gone.
    try {
      const summary = await updatePendingMovesIfAny();
      if (summary?.opened.length) log(`triage: ${summary.opened.length} new move(s) to explain`);
    } catch (err) {
      log(`triage sweep: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
    }
  });
  await startVerdictWorker(boss, (eventId, revision) => log(`verdict scored: event ${eventId}, revision ${revision}`));
  await requestStartupCatchUp(boss);
  await startRefreshAlerts(boss);
  // Webhook deliveries, with a sweep every minute for any that a web request queued but could not hand to the queue.
  await startWebhookWorker(boss, { cron: true });
  log(cron ? `price refresh every ${env.REFRESH_INTERVAL_MINUTES} min (cron ${cron} UTC)` : "scheduled price refresh is off");
  return () => boss.stop({ graceful: true, wait: true, timeout: 10_000 });
}
