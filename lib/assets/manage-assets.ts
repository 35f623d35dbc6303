// Adding assets and asking for fresh prices. The provider is asked for the asset's profile when it is added (the
// analyst is waiting for that answer); its price history is then fetched by a background job, never by a page. An
// asset whose profile the analyst gives by hand never asks the provider: its prices come from CSV imports.
import "server-only";
import type { z } from "zod";
import type { Principal } from "@/lib/auth/principal";
import { assertRole } from "@/lib/auth/roles";
import { recordAudit, type Tx } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { writeTransaction } from "@/lib/db/transaction";
import { MarketDataUnavailableError, NotFoundError, ValidationError } from "@/lib/errors";
import { senderBoss } from "@/lib/jobs/boss";
import { MarketDataError, type AssetProfile, type MarketDataProvider, type SymbolCandidate } from "@/lib/market-data/provider";
import { enqueueRefresh, ensureQueues, latestRefreshJob, requestRefresh, type RefreshJobState } from "@/lib/market-data/refresh-jobs";
import { parseOrThrow } from "@/lib/validation/parse";
import { addAssetSchema, assetUpdateSchema, searchQuerySchema, type AddAssetInput, type AssetUpdateInput } from "./schemas";

function providerProblem(err: unknown, field: string): ValidationError {
  if (err instanceof MarketDataError) {
    const text = err.kind === "not_found" ? err.message : `${err.message} Nothing was added; try again in a minute.`;
    return new ValidationError({ [field]: [text] });
  }
  throw err;
}

/** An analyst is waiting on the search box: past this, say Yahoo is not answering rather than keep them waiting. */
export const SYMBOL_SEARCH_TIMEOUT_MS = 4_000;

/**
 * Symbol candidates for a search box, answered within `timeoutMs`. Called from a route handler, never from a page
 * render: a slow or failing provider costs the search its answer, not the page. Any provider failure (refused,
 * rate-limited, too slow, a payload in an unknown shape) is a MarketDataUnavailableError.
 */
export async function searchSymbols(query: string, provider: MarketDataProvider, timeoutMs = SYMBOL_SEARCH_TIMEOUT_MS): Promise<SymbolCandidate[]> {
  const parsed = searchQuerySchema.safeParse(query);
  if (!parsed.success) throw new ValidationError({ q: parsed.error.issues.map((i) => i.message) });
  const q = parsed.data;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new MarketDataError("unavailable", `Yahoo Finance did not answer within ${timeoutMs / 1000} s.`)), timeoutMs);
  });
  try {
    return await Promise.race([provider.search(q), deadline]);
  } catch (err) {
    if (err instanceof MarketDataError) throw new MarketDataUnavailableError(err.message);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/** The profile an analyst gave by hand, or null when the provider is to be asked (the schema makes it all or nothing). */
function manualProfile(input: z.output<typeof addAssetSchema>): Omit<AssetProfile, "symbol"> | null {
  const { name, assetClass, currency, timeZone } = input;
  if (name === undefined || assetClass === undefined || currency === undefined || timeZone === undefined) return null;
  return { name, assetClass, currency, timeZone, exchange: input.exchange ?? "", country: input.country ?? null };
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
  const existing = await db().asset.findUnique({ where: { symbol } });
  if (existing && !existing.deletedAt) throw new ValidationError({ symbol: [`${symbol} is already tracked.`] });
  const bench = benchmark ? await db().asset.findFirst({ where: { symbol: benchmark, deletedAt: null } }) : null;
  if (benchmark && !bench) throw new ValidationError({ benchmark: [`The benchmark ${benchmark} is not tracked yet: add it first.`] });
  const manual = manualProfile(parsed.data);
  let profile: Omit<AssetProfile, "symbol">;
  if (manual) profile = manual;
  else {
    try {
      profile = await provider.profile(symbol);
    } catch (err) {
      throw providerProblem(err, "symbol");
    }
  }
  const data = {
    symbol,
    name: profile.name,
    assetClass: profile.assetClass,
    currency: profile.currency,
    exchange: profile.exchange,
    timeZone: profile.timeZone,
    country: profile.country,
    benchmarkId: bench?.id ?? null,
    // A profile given by hand means the provider has no say: the asset's prices come from CSV imports.
    source: manual ? ("CSV" as const) : provider.name === "demo" ? ("DEMO" as const) : ("YAHOO" as const),
  };
  // A symbol deleted earlier comes back as the same row: its bars, exposures and history were kept for this.
  const asset = await writeTransaction(async (tx) => {
    const row = existing
      ? await tx.asset.update({ where: { id: existing.id }, data: { ...data, deletedAt: null } })
      : await tx.asset.create({ data });
    await recordAudit(tx, actor, {
      entity: "ASSET", entityId: row.id, action: existing ? "RESTORE" : "CREATE",
      before: existing ? auditView(existing, null) : undefined, after: auditView(row, bench?.symbol ?? null),
    });
    return row;
  });
  if (!manual) await enqueueBackfill(symbol);
  return asset;
}

/** What an asset's audit entry keeps: the editable fields, the benchmark by symbol. */
function auditView(a: { symbol: string; name: string; assetClass: string; source: string; deletedAt: Date | null }, benchmark: string | null) {
  return { symbol: a.symbol, name: a.name, assetClass: a.assetClass, source: a.source, benchmark, deletedAt: a.deletedAt };
}

async function liveAssetOrThrow(tx: Tx, symbol: string) {
  const asset = await tx.asset.findFirst({ where: { symbol, deletedAt: null }, include: { benchmark: { select: { symbol: true } } } });
  if (!asset) throw new NotFoundError(`There is no asset ${symbol}.`);
  return asset;
}

/**
 * Changes an asset's name, class or benchmark (analyst), audited with before and after. A benchmark must be another
 * tracked asset; null clears it, and the asset's studies then use the constant-mean model.
 */
export async function updateAsset(actor: Principal, symbol: string, input: AssetUpdateInput | Record<string, unknown>) {
  assertRole(actor, "ANALYST");
  const data = parseOrThrow(assetUpdateSchema, input);
  return writeTransaction(async (tx) => {
    const before = await liveAssetOrThrow(tx, symbol.toUpperCase());
    let benchmarkId: number | null | undefined;
    if (data.benchmark !== undefined) {
      if (data.benchmark === before.symbol) throw new ValidationError({ benchmark: [`${before.symbol} cannot be its own benchmark.`] });
      if (data.benchmark === null) benchmarkId = null;
      else {
        const bench = await tx.asset.findFirst({ where: { symbol: data.benchmark, deletedAt: null }, select: { id: true } });
        if (!bench) throw new ValidationError({ benchmark: [`The benchmark ${data.benchmark} is not tracked: add it first.`] });
        benchmarkId = bench.id;
      }
    }
    const after = await tx.asset.update({
      where: { id: before.id },
      data: { name: data.name, assetClass: data.assetClass, benchmarkId },
      include: { benchmark: { select: { symbol: true } } },
    });
    await recordAudit(tx, actor, {
      entity: "ASSET", entityId: after.id, action: "UPDATE",
      before: auditView(before, before.benchmark?.symbol ?? null), after: auditView(after, after.benchmark?.symbol ?? null),
    });
    return after;
  });
}

/**
 * Soft-deletes an asset (analyst): it leaves lists, pickers and scheduled refreshes; bars, exposures and history stay,
 * and adding the symbol again brings it back. Assets using it as their benchmark keep it until changed.
 */
export async function deleteAsset(actor: Principal, symbol: string): Promise<void> {
  assertRole(actor, "ANALYST");
  await writeTransaction(async (tx) => {
    const before = await liveAssetOrThrow(tx, symbol.toUpperCase());
    const after = await tx.asset.update({ where: { id: before.id }, data: { deletedAt: new Date() } });
    await recordAudit(tx, actor, {
      entity: "ASSET", entityId: before.id, action: "DELETE",
      before: auditView(before, before.benchmark?.symbol ?? null), after: auditView(after, before.benchmark?.symbol ?? null),
    });
  });
}

/** "Refresh now": queued, debounced per symbol; returns false when a refresh was already requested moments ago. */
export async function refreshNow(actor: Principal, symbol: string): Promise<boolean> {
  assertRole(actor, "ANALYST");
  const asset = await db().asset.findFirst({ where: { symbol, deletedAt: null } });
  if (!asset) throw new NotFoundError(`There is no asset ${symbol}.`);
  if (asset.source === "CSV") throw new ValidationError({ symbol: [`${symbol}'s prices come from a CSV import: import a newer file instead.`] });
  const boss = await senderBoss();
  await ensureQueues(boss);
  return requestRefresh(boss, symbol, "manual");
}

/**
 * "Switch to Yahoo": a CSV asset goes back to the configured provider (audited) and one job backfills its whole
 * history, replacing the imported bars. Returns that job, whose state shows the progress.
 */
export async function switchToProvider(actor: Principal, symbol: string, provider: MarketDataProvider): Promise<RefreshJobState | null> {
  assertRole(actor, "ANALYST");
  const source = provider.name === "demo" ? ("DEMO" as const) : ("YAHOO" as const);
  await writeTransaction(async (tx) => {
    const before = await liveAssetOrThrow(tx, symbol);
    if (before.source !== "CSV") throw new ValidationError({ symbol: [`${symbol}'s prices already come from ${before.source === "DEMO" ? "the demo provider" : "Yahoo Finance"}.`] });
    const after = await tx.asset.update({ where: { id: before.id }, data: { source } });
    await recordAudit(tx, actor, {
      entity: "ASSET", entityId: before.id, action: "UPDATE",
      before: auditView(before, before.benchmark?.symbol ?? null), after: auditView(after, before.benchmark?.symbol ?? null),
    });
  });
  const boss = await senderBoss();
  await ensureQueues(boss);
  await enqueueRefresh(boss, symbol, "switch");
  return latestRefreshJob(symbol);
}
