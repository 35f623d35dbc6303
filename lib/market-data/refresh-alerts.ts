// Tells admins about a price refresh that keeps failing: once per failing streak and asset, when the streak (since
// the last success, or since the asset was added) is older than REFRESH_FAILING_ALERT_HOURS.
import "server-only";
import { config } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import type PgBoss from "pg-boss";
import { publishNotification } from "@/lib/notifications/publish";

export async function alertFailingRefreshes(now: Date = new Date(), thresholdHours = config().REFRESH_FAILING_ALERT_HOURS): Promise<number> {
  const cutoff = new Date(now.getTime() - thresholdHours * 3_600_000);
  const failing = await db().asset.findMany({
    where: {
      deletedAt: null,
      refreshError: { not: null },
      OR: [{ refreshedAt: { lt: cutoff } }, { refreshedAt: null, createdAt: { lt: cutoff } }],
    },
    select: { id: true, symbol: true, refreshError: true, refreshedAt: true, createdAt: true },
  });
  let published = 0;
  for (const a of failing) {
    const since = a.refreshedAt ?? a.createdAt;
    const hours = Math.floor((now.getTime() - since.getTime()) / 3_600_000);
    const r = await publishNotification({
      type: "refresh.failing",
      // One alert per streak: the streak is named by its last success.
      key: `refresh.failing:${a.id}:${since.toISOString()}`,
      title: `${a.symbol}: prices have not refreshed for ${hours} hours`,
      text: `Last error: ${a.refreshError}. ${a.refreshedAt ? `Last success ${a.refreshedAt.toISOString().slice(0, 16).replace("T", " ")} UTC.` : "It has never refreshed."}`,
      url: `/assets/${encodeURIComponent(a.symbol)}`,
      assetIds: [a.id],
      role: "ADMIN",
      payload: { symbol: a.symbol, since: since.toISOString(), error: a.refreshError },
    });
    if (r.notified || r.deliveries) published++;
  }
  return published;
}

export const REFRESH_ALERTS = "prices.refresh-alerts";

/** Checks for failing refreshes every 15 minutes, once across instances (a singleton queue). */
export async function startRefreshAlerts(boss: PgBoss): Promise<void> {
  await boss.createQueue(REFRESH_ALERTS, { name: REFRESH_ALERTS, policy: "singleton", retryLimit: 0 });
  await boss.schedule(REFRESH_ALERTS, "*/15 * * * *", {}, { tz: "UTC" });
  await boss.work(REFRESH_ALERTS, async () => {
    await alertFailingRefreshes();
  });
}
