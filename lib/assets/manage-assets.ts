// Adding assets and asking for fresh prices. The provider is asked for the asset's profile when it is added (the
// analyst is waiting for that answer); its price history is then fetched by a background job, never by a page.
import type { Principal } from "@/lib/auth/principal";
import { assertRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { senderBoss } from "@/lib/jobs/boss";
import { MarketDataError, type MarketDataProvider, type SymbolCandidate } from "@/lib/market-data/provider";
import { ensureQueues, requestRefresh } from "@/lib/market-data/refresh-jobs";
import { addAssetSchema, searchQuerySchema, type AddAssetInput } from "./schemas";

function providerProblem(err: unknown, field: string): ValidationError {
  if (err instanceof MarketDataError) {
    const text = err.kind === "not_found" ? err.message : `${err.message} Nothing was added; try again in a minute.`;
    return new ValidationError({ [field]: [text] });
  }
  throw err;
}

export async function searchSymbols(query: string, provider: MarketDataProvider): Promise<SymbolCandidate[]> {
  const parsed = searchQuerySchema.safeParse(query);
  if (!parsed.success) throw new ValidationError({ q: parsed.error.issues.map((i) => i.message) });
  const q = parsed.data;
  try {
    return await provider.search(q);
  } catch (err) {
    throw providerProblem(err, "q");
  }
}

async function enqueueBackfill(symbol: string): Promise<void> {
  const boss = await senderBoss();
  await ensureQueues(boss);
  await requestRefresh(boss, symbol, "added");
}

export async function addAsset(actor: Principal, input: AddAssetInput, provider: MarketDataProvider) {
  assertRole(actor, "ANALYST");
  const parsed = addAssetSchema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error);
  const { symbol, benchmark } = parsed.data;
  if (await db().asset.findUnique({ where: { symbol } })) {
    throw new ValidationError({ symbol: [`${symbol} is already tracked.`] });
  }
  const bench = benchmark ? await db().asset.findUnique({ where: { symbol: benchmark } }) : null;
  if (benchmark && !bench) throw new ValidationError({ benchmark: [`The benchmark ${benchmark} is not tracked yet: add it first.`] });
  let profile;
  try {
    profile = await provider.profile(symbol);
  } catch (err) {
    throw providerProblem(err, "symbol");
  }
  const asset = await db().asset.create({
    data: {
      symbol,
      name: profile.name,
      assetClass: profile.assetClass,
      currency: profile.currency,
      exchange: profile.exchange,
      timeZone: profile.timeZone,
      country: profile.country,
      benchmarkId: bench?.id ?? null,
      source: provider.name === "demo" ? "DEMO" : "YAHOO",
    },
  });
  await enqueueBackfill(symbol);
  return asset;
}

/** "Refresh now": queued, debounced per symbol; returns false when a refresh was already requested moments ago. */
export async function refreshNow(actor: Principal, symbol: string): Promise<boolean> {
  assertRole(actor, "ANALYST");
  const asset = await db().asset.findUnique({ where: { symbol } });
  if (!asset) throw new ValidationError({ symbol: [`${symbol} is not tracked.`] });
  if (asset.source === "CSV") throw new ValidationError({ symbol: [`${symbol}'s prices come from a CSV import: import a newer file instead.`] });
  const boss = await senderBoss();
  await ensureQueues(boss);
  return requestRefresh(boss, symbol, "manual");
}
