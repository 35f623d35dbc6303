// A scenario's book resolved against the store: each position's asset, its closes up to the as-of date in local and
// base currency, and its value. Unknown symbols, missing prices and missing FX series are refused with 422 naming the
// field; nothing is skipped.
import "server-only";
import { loadAdjustedCloses, type PriceSeries } from "@/lib/prices/adjusted-closes";
import { readQuery } from "@/lib/db/read-routing";
import { ValidationError, type FieldErrors } from "@/lib/errors";
import { lowerBound } from "@/lib/analytics/sorted-dates";
import { fxCandidates, fxRateOn, fxRatesOn, fxRoute, majorCurrency, type FxLeg } from "@/lib/portfolios/fx";
import { MissingFxSeriesError } from "./missing-fx";
import type { ParsedBook } from "./schemas";

export interface BookAsset {
  id: number;
  symbol: string;
  name: string;
  /** ISO currency of the price (USD for a price in US cents). */
  currency: string;
  /** Turns a stored price into `currency` (0.01 for a price in cents, else 1). */
  priceFactor: number;
  exchange: string;
  timeZone: string;
  assetClass: string;
  benchmark: { id: number; symbol: string; exchange: string; timeZone: string; assetClass: string; currency: string } | null;
}

export interface ResolvedPosition {
  symbol: string;
  name: string;
  currency: string;
  quantity: number | null;
  weight: number | null;
  /** Local close on `priceDate`, the last session on or before the as-of date. */
  price: number;
  priceDate: string;
  /** Local → base multiplier on `priceDate`. */
  fxRate: number;
  fxSeries: string[];
  /** Value in the base currency (signed: a short position is negative). */
  value: number;
  asset: BookAsset;
}

/** Closes of one asset: local, and converted into the base currency date by date (NaN before the FX series starts). */
export interface BookSeries {
  /** Shared by every series with the same sessions (one KRX calendar for all KRX stocks), so work per calendar is done once. */
  dates: string[];
  /** Identifies `dates`: equal ids, identical calendars. */
  calendar: number;
  local: Float64Array;
  base: Float64Array;
  legs: FxLeg[];
}

/** Returns the one shared array for each distinct calendar, and its id. */
function calendarInterner(): (dates: string[]) => { dates: string[]; calendar: number } {
  const known = new Map<string, { dates: string[]; calendar: number }[]>();
  let next = 0;
  return (dates) => {
    const key = `${dates.length}|${dates[0] ?? ""}|${dates.at(-1) ?? ""}`;
    const candidates = known.get(key) ?? [];
    for (const c of candidates) {
      let same = true;
      for (let i = 0; i < dates.length && same; i++) same = c.dates[i] === dates[i];
      if (same) return c;
    }
    const fresh = { dates, calendar: next++ };
    candidates.push(fresh);
    known.set(key, candidates);
    return fresh;
  };
}

export interface ResolvedBook {
  baseCurrency: string;
  asOf: string;
  positions: ResolvedPosition[];
  netValue: number;
  /** By asset id: every position's, benchmark's and extra asset's series. */
  series: Map<number, BookSeries>;
  /** Stored FX series by symbol (for converting proxies). */
  fx: Map<string, PriceSeries>;
  /** Base-currency conversion legs per currency. */
  legsOf(currency: string): FxLeg[];
}

const ASSET_SQL = `SELECT a.id, a.symbol, a.name, a.currency, a.exchange, a.time_zone, a.asset_class::text AS asset_class,
    b.id AS b_id, b.symbol AS b_symbol, b.exchange AS b_exchange, b.time_zone AS b_time_zone, b.asset_class::text AS b_asset_class, b.currency AS b_currency
  FROM asset a LEFT JOIN asset b ON b.id = a.benchmark_id AND b.deleted_at IS NULL
  WHERE a.symbol = ANY($1::text[]) AND a.deleted_at IS NULL`;

interface AssetRow {
  id: number;
  symbol: string;
  name: string;
  currency: string;
  exchange: string;
  time_zone: string;
  asset_class: string;
  b_id: number | null;
  b_symbol: string | null;
  b_exchange: string | null;
  b_time_zone: string | null;
  b_asset_class: string | null;
  b_currency: string | null;
}

/** Tracked assets by symbol (upper-case symbols as stored). */
export async function assetsBySymbol(symbols: readonly string[]): Promise<Map<string, BookAsset>> {
  const { rows } = await readQuery<AssetRow>(ASSET_SQL, [[...new Set(symbols)]]);
  return new Map(
    rows.map((r) => [
      r.symbol,
      {
        id: r.id,
        symbol: r.symbol,
        name: r.name,
        currency: majorCurrency(r.currency).currency,
        priceFactor: majorCurrency(r.currency).factor,
        exchange: r.exchange,
        timeZone: r.time_zone,
        assetClass: r.asset_class,
        benchmark:
          r.b_id === null
            ? null
            : { id: r.b_id, symbol: r.b_symbol as string, exchange: r.b_exchange as string, timeZone: r.b_time_zone as string, assetClass: r.b_asset_class as string, currency: majorCurrency(r.b_currency as string).currency },
      },
    ]),
  );
}

/**
 * Resolves a parsed book: its assets (plus `extraSymbols`, e.g. shocked indices, which must be tracked too — refused
 * under their `extraFields`), the FX routes into the base currency, and closes from `from` to the as-of date (default: the
 * latest close of any position).
 */
export async function resolveBook(
  book: ParsedBook,
  options: { asOf?: string; from: string; extraSymbols?: readonly string[]; extraFields?: readonly string[] },
): Promise<ResolvedBook & { extras: BookAsset[] }> {
  const base = book.baseCurrency;
  const extraSymbols = options.extraSymbols ?? [];
  const assets = await assetsBySymbol([...book.positions.map((p) => p.symbol), ...extraSymbols]);
  const errors: FieldErrors = {};
  book.positions.forEach((p, i) => {
    if (!assets.has(p.symbol)) errors[`book.positions.${i}.symbol`] = [`There is no tracked asset ${p.symbol}: add it first, or check the symbol`];
  });
  extraSymbols.forEach((s, i) => {
    if (!assets.has(s)) errors[options.extraFields?.[i] ?? `extra.${i}`] = [`There is no tracked asset ${s}: add it first, or check the symbol`];
  });
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const held = book.positions.map((p) => assets.get(p.symbol) as BookAsset);
  const extras = extraSymbols.map((s) => assets.get(s) as BookAsset);
  const all = [...held, ...extras];
  const currencies = new Set<string>();
  for (const a of all) {
    currencies.add(a.currency);
    if (a.benchmark) currencies.add(a.benchmark.currency);
  }
  const candidates = [...currencies].flatMap((c) => fxCandidates(c, base));
  const fxAssets = candidates.length ? await assetsBySymbol(candidates) : new Map<string, BookAsset>();
  const stored = new Set(fxAssets.keys());
  const routes = new Map<string, FxLeg[]>();
  const missing: { from: string; to: string; add: string[] }[] = [];
  for (const c of currencies) {
    const route = fxRoute(c, base, (symbol) => stored.has(symbol));
    if (route.kind === "same") routes.set(c, []);
    else if (route.kind === "route") routes.set(c, route.legs);
    else if (all.some((a) => a.currency === c)) missing.push({ from: c, to: base, add: route.symbols });
  }
  if (missing.length > 0) throw new MissingFxSeriesError(missing);
  const fxIds = new Map<string, number>();
  for (const legs of routes.values()) for (const l of legs) fxIds.set(l.symbol, (fxAssets.get(l.symbol) as BookAsset).id);
  const ids = new Set<number>([...all.map((a) => a.id), ...all.flatMap((a) => (a.benchmark ? [a.benchmark.id] : [])), ...fxIds.values()]);
  const closes = await loadAdjustedCloses([...ids], options.asOf, options.from, 4);
  const fx = new Map<string, PriceSeries>([...fxIds].map(([symbol, id]) => [symbol, closes.get(id) as PriceSeries]));
  const legsOf = (currency: string) => routes.get(currency) ?? [];
  const series = new Map<number, BookSeries>();
  const intern = calendarInterner();
  const seriesOf = (id: number, currency: string) => {
    const known = series.get(id);
    if (known) return known;
    const s = closes.get(id) as PriceSeries;
    const legs = routes.get(currency);
    const rates = legs ? fxRatesOn(s.dates, legs, fx) : new Float64Array(s.dates.length).fill(NaN);
    const base = new Float64Array(s.values.length);
    for (let i = 0; i < base.length; i++) base[i] = (s.values[i] as number) * (rates[i] as number);
    const out: BookSeries = { ...intern(s.dates), local: s.values, base, legs: legs ?? [] };
    series.set(id, out);
    return out;
  };
  for (const a of all) {
    seriesOf(a.id, a.currency);
    if (a.benchmark) seriesOf(a.benchmark.id, a.benchmark.currency);
  }
  const asOf = options.asOf ?? held.reduce((m, a) => {
    const d = seriesOf(a.id, a.currency).dates.at(-1);
    return d && d > m ? d : m;
  }, "");
  const positions: ResolvedPosition[] = [];
  book.positions.forEach((p, i) => {
    const a = held[i] as BookAsset;
    const s = seriesOf(a.id, a.currency);
    const j = lowerBound(s.dates, asOf);
    const k = s.dates[j] === asOf ? j : j - 1;
    if (k < 0) {
      errors[`book.positions.${i}.symbol`] = [`${a.symbol} has no stored close on or before ${asOf || "the as-of date"}`];
      return;
    }
    const priceDate = s.dates[k] as string;
    const legs = legsOf(a.currency);
    const fxRate = fxRateOn(priceDate, legs, fx);
    if (!Number.isFinite(fxRate)) {
      errors["book.baseCurrency"] = [`No ${legs.map((l) => l.symbol).join(" / ")} close on or before ${priceDate} to convert ${a.symbol} into ${base}`];
      return;
    }
    const price = s.local[k] as number;
    const value = p.quantity !== undefined ? p.quantity * price * a.priceFactor * fxRate : (p.weight as number) * (book.notional as number);
    positions.push({
      symbol: a.symbol,
      name: a.name,
      currency: a.currency,
      quantity: p.quantity ?? null,
      weight: p.weight ?? null,
      price,
      priceDate,
      fxRate,
      fxSeries: legs.map((l) => l.symbol),
      value,
      asset: a,
    });
  });
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const netValue = positions.reduce((s, p) => s + p.value, 0);
  if (!(netValue > 0)) throw new ValidationError({ "book.positions": [`The book's net value is ${netValue.toFixed(2)} ${base}: scenarios report P&L as a share of a positive net value`] });
  return { baseCurrency: base, asOf, positions, netValue, series, fx, legsOf, extras };
}

/** Calendar date `days` before `date`. */
export function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}
