// Yahoo Finance as msw sees it: one handler per endpoint yahoo-finance2 calls, answering from the fixtures in
// tests/fixtures/yahoo (written by hand in the shapes of real responses), counting every request it serves.
import { http, HttpResponse } from "msw";
import chartAapl from "../fixtures/yahoo/chart-AAPL.json";
import chartKrx from "../fixtures/yahoo/chart-005930.KS.json";
import chartEmpty from "../fixtures/yahoo/chart-empty.json";
import chartEurUsd from "../fixtures/yahoo/chart-EURUSD=X.json";
import chartGold from "../fixtures/yahoo/chart-GC=F.json";
import chartNotFound from "../fixtures/yahoo/chart-not-found.json";
import quotes from "../fixtures/yahoo/quotes.json";
import searchSamsung from "../fixtures/yahoo/search-samsung.json";

export const YAHOO_CHART_URL = "https://query2.finance.yahoo.com/v8/finance/chart/:symbol";
export const YAHOO_QUOTE_URL = "https://query2.finance.yahoo.com/v7/finance/quote";
export const YAHOO_SEARCH_URL = "https://query2.finance.yahoo.com/v1/finance/search";
export const YAHOO_QUOTE_PAGE_URL = "https://finance.yahoo.com/quote/:symbol";
export const YAHOO_GETCRUMB_URL = "https://query1.finance.yahoo.com/v1/test/getcrumb";

export const FIXTURE_CRUMB = "haT3oykhHqZ";
const SESSION_COOKIE = "A3=d=AQABBFixtureSession&S=AQAAAFixture";

// The empty-range fixture stands for AAPL over a weekend; tests request it as this symbol.
export const EMPTY_RANGE_SYMBOL = "AAPL-WEEKEND";

type ChartBody = typeof chartAapl;
const charts: Record<string, unknown> = {
  AAPL: chartAapl,
  "EURUSD=X": chartEurUsd,
  "GC=F": chartGold,
  "005930.KS": chartKrx,
  [EMPTY_RANGE_SYMBOL]: chartEmpty,
};
const quotesBySymbol = quotes as Record<string, { symbol: string }>;

export interface YahooTraffic {
  chart: number;
  quote: number;
  search: number;
  quotePage: number;
  getcrumb: number;
  /** Query strings of chart requests, to check period1/period2. */
  chartQueries: URLSearchParams[];
}

/** Yahoo's daily chart keeps the sessions whose stamp is in [period1, period2). */
function sliceChart(body: ChartBody, period1: number, period2: number): ChartBody {
  const result = structuredClone(body);
  const chart = result.chart.result[0];
  if (!chart?.timestamp) return result;
  const keep = chart.timestamp.map((t) => t >= period1 && t < period2);
  const pick = <T,>(values: T[]) => values.filter((_, i) => keep[i]);
  chart.timestamp = pick(chart.timestamp);
  for (const quote of chart.indicators.quote) {
    quote.open = pick(quote.open);
    quote.high = pick(quote.high);
    quote.low = pick(quote.low);
    quote.close = pick(quote.close);
    quote.volume = pick(quote.volume);
  }
  for (const adj of chart.indicators.adjclose ?? []) adj.adjclose = pick(adj.adjclose);
  return result;
}

/** Handlers for a healthy Yahoo; `traffic` counts what each endpoint served. */
export function yahooHandlers(traffic: YahooTraffic = newTraffic()) {
  return [
    http.get(YAHOO_CHART_URL, ({ request, params }) => {
      traffic.chart++;
      const url = new URL(request.url);
      traffic.chartQueries.push(url.searchParams);
      const symbol = decodeURIComponent(String(params.symbol));
      const body = charts[symbol];
      if (!body) return HttpResponse.json(chartNotFound, { status: 404 });
      const period1 = Number(url.searchParams.get("period1"));
      const period2 = Number(url.searchParams.get("period2"));
      return HttpResponse.json(sliceChart(body as ChartBody, period1, period2));
    }),

    http.get(YAHOO_SEARCH_URL, ({ request }) => {
      traffic.search++;
      const q = new URL(request.url).searchParams.get("q") ?? "";
      if (/samsung/i.test(q)) return HttpResponse.json(searchSamsung);
      return HttpResponse.json({ ...searchSamsung, count: 0, quotes: [] });
    }),

    // Step 1 of the session: any quote page sets the cookie the crumb is bound to.
    http.get(YAHOO_QUOTE_PAGE_URL, () => {
      traffic.quotePage++;
      const expires = new Date(Date.now() + 365 * 86_400_000).toUTCString();
      return new HttpResponse("<!DOCTYPE html><html><body>quote</body></html>", {
        headers: {
          "content-type": "text/html; charset=utf-8",
          "set-cookie": `${SESSION_COOKIE}; Expires=${expires}; Max-Age=31557600; Domain=.yahoo.com; Path=/; Secure; HttpOnly; SameSite=None`,
        },
      });
    }),

    // Step 2: the crumb, as plain text, only for a client that presents the cookie.
    http.get(YAHOO_GETCRUMB_URL, ({ request }) => {
      traffic.getcrumb++;
      if (!request.headers.get("cookie")?.includes(SESSION_COOKIE)) {
        return new HttpResponse("Unauthorized", { status: 401 });
      }
      return new HttpResponse(FIXTURE_CRUMB, { headers: { "content-type": "text/plain;charset=utf-8" } });
    }),

    // Step 3: the quote itself, only with cookie and crumb; unknown symbols are simply absent from the result.
    http.get(YAHOO_QUOTE_URL, ({ request }) => {
      traffic.quote++;
      const url = new URL(request.url);
      const sessionOk =
        url.searchParams.get("crumb") === FIXTURE_CRUMB && request.headers.get("cookie")?.includes(SESSION_COOKIE);
      if (!sessionOk) {
        return HttpResponse.json(
          { finance: { result: null, error: { code: "Unauthorized", description: "Invalid Crumb" } } },
          { status: 401 },
        );
      }
      const symbols = (url.searchParams.get("symbols") ?? "").split(",");
      const result = symbols.flatMap((s) => (quotesBySymbol[s] ? [quotesBySymbol[s]] : []));
      return HttpResponse.json({ quoteResponse: { result, error: null } });
    }),
  ];
}

export function newTraffic(): YahooTraffic {
  return { chart: 0, quote: 0, search: 0, quotePage: 0, getcrumb: 0, chartQueries: [] };
}
