// Fetches what an asset is missing from its provider and stores it in one transaction: a refresh either lands
// whole or changes nothing. Failures are recorded on the asset in words an analyst understands.
import "server-only";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { lastBarDate } from "@/lib/prices/bars";
import { deleteBarsNotInWith, upsertActionsWith, upsertBarsWith, type UpsertCounts } from "@/lib/prices/store";
import { MarketDataError, type MarketDataProvider } from "@/lib/market-data/provider";
import { addDays } from "@/lib/dates";

export interface RefreshOptions {
  /** Today's date (YYYY-MM-DD) in UTC; injected so tests and backfills are reproducible. */
  today: string;
  /** Calendar days re-fetched before the last stored bar, to pick up corrections. */
  lookbackDays?: number;
  /** History fetched for an asset with no bars yet. */
  backfillYears?: number;
  /** Override the start date (YYYY-MM-DD). */
  from?: string;
  /** Drop stored bars the provider's history lacks: the series becomes the provider's alone (switching from CSV). */
  replace?: boolean;
  /** Record a rate limit or outage on the asset, then throw it so a job queue can retry later. */
  rethrowTransient?: boolean;
}

export interface RefreshOutcome extends UpsertCounts {
  symbol: string;
  from: string;
  to: string;
  fetched: number;
  error?: string;
}

export function describeFailure(err: unknown): string {
  if (err instanceof MarketDataError) {
    if (err.kind === "rate_limited" && err.retryAfterMs) {
      const at = new Date(Date.now() + err.retryAfterMs).toISOString().slice(11, 16);
      return `${err.message} Retrying after ${at} UTC.`;
    }
    return err.message;
  }
  return "The refresh failed unexpectedly; the previous data is still shown.";
}

export async function refreshAsset(
  asset: { id: number; symbol: string },
  provider: MarketDataProvider,
  options: RefreshOptions,
): Promise<RefreshOutcome> {
  const last = await lastBarDate(asset.id);
  const from =
    options.from ??
    (last ? addDays(last, -(options.lookbackDays ?? 7)) : addDays(options.today, -365 * (options.backfillYears ?? 10)));
  const to = options.today;
  try {
    const history = await provider.history(asset.symbol, from, to);
    // Bars and the asset's status land together or not at all.
    const counts = await withTransaction(async (client) => {
      if (options.replace) {
        await deleteBarsNotInWith(client, asset.id, history.bars.map((b) => b.date));
      }
      const c = await upsertBarsWith(client, [{ assetId: asset.id, bars: history.bars }]);
      await upsertActionsWith(client, asset.id, history.actions);
      await client.query("UPDATE asset SET refreshed_at = now(), refresh_error = NULL, refresh_error_at = NULL, updated_at = now() WHERE id = $1", [asset.id]);
      return c;
    });
    return { symbol: asset.symbol, from, to, fetched: history.bars.length, ...counts };
  } catch (err) {
    const message = describeFailure(err);
    await db().asset.update({ where: { id: asset.id }, data: { refreshError: message, refreshErrorAt: new Date() } });
    if (options.rethrowTransient && err instanceof MarketDataError && err.transient) throw err;
    return { symbol: asset.symbol, from, to, fetched: 0, inserted: 0, updated: 0, error: message };
  }
}
