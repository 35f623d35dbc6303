// What the detection needs for a set of assets, read in a handful of queries on the caller's connection: bars (for
// returns and the quality flags), the benchmark's bars, the live events exposing each asset and the thresholds.
import "server-only";
import type pg from "pg";
import { alignedReturns, simpleReturns, type MoveScanInput } from "@/lib/analytics";
import { qualityFlags } from "@/lib/market-data/quality";
import { dayZeroOnChart } from "@/lib/prices/day-zero";
import { readScanBars } from "@/lib/prices/scan-bars";
import type { TimePrecision } from "@/lib/enums";

/**
 * Calendar days of history read before the first session to rescore: 800 days ≈ 550 sessions, enough for the 250-session
 * estimation window and for the EWMA to forget its seed (0.94^400 ≈ 2·10⁻¹¹), so an incremental update scores a
 * session exactly as a full recompute does.
 */
export const HISTORY_DAYS = 800;

/** The quality flags that turn a move into "check the data". */
const SUSPECT_CODES = new Set(["large_move", "close_outside_range"]);

export interface ScanAsset {
  id: number;
  /** First session to rescore, or null for the whole history. */
  from: string | null;
}

/** The detection's inputs for `assets` (live ones with prices; others are left out, their moves simply vanish). */
export async function readScanInputs(
  client: pg.PoolClient,
  assets: readonly ScanAsset[],
  /** Filled with milliseconds per phase when given (the bench reports where the time goes). */
  timings?: Record<string, number>,
): Promise<{ inputs: MoveScanInput[]; symbols: Map<number, string> }> {
  if (assets.length === 0) return { inputs: [], symbols: new Map() };
  let mark = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    if (timings) timings[phase] = (timings[phase] ?? 0) + now - mark;
    mark = now;
  };
  const ids = assets.map((a) => a.id);
  const meta = await client.query<{ id: number; symbol: string; exchange: string; time_zone: string; asset_class: string; benchmark_id: number | null; benchmark_symbol: string | null; threshold: number | null }>(
    `SELECT a.id, a.symbol, a.exchange, a.time_zone, a.asset_class::text AS asset_class, a.benchmark_id, b.symbol AS benchmark_symbol, t.threshold
     FROM asset a LEFT JOIN asset b ON b.id = a.benchmark_id LEFT JOIN asset_move_threshold t ON t.asset_id = a.id
     WHERE a.id = ANY($1::int[]) AND a.deleted_at IS NULL`,
    [ids],
  );
  const fromOf = new Map(assets.map((a) => [a.id, a.from]));
  // A benchmark is read over the widest range any of its assets needs.
  const wanted = new Map<number, string | null>();
  const want = (id: number, from: string | null) => {
    const had = wanted.get(id);
    wanted.set(id, had === undefined ? from : had === null || from === null ? null : had < from ? had : from);
  };
  for (const a of meta.rows) {
    const from = fromOf.get(a.id) ?? null;
    want(a.id, from);
    if (a.benchmark_id !== null) want(a.benchmark_id, from);
  }
  lap("assets");
  const bars = await readScanBars(client, [...wanted].map(([id, from]) => ({ id, from })), HISTORY_DAYS);
  lap("bars");
  // Events from two days before the first bar read (a margin for time zones; the loop below skips those before it).
  const events = await client.query<{ asset_id: number; occurred_at: Date; time_precision: TimePrecision }>(
    `SELECT x.asset_id, e.occurred_at, e.time_precision::text AS time_precision
     FROM unnest($1::int[], $2::date[]) AS s(asset_id, from_date)
     JOIN exposure x ON x.asset_id = s.asset_id
     JOIN event e ON e.id = x.event_id AND e.deleted_at IS NULL
     WHERE s.from_date IS NULL OR e.occurred_at >= s.from_date - ($3::int + 2)`,
    [ids, ids.map((id) => fromOf.get(id) ?? null), HISTORY_DAYS],
  );
  lap("events query");
  const eventsOf = new Map<number, { occurredAt: Date; timePrecision: TimePrecision }[]>();
  for (const e of events.rows) {
    const list = eventsOf.get(e.asset_id) ?? [];
    list.push({ occurredAt: e.occurred_at, timePrecision: e.time_precision });
    eventsOf.set(e.asset_id, list);
  }

  const inputs: MoveScanInput[] = [];
  const symbols = new Map<number, string>();
  for (const a of meta.rows) {
    symbols.set(a.id, a.symbol);
    const own = bars.get(a.id);
    if (!own || own.usable.length < 2) continue;
    const bench = a.benchmark_id !== null ? bars.get(a.benchmark_id) : undefined;
    const hasBenchmark = bench !== undefined && bench.usable.length >= 2;
    const aligned = hasBenchmark
      ? alignedReturns({ dates: own.usableDates, values: own.usable }, { dates: bench.usableDates, values: bench.usable }, "simple")
      : null;
    const dates = aligned ? aligned.dates : own.usableDates.slice(1);
    const returns = aligned ? aligned.asset : simpleReturns(own.usable);
    const benchmarkSessions = hasBenchmark ? { symbol: a.benchmark_symbol ?? "", sessions: bench.usableDates } : null;
    lap("returns");
    const eventDayZeros: string[] = [];
    const first = own.usableDates[0] as string;
    for (const e of eventsOf.get(a.id) ?? []) {
      if (e.occurredAt.toISOString().slice(0, 10) < first) continue; // before the data read: cannot touch a scored session
      const dz = dayZeroOnChart({ id: 0, occurredAt: e.occurredAt, timePrecision: e.timePrecision }, own.usableDates, { exchange: a.exchange, timeZone: a.time_zone, assetClass: a.asset_class }, benchmarkSessions);
      if (dz) eventDayZeros.push(dz.date);
    }
    eventDayZeros.sort();
    lap("day 0");
    const flaggedSessions = qualityFlags(own.bars).filter((f) => SUSPECT_CODES.has(f.code)).map((f) => f.date);
    lap("quality flags");
    inputs.push({
      assetId: a.id,
      dates,
      returns,
      benchmark: aligned ? aligned.benchmark : null,
      flaggedSessions,
      eventDayZeros,
      threshold: a.threshold,
      ...(fromOf.get(a.id) ? { from: fromOf.get(a.id) as string } : {}),
    });
  }
  return { inputs, symbols };
}
