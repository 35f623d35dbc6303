// POST queues a refresh of the asset from its provider (analyst); `?switchToProvider=true` first moves a CSV asset
// back to the provider, with one job backfilling its whole history. 202 with the job and its state.
import { refreshNow, switchToProvider } from "@/lib/assets/manage-assets";
import { refreshQuerySchema } from "@/lib/assets/schemas";
import { configuredProvider } from "@/lib/runtime/providers";
import { apiHandler, queryOf } from "@/lib/http/api-handler";
import { latestRefreshJob } from "@/lib/market-data/refresh-jobs";
import { parseOrThrow } from "@/lib/validation/parse";

export const POST = apiHandler<{ symbol: string }>("ANALYST", async (req, user, { symbol: raw }) => {
  const symbol = raw.toUpperCase();
  const { switchToProvider: switching } = parseOrThrow(refreshQuerySchema, queryOf(req));
  if (switching) return Response.json({ symbol, queued: true, job: await switchToProvider(user, symbol, configuredProvider()) }, { status: 202 });
  const queued = await refreshNow(user, symbol);
  return Response.json({ symbol, queued, job: await latestRefreshJob(symbol) }, { status: 202 });
});
