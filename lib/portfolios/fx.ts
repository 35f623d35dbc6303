// How an amount in one currency becomes an amount in another through stored FX series, following Yahoo's naming:
// `XXXYYY=X` is YYY per XXX (EURUSD=X = USD per EUR) and `YYY=X` is YYY per USD (KRW=X = KRW per USD). A pair is used
// directly, inverted, or crossed through USD; when none of these is stored, the route names the series to add.
// Pure: the caller says which symbols are stored and supplies the closes.
import { lowerBound } from "@/lib/analytics/sorted-dates";

export interface FxLeg {
  symbol: string;
  /** True when the series quotes the other way round and its close is divided by, not multiplied. */
  invert: boolean;
}

export type FxRoute =
  | { kind: "same" }
  | { kind: "route"; legs: FxLeg[] }
  /** No stored route: the symbols to add (Yahoo's usual quote for each missing leg against USD). */
  | { kind: "missing"; symbols: string[] };

/** Currencies Yahoo quotes as XXXUSD=X (USD per unit) rather than XXX=X. */
const QUOTED_IN_USD = new Set(["EUR", "GBP", "AUD", "NZD"]);

/** Minor-unit currencies some exchanges price in: the major currency and the factor to it (USX = US cents). */
const MINOR_UNITS: Record<string, { currency: string; factor: number }> = {
  USX: { currency: "USD", factor: 0.01 },
  GBp: { currency: "GBP", factor: 0.01 },
  GBX: { currency: "GBP", factor: 0.01 },
  ZAc: { currency: "ZAR", factor: 0.01 },
  ILA: { currency: "ILS", factor: 0.01 },
};

/** The ISO currency of a price and the factor that turns the price into it (1 unless quoted in a minor unit). */
export function majorCurrency(currency: string): { currency: string; factor: number } {
  return MINOR_UNITS[currency] ?? { currency: currency.toUpperCase(), factor: 1 };
}

/** The symbol Yahoo usually lists for a currency against USD. */
export function usdPairSymbol(currency: string): string {
  return QUOTED_IN_USD.has(currency) ? `${currency}USD=X` : `${currency}=X`;
}

/** Ways to read "B per A" from one stored series, in order of preference. */
function directLegs(from: string, to: string): FxLeg[] {
  if (from === "USD") return [{ symbol: `${to}=X`, invert: false }, { symbol: `USD${to}=X`, invert: false }, { symbol: `${to}USD=X`, invert: true }];
  if (to === "USD") return [{ symbol: `${from}USD=X`, invert: false }, { symbol: `${from}=X`, invert: true }, { symbol: `USD${from}=X`, invert: true }];
  return [{ symbol: `${from}${to}=X`, invert: false }, { symbol: `${to}${from}=X`, invert: true }];
}

function oneLeg(from: string, to: string, stored: (symbol: string) => boolean): FxLeg | null {
  return directLegs(from, to).find((leg) => stored(leg.symbol)) ?? null;
}

/** The route from `from` to `to` (ISO codes) through the stored series. */
export function fxRoute(from: string, to: string, stored: (symbol: string) => boolean): FxRoute {
  if (from === to) return { kind: "same" };
  const direct = oneLeg(from, to, stored);
  if (direct) return { kind: "route", legs: [direct] };
  if (from === "USD" || to === "USD") return { kind: "missing", symbols: [usdPairSymbol(from === "USD" ? to : from)] };
  const toUsd = oneLeg(from, "USD", stored);
  const fromUsd = oneLeg("USD", to, stored);
  if (toUsd && fromUsd) return { kind: "route", legs: [toUsd, fromUsd] };
  return { kind: "missing", symbols: [...(toUsd ? [] : [usdPairSymbol(from)]), ...(fromUsd ? [] : [usdPairSymbol(to)])] };
}

/** Units of `to` per unit of `from` along a route, given each leg's close. */
export function fxRate(legs: readonly FxLeg[], closeOf: (symbol: string) => number): number {
  return legs.reduce((rate, leg) => {
    const close = closeOf(leg.symbol);
    return rate * (leg.invert ? 1 / close : close);
  }, 1);
}

/** Every stored symbol a conversion from `from` to `to` could use (direct or through USD), to look up in one query. */
export function fxCandidates(from: string, to: string): string[] {
  if (from === to) return [];
  const out = directLegs(from, to).map((l) => l.symbol);
  if (from !== "USD" && to !== "USD") out.push(...directLegs(from, "USD").map((l) => l.symbol), ...directLegs("USD", to).map((l) => l.symbol));
  return [...new Set(out)];
}

export interface DatedSeries {
  dates: readonly string[];
  values: ArrayLike<number>;
}

function seriesOf(symbol: string, series: ReadonlyMap<string, DatedSeries>): DatedSeries {
  const s = series.get(symbol);
  if (!s) throw new Error(`FX series ${symbol} was not loaded`);
  return s;
}

/**
 * Units of `to` per unit of `from` on each of `dates` (ascending): each leg's close on that date or, when the FX series
 * has no close that day, its last close before it; NaN before a series starts.
 */
export function fxRatesOn(dates: readonly string[], legs: readonly FxLeg[], series: ReadonlyMap<string, DatedSeries>): Float64Array {
  const out = new Float64Array(dates.length).fill(1);
  for (const leg of legs) {
    const s = seriesOf(leg.symbol, series);
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

/** The rate on one date, by the same rule as `fxRatesOn`. */
export function fxRateOn(date: string, legs: readonly FxLeg[], series: ReadonlyMap<string, DatedSeries>): number {
  return fxRate(legs, (symbol) => {
    const s = seriesOf(symbol, series);
    const j = lowerBound(s.dates, date);
    const k = s.dates[j] === date ? j : j - 1;
    return k < 0 ? NaN : (s.values[k] as number);
  });
}
