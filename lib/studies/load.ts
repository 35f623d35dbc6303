// Queries the study builders share: assets with their benchmark, and which events each asset is exposed to.
import "server-only";
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/http/errors";
import type { StudyAsset, StudyEventRef } from "./asset-study";

export const ASSET_SELECT = {
  id: true,
  symbol: true,
  name: true,
  source: true,
  exchange: true,
  timeZone: true,
  assetClass: true,
  benchmark: { select: { id: true, symbol: true, name: true } },
} as const;

/** Live events linked to each asset, for placebo exclusion: one query for all assets. */
export async function exposedEventsByAsset(assetIds: readonly number[]): Promise<Map<number, StudyEventRef[]>> {
  const rows = await db().exposure.findMany({
    where: { assetId: { in: [...assetIds] }, event: { deletedAt: null } },
    select: { assetId: true, event: { select: { id: true, occurredAt: true, timePrecision: true } } },
  });
  const out = new Map<number, StudyEventRef[]>(assetIds.map((id) => [id, []]));
  for (const r of rows) out.get(r.assetId)?.push(r.event);
  return out;
}

export type BenchmarkRef = NonNullable<StudyAsset["benchmark"]>;

/**
 * The tracked asset named by `benchmark=SYMBOL`, or null when none was asked for; an unknown symbol is a 422 naming
 * the field, since silently studying against the assets' own benchmarks would answer a different question.
 */
export async function benchmarkOverride(symbol: string | null | undefined): Promise<BenchmarkRef | null> {
  if (!symbol) return null;
  const found = await db().asset.findFirst({ where: { symbol, deletedAt: null }, select: { id: true, symbol: true, name: true } });
  if (!found) throw new ValidationError({ benchmark: [`${symbol} is not a tracked asset: choose one of the assets list.`] });
  return found;
}

/**
 * The asset as studied with an override benchmark. An asset is never its own benchmark (its abnormal returns would
 * be zero by construction), so the override's own series keeps its stored benchmark.
 */
export function withBenchmark<A extends { id: number; benchmark: BenchmarkRef | null }>(asset: A, override: BenchmarkRef | null): A {
  return override && override.id !== asset.id ? { ...asset, benchmark: override } : asset;
}
