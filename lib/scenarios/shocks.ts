// Scenario 2, shocks propagated through a conditional covariance: stated moves of a few assets (held or not), every
// position's expected base-currency move given them, and its conditional standard deviation.
import "server-only";
import { propagateShocks, ShockInputError, type CovarianceMethod } from "@/lib/analytics";
import { ValidationError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { daysBefore, resolveBook, type BookAsset, type BookSeries } from "./book";
import { num, positionJson, type Num, type PositionJson } from "./dto";
import { shockScenarioSchema, type ShockScenarioParams } from "./schemas";

export interface ShockScenarioResult {
  kind: "shocks";
  parameters: { baseCurrency: string; method: CovarianceMethod; lambda: number | null; windowSessions: number; horizonSessions: number; asOf: string };
  positions: PositionJson[];
  netValue: number;
  shocks: { symbol: string; shock: number; held: boolean }[];
  /** Per position: the shock when shocked, else E[r | shocks]; conditional sd over the horizon (0 when shocked). */
  moves: { symbol: string; shocked: boolean; expected: number; conditionalSd: Num; pnl: number }[];
  pnl: number;
  return: number;
  /** Conditional sd of the book's P&L, in the base currency and as a share of the net value. */
  pnlSd: Num;
  returnSd: Num;
  observations: number;
  from: string;
  to: string;
  condition: number;
}

/**
 * Daily returns, on the sessions every series traded, from each series' base-currency closes: positions in the base
 * currency, shocked assets that are not held in their own quote (a shock of −5 % on ^KS11 is a move of the index).
 */
function commonReturns(series: BookSeries[], useBase: boolean[], windowSessions: number, asOf: string): { dates: string[]; columns: Float64Array[] } {
  let dates = (series[0]?.dates ?? []).filter((d) => d <= asOf);
  for (const s of series.slice(1)) {
    const have = new Set(s.dates);
    dates = dates.filter((d) => have.has(d));
  }
  const levels = series.map((s, k) => {
    const v = useBase[k] ? s.base : s.local;
    const out = new Float64Array(dates.length);
    let j = 0;
    dates.forEach((d, i) => {
      while (s.dates[j] !== d) j++;
      out[i] = v[j] as number;
    });
    return out;
  });
  const keep = dates.map((_, i) => levels.every((l) => Number.isFinite(l[i] as number)));
  const kept = dates.filter((_, i) => keep[i]);
  const startAt = Math.max(0, kept.length - windowSessions - 1);
  const keptLevels = levels.map((l) => l.filter((_, i) => keep[i]).subarray(startAt));
  const returnDates = kept.slice(startAt + 1);
  const columns = keptLevels.map((l) => {
    const r = new Float64Array(Math.max(0, l.length - 1));
    for (let t = 1; t < l.length; t++) r[t - 1] = (l[t] as number) / (l[t - 1] as number) - 1;
    return r;
  });
  return { dates: returnDates, columns };
}

/** Loads, checks and runs Scenario 2; throws ValidationError (422) naming the field for bad input. */
export async function runShockScenario(request: unknown, options: { today?: string } = {}): Promise<ShockScenarioResult> {
  const params: ShockScenarioParams = parseOrThrow(shockScenarioSchema, request);
  const held = new Set(params.book.positions.map((p) => p.symbol));
  const extraShocks = params.shocks.map((s, i) => ({ symbol: s.symbol, field: `shocks.${i}.symbol` })).filter((s) => !held.has(s.symbol));
  const extraSymbols = extraShocks.map((s) => s.symbol);
  const end = params.asOf ?? options.today ?? new Date().toISOString().slice(0, 10);
  // Calendar days for the window: sessions × 7/5 plus holidays, generously.
  const from = daysBefore(end, Math.ceil(params.windowSessions * 1.6) + 30);
  const book = await resolveBook(params.book, { asOf: params.asOf, from, extraSymbols, extraFields: extraShocks.map((s) => s.field) });
  const extras = new Map(book.extras.map((a) => [a.symbol, a]));
  const columnsAssets: BookAsset[] = [...book.positions.map((p) => p.asset), ...extraSymbols.map((s) => extras.get(s) as BookAsset)];
  const useBase = columnsAssets.map((_, k) => k < book.positions.length);
  const series = columnsAssets.map((a) => book.series.get(a.id) as BookSeries);
  const { dates, columns } = commonReturns(series, useBase, params.windowSessions, book.asOf);
  const names = columnsAssets.map((a) => a.symbol);
  const shockedIndex = params.shocks.map((s) => names.indexOf(s.symbol));
  const values = Float64Array.from(columnsAssets, (_, k) => (k < book.positions.length ? book.positions[k]!.value : 0));
  // Too little history is named per shocked asset: the one whose own series is short, else the common calendar.
  const tooShort = params.shocks.findIndex((s, i) => {
    const own = series[shockedIndex[i] as number] as BookSeries;
    return own.dates.filter((d) => d <= book.asOf && d >= from).length < 61;
  });
  if (tooShort >= 0) {
    const sym = params.shocks[tooShort]!.symbol;
    throw new ValidationError({ [`shocks.${tooShort}.symbol`]: [`${sym} has too little price history in the covariance window: at least 60 daily returns are needed`] });
  }
  let r;
  try {
    r = propagateShocks({
      columns,
      names,
      shocked: shockedIndex,
      shocks: params.shocks.map((s) => s.shock),
      values,
      method: params.method,
      horizon: params.horizonSessions,
    });
  } catch (err) {
    if (err instanceof ShockInputError) {
      const m = /^shocks\.(.+)$/.exec(err.field);
      const i = m ? params.shocks.findIndex((s) => s.symbol === m[1]) : -1;
      throw new ValidationError({ [i >= 0 ? `shocks.${i}.symbol` : "shocks"]: [err.message[0]!.toUpperCase() + err.message.slice(1)] });
    }
    throw err;
  }
  const moves = book.positions.map((p, k) => ({
    symbol: p.symbol,
    shocked: shockedIndex.includes(k),
    expected: r.expected[k] as number,
    conditionalSd: num(r.conditionalSd[k] as number),
    pnl: p.value * (r.expected[k] as number),
  }));
  return {
    kind: "shocks",
    parameters: { baseCurrency: book.baseCurrency, method: params.method, lambda: params.method === "ewma" ? 0.94 : null, windowSessions: params.windowSessions, horizonSessions: params.horizonSessions, asOf: book.asOf },
    positions: book.positions.map((p) => positionJson(p, book.netValue)),
    netValue: book.netValue,
    shocks: params.shocks.map((s) => ({ symbol: s.symbol, shock: s.shock, held: held.has(s.symbol) })),
    moves,
    pnl: r.portfolioExpected,
    return: r.portfolioExpected / book.netValue,
    pnlSd: num(r.portfolioConditionalSd),
    returnSd: num(r.portfolioConditionalSd / book.netValue),
    observations: r.observations,
    from: dates[0] ?? "",
    to: dates.at(-1) ?? "",
    condition: r.condition,
  };
}
