// Converting a price in one currency into another through stored FX series, with Yahoo's quoting: `KRW=X` is KRW per
// USD, `EURUSD=X` is USD per EUR (`XXXYYY=X` is YYY per XXX). A pair is used directly, inverted, or crossed through USD.
import { lowerBound } from "@/lib/analytics/sorted-dates";
import { ValidationError } from "@/lib/errors";

/** One stored series and whether its close is the multiplier (false) or its reciprocal (true). */
export interface FxLeg {
  symbol: string;
  invert: boolean;
}

/** The stored series that would convert `from` into `to` in one leg, in the order they are tried. */
function oneLeg(from: string, to: string): FxLeg[] {
  const legs: FxLeg[] = [
    { symbol: `${from}${to}=X`, invert: false },
    { symbol: `${to}${from}=X`, invert: true },
  ];
  if (from === "USD") legs.push({ symbol: `${to}=X`, invert: false });
  if (to === "USD") legs.push({ symbol: `${from}=X`, invert: true });
  return legs;
}

/** Every FX symbol a conversion from `from` to `to` could use, to look up in one query. */
export function fxCandidates(from: string, to: string): string[] {
  if (from === to) return [];
  const out = oneLeg(from, to).map((l) => l.symbol);
  if (from !== "USD" && to !== "USD") out.push(...oneLeg(from, "USD").map((l) => l.symbol), ...oneLeg("USD", to).map((l) => l.symbol));
  return out;
}

/** The series that convert `from` into `to` among `stored` symbols: [] for the same currency, null when impossible. */
export function fxRoute(from: string, to: string, stored: ReadonlySet<string>): FxLeg[] | null {
  if (from === to) return [];
  const direct = oneLeg(from, to).find((l) => stored.has(l.symbol));
  if (direct) return [direct];
  if (from === "USD" || to === "USD") return null;
  const a = oneLeg(from, "USD").find((l) => stored.has(l.symbol));
  const b = oneLeg("USD", to).find((l) => stored.has(l.symbol));
  return a && b ? [a, b] : null;
}

/** What to add when no route exists: the USD rate of each non-USD currency (`KRW=X`), Yahoo's usual series. */
export function seriesToAdd(from: string, to: string, stored: ReadonlySet<string>): string[] {
  if (from === "USD") return [`${to}=X`];
  if (to === "USD") return [`${from}=X`];
  const legFrom = oneLeg(from, "USD").some((l) => stored.has(l.symbol));
  const legTo = oneLeg("USD", to).some((l) => stored.has(l.symbol));
  return [...(legFrom ? [] : [`${from}=X`]), ...(legTo ? [] : [`${to}=X`])];
}

/** A needed FX series is not stored: 422 on the base currency, naming the series to add. */
export class MissingFxSeriesError extends ValidationError {
  constructor(readonly missing: { from: string; to: string; add: string[] }[]) {
    const text = missing.map((m) => `${m.from} → ${m.to} needs ${m.add.join(" and ")}`).join("; ");
    super({ "book.baseCurrency": [`No stored FX series converts every position into the base currency: ${text}. Add the series as an asset, then run the scenario again.`] });
  }
}

export interface DatedSeries {
  dates: readonly string[];
  values: ArrayLike<number>;
}

/**
 * Multiplier from local to base currency on each of `dates`: the product of the legs' closes (or reciprocals) on that
 * date or, when an FX series has no close that day, its last close before it; NaN before a series starts.
 */
export function fxRatesOn(dates: readonly string[], legs: readonly FxLeg[], series: ReadonlyMap<string, DatedSeries>): Float64Array {
  const out = new Float64Array(dates.length).fill(1);
  for (const leg of legs) {
    const s = series.get(leg.symbol);
    if (!s) throw new Error(`FX series ${leg.symbol} was not loaded`);
    let j = 0;
    for (let i = 0; i < dates.length; i++) {
      const d = dates[i] as string;
      while (j < s.dates.length && (s.dates[j] as string) <= d) j++;
      const close = j === 0 ? NaN : (s.values[j - 1] as number);
      out[i] = (out[i] as number) * (leg.invert ? 1 / close : close);
    }
  }
  return out;
}

/** Multiplier on one date (same rule as `fxRatesOn`). */
export function fxRateOn(date: string, legs: readonly FxLeg[], series: ReadonlyMap<string, DatedSeries>): number {
  let rate = 1;
  for (const leg of legs) {
    const s = series.get(leg.symbol);
    if (!s) throw new Error(`FX series ${leg.symbol} was not loaded`);
    const j = lowerBound(s.dates, date);
    const k = s.dates[j] === date ? j : j - 1;
    const close = k < 0 ? NaN : (s.values[k] as number);
    rate *= leg.invert ? 1 / close : close;
  }
  return rate;
}
