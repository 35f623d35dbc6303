// Scenario 1, historical analogues: the book's base-currency return over the horizon after each analogue event, with
// the study engine's day 0, a β proxy where a position has no data, and the comparison with ordinary days.
import "server-only";
import {
  alignedReturns,
  analogueScenario,
  betaProxyReturn,
  betaToBenchmark,
  DEFAULT_EVENT_STUDY_CONFIG,
  shocksFromAnalogueMedians,
  unconditionalWindowReturns,
  type AnalogueReturns,
  type AnalogueScenario,
  type DistributionStats,
  type SessionWindow,
} from "@/lib/analytics";
import { lowerBound } from "@/lib/analytics/sorted-dates";
import { deletedAmong } from "@/lib/events/deleted";
import { selectEvents, type EventRef } from "@/lib/events/search";
import { ValidationError } from "@/lib/errors";
import { dayZeroOnChart, eventDateOnExchange } from "@/lib/prices/day-zero";
import { parseOrThrow } from "@/lib/validation/parse";
import { daysBefore, resolveBook, type BookSeries, type ResolvedBook, type ResolvedPosition } from "./book";
import { fxRateOn } from "@/lib/portfolios/fx";
import { analogueScenarioSchema, type AnalogueScenarioParams } from "./schemas";
import { describeAnalogueScenario, num, positionJson, statsJson, type Num, type PositionJson, type StatsJson } from "./dto";

/** Length of the estimation window a proxy's β is fitted on: the study engine's [−250, −11]. */
export const PROXY_BETA_SESSIONS = DEFAULT_EVENT_STUDY_CONFIG.estimationWindow[1] - DEFAULT_EVENT_STUDY_CONFIG.estimationWindow[0] + 1;
/** Fewest aligned returns a proxy's β may rest on (the study engine's minimum estimation observations). */
export const PROXY_MIN_OBSERVATIONS = DEFAULT_EVENT_STUDY_CONFIG.minEstimationObservations;
/**
 * Calendar days loaded before the earliest analogue (and the ordinary days): room for the close before a window that
 * starts up to 10 sessions before day 0. A proxy's β never needs more, since a position is proxied only when its own
 * history starts after the event, and its β then rests on its first returns.
 */
const HISTORY_BEFORE_EVENTS = 40;

/** One position's outcome for one analogue, as the service works it out. */
export interface AnalogueCell {
  symbol: string;
  /** Base-currency simple return over the horizon. */
  return: number;
  proxied: boolean;
  /** Day 0 on the position's own sessions (the benchmark's when proxied). */
  day0: string;
  /** β used for a proxy, null otherwise. */
  beta: number | null;
}

export interface AnalogueRow {
  eventId: number;
  title: string;
  occurredAt: string;
  return: number;
  pnl: number;
  topContributors: { symbol: string; pnl: number; contribution: number }[];
  /** Day 0 on the book's calendar: the earliest day 0 of the positions measured (not proxied); null if none was. */
  day0: string | null;
  /** Per position, in the order of `positions`: its base-currency simple return over the horizon. */
  returns: number[];
  /** Symbols of the positions whose return is a β proxy. */
  proxied: string[];
  /** Each proxy: the β it used and the benchmark's day 0. */
  proxies: { symbol: string; beta: number; day0: string }[];
}

export interface AnalogueScenarioResult {
  kind: "analogues";
  parameters: {
    baseCurrency: string;
    horizon: [number, number];
    lookbackYears: number;
    asOf: string;
    seed: number;
    /** The events picked one by one, as asked (null when a filter chose them). */
    pickedIds: number[] | null;
    /** The analogues measured (those matched or picked, less the excluded). */
    analogueIds: number[];
  };
  positions: PositionJson[];
  netValue: number;
  analogues: AnalogueRow[];
  /** Analogues matched but left out, each with the reason. */
  excluded: { eventId: number; title: string; reason: string }[];
  /** Per position, worst mean P&L first. */
  contributions: { symbol: string; meanPnl: Num; meanContribution: Num; medianReturn: Num; proxiedIn: number }[];
  /** Book returns over the analogues (fractions of the net value); `pnl` the same in the base currency. */
  distribution: StatsJson;
  distributionPnl: StatsJson;
  bootstrap: { confidence: number; draws: number; seed: number; mean: [Num, Num]; expectedShortfall: [Num, Num] };
  unconditional: (StatsJson & { from: string; to: string; sessions: number }) | null;
  tailRatio: Num;
  placebo: { pValue: Num; draws: number; eligible: number; setSize: number; seed: number } | null;
  warning: string | null;
  summary: string;
}

type Outcome = { ok: true; cell: AnalogueCell } | { ok: false; reason: string };

/** Base return over [a, b] from index i (day 0) of a series: base[i+b] / base[i+a−1] − 1. */
function windowReturn(s: BookSeries, i: number, window: SessionWindow): number {
  return (s.base[i + window[1]] as number) / (s.base[i + window[0] - 1] as number) - 1;
}

interface ProxyContext {
  book: ResolvedBook;
  window: SessionWindow;
  aligned: Map<number, { dates: string[]; asset: Float64Array; benchmark: Float64Array }>;
  /** Day 0 per event, calendar, benchmark calendar and venue: positions sharing all four share it. */
  dayZeros: Map<string, { beforeData: boolean; date: string | null; index: number }>;
}

function positionOutcome(ctx: ProxyContext, p: ResolvedPosition, event: EventRef): Outcome {
  const { book, window } = ctx;
  const a = p.asset;
  const s = book.series.get(a.id) as BookSeries;
  const bench = a.benchmark ? (book.series.get(a.benchmark.id) as BookSeries) : null;
  const ev = { id: event.id, occurredAt: event.occurredAt, timePrecision: event.timePrecision };
  const horizon = `[${window[0]},+${window[1]}]`;
  const useBench = bench !== null && bench.dates.length >= 2;
  const key = `${event.id}|${s.calendar}|${useBench ? bench.calendar : -1}|${a.exchange}|${a.timeZone}|${a.assetClass}`;
  let placed = ctx.dayZeros.get(key);
  if (!placed) {
    const beforeData = s.dates.length === 0 || eventDateOnExchange(ev, a.timeZone) < (s.dates[0] as string);
    const z = beforeData ? null : dayZeroOnChart(ev, s.dates, a, useBench ? { symbol: a.benchmark!.symbol, sessions: bench.dates } : null);
    placed = { beforeData, date: z?.date ?? null, index: z ? lowerBound(s.dates, z.date) : -1 };
    ctx.dayZeros.set(key, placed);
  }
  const { beforeData } = placed;
  const dz = placed.date === null ? null : { date: placed.date };
  const i = placed.index;
  if (!beforeData && (dz === null || i + window[1] >= s.dates.length)) {
    return { ok: false, reason: `the ${horizon} window after this event is not complete for ${a.symbol} (prices end ${s.dates.at(-1) ?? "—"})` };
  }
  if (!beforeData && i + window[0] - 1 >= 0) {
    const r = windowReturn(s, i, window);
    if (Number.isFinite(r)) return { ok: true, cell: { symbol: a.symbol, return: r, proxied: false, day0: dz!.date, beta: null } };
    return { ok: false, reason: `no ${p.fxSeries.join(" / ")} close to convert ${a.symbol} into ${book.baseCurrency} at this event` };
  }
  // No data for this analogue: β × the benchmark's return over the same horizon after its own day 0.
  if (!a.benchmark || !bench) return { ok: false, reason: `${a.symbol} has no prices around this event and no benchmark to proxy it` };
  const bm = a.benchmark;
  const bdz = dayZeroOnChart(ev, bench.dates, bm, null);
  const bi = bdz ? lowerBound(bench.dates, bdz.date) : -1;
  if (bdz === null || bi + window[0] - 1 < 0 || bi + window[1] >= bench.dates.length) {
    return { ok: false, reason: `${a.symbol} has no prices around this event and its benchmark ${bm.symbol} has none over ${horizon} either` };
  }
  let al = ctx.aligned.get(a.id);
  if (!al) {
    al = alignedReturns({ dates: s.dates, values: s.local }, { dates: bench.dates, values: bench.local }, "simple");
    ctx.aligned.set(a.id, al);
  }
  const n = al.dates.length;
  const k = lowerBound(al.dates, bdz.date);
  const start = Math.max(0, Math.min(k - 250, n - PROXY_BETA_SESSIONS));
  const end = Math.min(n, start + PROXY_BETA_SESSIONS);
  if (end - start < PROXY_MIN_OBSERVATIONS) {
    return { ok: false, reason: `${a.symbol} has no prices around this event and only ${Math.max(0, end - start)} returns aligned with ${bm.symbol} to estimate a β proxy (${PROXY_MIN_OBSERVATIONS} needed)` };
  }
  const beta = betaToBenchmark(al.asset.subarray(start, end), al.benchmark.subarray(start, end));
  const from = bench.dates[bi + window[0] - 1] as string;
  const to = bench.dates[bi + window[1]] as string;
  const localBench = (bench.local[bi + window[1]] as number) / (bench.local[bi + window[0] - 1] as number) - 1;
  const legs = book.legsOf(a.currency);
  const fxMove = fxRateOn(to, legs, book.fx) / fxRateOn(from, legs, book.fx) - 1;
  const r = (1 + betaProxyReturn(beta, localBench)) * (1 + fxMove) - 1;
  if (!Number.isFinite(r)) return { ok: false, reason: `no β proxy for ${a.symbol}: ${Number.isFinite(beta) ? `no ${legs.map((l) => l.symbol).join(" / ")} close at this event` : `${bm.symbol} did not move`}` };
  return { ok: true, cell: { symbol: a.symbol, return: r, proxied: true, day0: bdz.date, beta } };
}

/** Sessions on which every position has a base-currency close, within [from, to], with each position's closes on them. */
function commonCalendar(book: ResolvedBook, from: string, to: string): { dates: string[]; prices: Float64Array[] } {
  const all = book.positions.map((p) => book.series.get(p.asset.id) as BookSeries);
  const calendars = new Map<number, string[]>();
  for (const s of all) calendars.set(s.calendar, s.dates);
  const distinct = [...calendars.values()];
  let dates = (distinct[0] ?? []).filter((d) => d >= from && d <= to);
  for (const c of distinct.slice(1)) {
    const have = new Set(c);
    dates = dates.filter((d) => have.has(d));
  }
  // Where each common date sits in each calendar, found once per calendar.
  const positionsIn = new Map<number, Int32Array>();
  for (const [id, c] of calendars) {
    const at = new Int32Array(dates.length);
    let j = 0;
    for (let i = 0; i < dates.length; i++) {
      while (c[j] !== dates[i]) j++;
      at[i] = j;
    }
    positionsIn.set(id, at);
  }
  // A date where some FX close is missing cannot be valued: drop it from every series.
  const keep = new Uint8Array(dates.length).fill(1);
  for (const s of all) {
    const at = positionsIn.get(s.calendar) as Int32Array;
    for (let i = 0; i < dates.length; i++) if (!Number.isFinite(s.base[at[i] as number] as number)) keep[i] = 0;
  }
  const kept: number[] = [];
  for (let i = 0; i < dates.length; i++) if (keep[i]) kept.push(i);
  const prices = all.map((s) => {
    const at = positionsIn.get(s.calendar) as Int32Array;
    const out = new Float64Array(kept.length);
    for (let k = 0; k < kept.length; k++) out[k] = s.base[at[kept[k] as number] as number] as number;
    return out;
  });
  return { dates: kept.map((i) => dates[i] as string), prices };
}

/** Loads, checks and runs Scenario 1; throws ValidationError (422) naming the field for bad input. */
export async function runAnalogueScenario(request: unknown, options: { today?: string } = {}): Promise<AnalogueScenarioResult> {
  const params: AnalogueScenarioParams = parseOrThrow(analogueScenarioSchema, request);
  const window = params.horizon as SessionWindow;
  const sel = params.analogues;
  const events = await selectEvents({
    ids: sel.eventIds,
    themeId: sel.themeId,
    category: sel.category,
    countries: sel.countries,
    severityMin: sel.severityMin,
    tags: sel.tags,
    from: sel.from,
    to: sel.to,
  });
  if (sel.eventIds?.length) {
    const found = new Set(events.map((e) => e.id));
    const missing = sel.eventIds.filter((id) => !found.has(id));
    if (missing.length) {
      const deleted = new Set(await deletedAmong(missing));
      const unknown = missing.filter((id) => !deleted.has(id));
      const messages = [
        ...(unknown.length ? [`No such event: ${unknown.join(", ")}`] : []),
        ...(deleted.size ? [`${deleted.size === 1 ? "Event" : "Events"} ${[...deleted].join(", ")} ${deleted.size === 1 ? "is" : "are"} deleted: untick ${deleted.size === 1 ? "it" : "them"}`] : []),
      ];
      throw new ValidationError({ "analogues.eventIds": messages });
    }
  }
  if (events.length === 0) throw new ValidationError({ analogues: ["No events match this selection: widen the filters or pick events"] });
  const end = params.asOf ?? options.today ?? new Date().toISOString().slice(0, 10);
  const uncondFrom = daysBefore(end, Math.round(365.25 * params.lookbackYears));
  const earliest = events[0]!.occurredAt.toISOString().slice(0, 10);
  const from = daysBefore(earliest < uncondFrom ? earliest : uncondFrom, HISTORY_BEFORE_EVENTS);
  const book = await resolveBook(params.book, { asOf: params.asOf, from });
  return analogueResult(book, events, params, window);
}

function analogueResult(book: ResolvedBook, events: EventRef[], params: AnalogueScenarioParams, window: SessionWindow): AnalogueScenarioResult {
  const ctx: ProxyContext = { book, window, aligned: new Map(), dayZeros: new Map() };
  const used: { event: EventRef; cells: AnalogueCell[] }[] = [];
  const excluded: AnalogueScenarioResult["excluded"] = [];
  let incomplete = 0;
  for (const event of events) {
    const cells: AnalogueCell[] = [];
    let reason: string | null = null;
    for (const p of book.positions) {
      const o = positionOutcome(ctx, p, event);
      if (!o.ok) {
        reason = o.reason;
        if (o.reason.includes("is not complete")) incomplete++;
        break;
      }
      cells.push(o.cell);
    }
    if (reason) excluded.push({ eventId: event.id, title: event.title, reason });
    else used.push({ event, cells });
  }
  if (used.length === 0 && incomplete === events.length) {
    throw new ValidationError({ horizon: [`The [${window[0]},+${window[1]}] horizon runs past the stored prices after every selected event: choose a shorter horizon or earlier events`] });
  }
  // Ordinary days: every start session of the last N years on the book's common calendar.
  const uncondFrom = daysBefore(book.asOf, Math.round(365.25 * params.lookbackYears));
  const cal = commonCalendar(book, uncondFrom, book.asOf);
  const span = window[1] - window[0] + 1;
  if (cal.dates.length < span + 1) {
    throw new ValidationError({ horizon: [`The [${window[0]},+${window[1]}] horizon needs ${span + 1} sessions every position traded; the last ${params.lookbackYears} years hold ${cal.dates.length}`] });
  }
  const weights = book.positions.map((p) => p.value / book.netValue);
  const unconditional = unconditionalWindowReturns(cal.prices, weights, window);
  const firstDay0 = used.map(({ cells }) => cells.filter((c) => !c.proxied).map((c) => c.day0).sort()[0] ?? null);
  const analogueStarts = firstDay0.map((first) => {
    if (!first || first < (cal.dates[0] as string) || first > (cal.dates.at(-1) as string)) return null;
    return lowerBound(cal.dates, first);
  });
  const inputs: AnalogueReturns[] = used.map(({ event, cells }) => ({ key: String(event.id), returns: cells.map((c) => c.return), proxied: cells.map((c) => c.proxied) }));
  const r: AnalogueScenario = analogueScenario({
    positionValues: book.positions.map((p) => p.value),
    analogues: inputs,
    window,
    unconditional: { returns: unconditional, analogueStarts },
    bootstrap: { seed: params.seed },
    placebo: { seed: params.seed },
  });
  const sym = (i: number) => book.positions[i]!.symbol;
  const scale = (s: DistributionStats, k: number): DistributionStats => ({ ...s, mean: s.mean * k, median: s.median * k, worst: s.worst * k, best: s.best * k, quantile: s.quantile * k, expectedShortfall: s.expectedShortfall * k });
  const uncondN = r.unconditional?.n ?? 0;
  const result: AnalogueScenarioResult = {
    kind: "analogues",
    parameters: {
      baseCurrency: book.baseCurrency,
      horizon: [window[0], window[1]],
      lookbackYears: params.lookbackYears,
      asOf: book.asOf,
      seed: params.seed,
      pickedIds: params.analogues.eventIds?.length ? params.analogues.eventIds : null,
      analogueIds: used.map((u) => u.event.id),
    },
    positions: book.positions.map((p) => positionJson(p, book.netValue)),
    netValue: book.netValue,
    analogues: r.analogues.map((a, k) => {
      const u = used[k]!;
      return {
        eventId: u.event.id,
        title: u.event.title,
        occurredAt: u.event.timePrecision === "DAY" ? u.event.occurredAt.toISOString().slice(0, 10) : u.event.occurredAt.toISOString(),
        return: a.return,
        pnl: a.pnl,
        topContributors: a.topContributors.map((c) => ({ symbol: sym(c.position), pnl: c.pnl, contribution: c.contribution })),
        day0: firstDay0[k] ?? null,
        returns: u.cells.map((c) => c.return),
        proxied: a.proxiedPositions.map(sym),
        proxies: u.cells.filter((c) => c.proxied).map((c) => ({ symbol: c.symbol, beta: c.beta as number, day0: c.day0 })),
      };
    }),
    excluded,
    contributions: r.positions.map((c) => ({ symbol: sym(c.position), meanPnl: num(c.meanPnl), meanContribution: num(c.meanContribution), medianReturn: num(c.medianReturn), proxiedIn: c.proxiedIn })),
    distribution: statsJson(r.distribution),
    distributionPnl: statsJson(scale(r.distribution, book.netValue)),
    bootstrap: {
      confidence: r.bootstrap.confidence,
      draws: r.bootstrap.draws,
      seed: r.bootstrap.seed,
      mean: [num(r.bootstrap.mean[0]), num(r.bootstrap.mean[1])],
      expectedShortfall: [num(r.bootstrap.expectedShortfall[0]), num(r.bootstrap.expectedShortfall[1])],
    },
    unconditional: r.unconditional && { ...statsJson(r.unconditional), from: cal.dates[0] as string, to: cal.dates.at(-1) as string, sessions: uncondN },
    tailRatio: r.tailRatio === null ? null : num(r.tailRatio),
    placebo: r.placebo && { ...r.placebo, pValue: num(r.placebo.pValue) },
    warning: r.warning,
    summary: "",
  };
  result.summary = describeAnalogueScenario(result);
  return result;
}

/** Scenario 2's shocks from Scenario 1: the median analogue move of the `count` positions that moved most. */
export function shocksFromAnalogues(result: AnalogueScenarioResult, count = 3): { symbol: string; shock: number }[] {
  const symbols = result.positions.map((p) => p.symbol);
  const returns = result.analogues.map((a) => a.returns);
  return shocksFromAnalogueMedians(returns, symbols.length, { count }).map((s) => ({ symbol: symbols[s.position] as string, shock: s.shock }));
}

