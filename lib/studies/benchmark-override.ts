// `benchmark=SYMBOL` on the event and theme studies, their API and the event-study reports: one tracked asset every
// studied asset is measured against instead of its own benchmark.
import "server-only";
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import type { StudyAsset } from "./series-selection";

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
