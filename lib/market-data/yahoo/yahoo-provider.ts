// Yahoo Finance through yahoo-finance2 3.x: chart() for daily history (one request, no crumb), search() for symbol
// candidates, quote() for profiles (cookie + crumb session). Every HTTP request passes the shared request gate and
// retry policy (lib/market-data/fetch-policy.ts); every failure leaves as a MarketDataError (./map-error.ts).
import "server-only";
import YahooFinance from "yahoo-finance2";
import { ExtendedCookieJar } from "yahoo-finance2/lib/cookieJar";
import { getCrumbClear } from "yahoo-finance2/lib/getCrumb";
import {
  createRequestGate,
  policedFetch,
  type FetchPolicy,
  type PolicedFetchHooks,
  type RequestGate,
} from "@/lib/market-data/fetch-policy";
import type {
  AssetProfile,
  CorporateAction,
  DailyBar,
  History,
  MarketDataProvider,
  SymbolCandidate,
} from "@/lib/market-data/provider";
import { MarketDataError } from "@/lib/market-data/provider";
import { assetClassOf, countryOf } from "./asset-class";
import { fileCookieJarStore, loadCookieJar, serializeCookieJar, type CookieJarStore } from "./cookie-jar-store";
import { toMarketDataError, type YahooCallContext } from "./map-error";
import { dateInZone as tradingDate, isCalendarDate } from "@/lib/dates";
import { utcMidnight } from "./trading-date";
import { YahooSessionRejected, yahooFetch } from "./yahoo-fetch";

export interface ProviderLogger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export interface YahooProviderOptions {
  /** The fetch underneath everything (default: globalThis.fetch, looked up at call time). */
  fetch?: typeof fetch;
  /** Overrides of the request policy: concurrency, requestsPerMinute, retries, delays, timeoutMs, maxRetryAfterMs. */
  policy?: Partial<FetchPolicy>;
  /** A gate shared with other providers talking to Yahoo in this process; when given, `policy` is ignored. */
  gate?: RequestGate;
  /** Persist Yahoo's cookie jar (session cookie + crumb) to this JSON file so restarts skip the crumb dance. */
  cookieJarPath?: string;
  /** Or persist it anywhere else (database, Redis); takes precedence over `cookieJarPath`. */
  cookieStore?: CookieJarStore;
  logger?: ProviderLogger;
  /** Injection points for tests: sleep, random, clock, retry observer. */
  retryHooks?: PolicedFetchHooks;
  /** Candidates returned by search(); default 10. */
  searchLimit?: number;
}

/** History plus what was left out of it, for the refresh job's log and data-quality report. */
export interface YahooHistory extends History {
  /** Bars Yahoo sent without a usable close (dropped). */
  droppedBars: number;
  /** Bars that fell on an already-seen trading date (the later one wins). */
  duplicateBars: number;
}

type YahooClient = InstanceType<typeof YahooFinance>;

const consoleLogger: ProviderLogger = {
  debug: () => undefined,
  info: (message, ...details) => console.info(message, ...details),
  warn: (message, ...details) => console.warn(message, ...details),
  error: (message, ...details) => console.error(message, ...details),
};

/** yahoo-finance2's logger, minus the Node 22 notice it prints on Node 20 (where it works) and its long banners. */
function libraryLogger(logger: ProviderLogger) {
  const quiet = (message: unknown) => typeof message === "string" && /Unsupported environment/.test(message);
  return {
    debug: (...args: unknown[]) => logger.debug("[yahoo-finance2]", ...args),
    info: (...args: unknown[]) => logger.debug("[yahoo-finance2]", ...args),
    dir: (...args: unknown[]) => logger.debug("[yahoo-finance2]", ...args),
    warn: (message: unknown, ...args: unknown[]) => {
      if (!quiet(message)) logger.warn(String(message), ...args);
    },
    error: (message: unknown, ...args: unknown[]) => logger.error(String(message), ...args),
  };
}

function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export class YahooProvider implements MarketDataProvider {
  readonly name = "yahoo" as const;
  private readonly gate: RequestGate;
  private readonly logger: ProviderLogger;
  private readonly cookieStore: CookieJarStore | undefined;
  private readonly fetchImpl: typeof fetch;
  private readonly searchLimit: number;
  private session: Promise<{ client: YahooClient; jar: ExtendedCookieJar; saved: string | null }> | null = null;

  constructor(options: YahooProviderOptions = {}) {
    this.gate = options.gate ?? createRequestGate(options.policy);
    this.logger = options.logger ?? consoleLogger;
    this.cookieStore = options.cookieStore ?? (options.cookieJarPath ? fileCookieJarStore(options.cookieJarPath) : undefined);
    this.searchLimit = options.searchLimit ?? 10;
    const base = options.fetch;
    this.fetchImpl = yahooFetch(policedFetch(() => base ?? globalThis.fetch, this.gate, options.retryHooks));
  }

  /** The client is built once, after the persisted jar is loaded. */
  private clientSession() {
    this.session ??= (async () => {
      const jar = await loadCookieJar(this.cookieStore, (error) =>
        this.logger.warn("Could not restore the Yahoo cookie jar; starting a new session.", error),
      );
      const client = new YahooFinance({
        fetch: this.fetchImpl,
        cookieJar: jar,
        logger: libraryLogger(this.logger),
        suppressNotices: ["yahooSurvey", "ripHistorical"],
        // It would ask registry.npmjs.org for the latest version after a validation failure.
        versionCheck: false,
        // Its own (process-wide) queue must not throttle below ours: the request gate is the only limiter.
        queue: { concurrency: 1_000 },
        // Its validation banner is long; we log a short line instead (see `call`).
        validation: { logErrors: false, logOptionsErrors: true },
      });
      return { client, jar, saved: this.cookieStore ? await serializeCookieJar(jar) : null };
    })();
    return this.session;
  }

  private async call<T>(context: YahooCallContext, run: (client: YahooClient) => Promise<T>): Promise<T> {
    const { client } = await this.clientSession();
    try {
      return await run(client);
    } catch (error) {
      const mapped = toMarketDataError(error, context, this.gate.policy.timeoutMs);
      this.logger.warn(`Yahoo: ${context.action} failed: ${mapped.kind}`, error instanceof Error ? error.message : error);
      throw mapped;
    }
  }

  async history(symbol: string, from: string, to: string): Promise<YahooHistory> {
    if (!isCalendarDate(from) || !isCalendarDate(to)) throw new RangeError(`history(): dates must be YYYY-MM-DD, got ${from}..${to}`);
    if (from > to) return { symbol, timeZone: "UTC", currency: null, bars: [], actions: [], droppedBars: 0, duplicateBars: 0 };
    const context = { action: `fetching prices for ${symbol}`, symbol };
    // Bars are stamped with the session start, which for zones east of UTC falls on the previous UTC day (KRX:
    // 15:00 UTC). So ask from a day early; period2 is exclusive, so ask to the day after `to`; then keep exactly
    // the bars whose trading date in the exchange's zone is in [from, to].
    let chart;
    try {
      chart = await this.call(context, (client) =>
        client.chart(symbol, { period1: utcMidnight(from, -1), period2: utcMidnight(to, 1), interval: "1d" }),
      );
    } catch (error) {
      // Yahoo's answer for a range before the listing (or any range with no data at all) is a 400 with this text:
      // for us that is an empty range, like a weekend.
      if (error instanceof MarketDataError && /Data doesn't exist for startDate/i.test(error.message)) {
        return { symbol, timeZone: "UTC", currency: null, bars: [], actions: [], droppedBars: 0, duplicateBars: 0 };
      }
      throw error;
    }
    try {
      return toHistory(symbol, from, to, chart);
    } catch (error) {
      throw toMarketDataError(error, context, this.gate.policy.timeoutMs);
    }
  }

  async search(query: string): Promise<SymbolCandidate[]> {
    const q = query.trim();
    if (!q) return [];
    const result = await this.call({ action: `searching for "${q}"` }, (client) =>
      client.search(q, { quotesCount: this.searchLimit, newsCount: 0, enableFuzzyQuery: false }),
    );
    const candidates: SymbolCandidate[] = [];
    for (const quote of result.quotes) {
      // Non-Yahoo results (private companies from Crunchbase) have no symbol to chart.
      if (quote.isYahooFinance !== true || typeof quote.symbol !== "string") continue;
      const name = [quote.longname, quote.shortname].find((n): n is string => typeof n === "string" && n.length > 0);
      const exchangeName = typeof quote.exchDisp === "string" ? quote.exchDisp : quote.exchange;
      candidates.push({
        symbol: quote.symbol,
        name: name ?? quote.symbol,
        exchange: exchangeName,
        assetClass: assetClassOf(typeof quote.quoteType === "string" ? quote.quoteType : undefined),
      });
    }
    return candidates;
  }

  async profile(symbol: string): Promise<AssetProfile> {
    const context = { action: `looking up ${symbol}`, symbol };
    const quote = await this.withSession(context, (client) => client.quote(symbol));
    if (!quote) throw new MarketDataError("not_found", `Yahoo has no symbol "${symbol}".`);
    const { currency, exchangeTimezoneName, exchange } = quote;
    if (!currency || !exchangeTimezoneName || !exchange) {
      throw new MarketDataError("invalid_response", `Yahoo's profile of ${symbol} lacks its currency, exchange or time zone.`);
    }
    return {
      symbol: quote.symbol,
      name: quote.longName ?? quote.shortName ?? quote.displayName ?? quote.symbol,
      currency,
      exchange: quote.fullExchangeName ?? exchange,
      timeZone: exchangeTimezoneName,
      assetClass: assetClassOf(quote.quoteType),
      country: countryOf(quote.market),
    };
  }

  /**
   * A crumb call. yahoo-finance2 caches the crumb in module-wide variables and, once it has served a cached crumb,
   * never asks again — not even after Yahoo rejects it. So before each call that cache is reset (by clearing a
   * throwaway jar), which makes the crumb come from this provider's own jar; and when Yahoo rejects the session
   * (401) the jar is emptied and the call tried once more with a fresh cookie and crumb. The jar is persisted
   * afterwards whenever it changed.
   */
  private async withSession<T>(context: YahooCallContext, run: (client: YahooClient) => Promise<T>): Promise<T> {
    const session = await this.clientSession();
    try {
      return await this.call(context, async (client) => {
        await getCrumbClear(new ExtendedCookieJar());
        try {
          return await run(client);
        } catch (error) {
          if (!(error instanceof YahooSessionRejected)) throw error;
          this.logger.info("Yahoo rejected the stored session; fetching a new cookie and crumb.");
          await getCrumbClear(session.jar);
          return run(client);
        }
      });
    } finally {
      await this.persistJar(session);
    }
  }

  private async persistJar(session: { jar: ExtendedCookieJar; saved: string | null }) {
    if (!this.cookieStore) return;
    try {
      const serialized = await serializeCookieJar(session.jar);
      if (serialized === session.saved) return;
      await this.cookieStore.save(serialized);
      session.saved = serialized;
    } catch (error) {
      this.logger.warn("Could not save the Yahoo cookie jar; the next start will fetch a new crumb.", error);
    }
  }
}

interface ChartLike {
  meta: { exchangeTimezoneName: string; currency?: string | null };
  quotes: Array<{
    date: Date;
    open: number | null;
    high: number | null;
    low: number | null;
    close: number | null;
    volume: number | null;
    adjclose?: number | null;
  }>;
  events?: {
    dividends?: Array<{ date: Date; amount: number }>;
    splits?: Array<{ date: Date; numerator: number; denominator: number }>;
  };
}

/** Yahoo's chart → trading-dated bars in [from, to] and the splits/dividends in the same window. */
export function toHistory(symbol: string, from: string, to: string, chart: ChartLike): YahooHistory {
  const timeZone = chart.meta.exchangeTimezoneName;
  const byDate = new Map<string, DailyBar>();
  let droppedBars = 0;
  let duplicateBars = 0;
  for (const quote of chart.quotes) {
    const date = tradingDate(quote.date, timeZone);
    if (date < from || date > to) continue;
    const close = finiteOrNull(quote.close);
    if (close === null || close <= 0) {
      droppedBars++;
      continue;
    }
    if (byDate.has(date)) duplicateBars++; // Yahoo repeats the live session as an extra bar; the later one is fresher
    byDate.set(date, {
      date,
      open: finiteOrNull(quote.open),
      high: finiteOrNull(quote.high),
      low: finiteOrNull(quote.low),
      close,
      adjClose: finiteOrNull(quote.adjclose),
      volume: finiteOrNull(quote.volume),
    });
  }
  const bars = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const actions: CorporateAction[] = [];
  for (const split of chart.events?.splits ?? []) {
    if (split.denominator > 0) actions.push({ date: tradingDate(split.date, timeZone), kind: "split", value: split.numerator / split.denominator });
  }
  for (const dividend of chart.events?.dividends ?? []) {
    actions.push({ date: tradingDate(dividend.date, timeZone), kind: "dividend", value: dividend.amount });
  }
  const inRange = actions
    .filter((a) => a.date >= from && a.date <= to)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind.localeCompare(b.kind)));

  return { symbol, timeZone, currency: chart.meta.currency ?? null, bars, actions: inRange, droppedBars, duplicateBars };
}
