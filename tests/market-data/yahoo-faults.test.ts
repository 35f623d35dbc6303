// Yahoo misbehaving: each fault must surface as the right MarketDataError kind, after exactly the retries the
// policy promises (counted at the handler), with a message an analyst can read.
import { delay, http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import chartAapl from "../fixtures/yahoo/chart-AAPL.json";
import { mswServer } from "../msw/server";
import { YAHOO_CHART_URL, YAHOO_GETCRUMB_URL } from "../msw/yahoo";
import { makeProvider, marketDataErrorOf } from "./yahoo-helpers";

/** Serves `reply(n)` for the n-th chart request (1-based); `undefined` falls through to the healthy fixture. */
function chartFault(reply: (n: number) => Response | undefined | Promise<Response | undefined>) {
  const seen = { requests: 0 };
  mswServer.use(http.get(YAHOO_CHART_URL, async () => reply(++seen.requests)));
  return seen;
}

const fetchAapl = (provider: ReturnType<typeof makeProvider>["provider"]) =>
  provider.history("AAPL", "2024-10-31", "2024-11-06");

describe("Yahoo faults", () => {
  it("429 without Retry-After: retries 4 times with exponential backoff, then says Yahoo is rate-limiting", async () => {
    const { provider, sleeps } = makeProvider();
    const seen = chartFault(() => new HttpResponse("Too Many Requests", { status: 429 }));
    const error = await marketDataErrorOf(fetchAapl(provider));
    expect(error.kind).toBe("rate_limited");
    expect(error.message).toBe("Yahoo is rate-limiting requests (tried 5 times).");
    expect(error.retryAfterMs).toBeUndefined();
    expect(error.transient).toBe(true);
    expect(seen.requests).toBe(5);
    expect(sleeps).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it("429 with Retry-After: waits as long as Yahoo asks, then succeeds", async () => {
    const { provider, sleeps } = makeProvider();
    const seen = chartFault((n) => (n === 1 ? new HttpResponse(null, { status: 429, headers: { "Retry-After": "7" } }) : undefined));
    const history = await fetchAapl(provider);
    expect(history.bars).toHaveLength(4);
    expect(seen.requests).toBe(2);
    expect(sleeps).toEqual([7_000]);
  });

  it("429 with Retry-After every time: gives up after the retries and passes the wait on", async () => {
    const { provider, sleeps } = makeProvider();
    const seen = chartFault(() => new HttpResponse(null, { status: 429, headers: { "Retry-After": "2" } }));
    const error = await marketDataErrorOf(fetchAapl(provider));
    expect(error).toMatchObject({ kind: "rate_limited", retryAfterMs: 2_000 });
    expect(seen.requests).toBe(5);
    expect(sleeps).toEqual([2_000, 2_000, 4_000, 8_000]); // the longer of Retry-After and the backoff
  });

  it("429 with a Retry-After too long to wait for: fails at once so the job can be rescheduled", async () => {
    const { provider, sleeps } = makeProvider();
    const seen = chartFault(() => new HttpResponse(null, { status: 429, headers: { "Retry-After": "3600" } }));
    const error = await marketDataErrorOf(fetchAapl(provider));
    expect(error).toMatchObject({ kind: "rate_limited", retryAfterMs: 3_600_000, message: "Yahoo is rate-limiting requests." });
    expect(seen.requests).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it("500: retries, then says Yahoo is having problems", async () => {
    const { provider } = makeProvider();
    const seen = chartFault(() => new HttpResponse("Internal Server Error", { status: 500 }));
    const error = await marketDataErrorOf(fetchAapl(provider));
    expect(error.kind).toBe("unavailable");
    expect(error.message).toBe("Yahoo Finance is having problems (HTTP 500) while fetching prices for AAPL (tried 5 times).");
    expect(seen.requests).toBe(5);
  });

  it("a passing 503: recovers on the third attempt", async () => {
    const { provider, sleeps } = makeProvider();
    const seen = chartFault((n) => (n <= 2 ? new HttpResponse(null, { status: 503 }) : undefined));
    expect((await fetchAapl(provider)).bars).toHaveLength(4);
    expect(seen.requests).toBe(3);
    expect(sleeps).toEqual([1_000, 2_000]);
  });

  it("timeout: a slow answer is abandoned after timeoutMs, retried, then reported as unavailable", async () => {
    const { provider } = makeProvider({ policy: { timeoutMs: 50, retries: 1 } });
    const seen = chartFault(async () => {
      await delay(5_000);
      return HttpResponse.json(chartAapl);
    });
    const started = Date.now();
    const error = await marketDataErrorOf(fetchAapl(provider));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error.kind).toBe("unavailable");
    expect(error.message).toBe("Yahoo Finance did not answer within 50 ms while fetching prices for AAPL (tried 2 times).");
    expect(seen.requests).toBe(2);
  });

  it("connection reset: retried, then reported as unreachable", async () => {
    const { provider } = makeProvider({ policy: { retries: 2 } });
    const seen = chartFault(() => HttpResponse.error());
    const error = await marketDataErrorOf(fetchAapl(provider));
    expect(error.kind).toBe("unavailable");
    expect(error.message).toBe(
      "Could not reach Yahoo Finance while fetching prices for AAPL (tried 3 times); check the network connection.",
    );
    expect(seen.requests).toBe(3);
  });

  it("malformed JSON: invalid response, not retried", async () => {
    const { provider } = makeProvider();
    const seen = chartFault(() => new HttpResponse('{"chart": {"result": [', { headers: { "content-type": "application/json" } }));
    const error = await marketDataErrorOf(fetchAapl(provider));
    expect(error.kind).toBe("invalid_response");
    expect(error.message).toBe("Yahoo sent a response that is not valid JSON while fetching prices for AAPL.");
    expect(seen.requests).toBe(1);
  });

  it("schema-invalid body: invalid response naming a format change, not retried", async () => {
    const { provider, logs } = makeProvider();
    const broken = structuredClone(chartAapl) as { chart: { result: Array<{ meta: Record<string, unknown> }> } };
    const meta = broken.chart.result[0]?.meta ?? {};
    meta.regularMarketPrice = "n/a";
    delete meta.exchangeTimezoneName;
    const seen = chartFault(() => HttpResponse.json(broken));
    const error = await marketDataErrorOf(fetchAapl(provider));
    expect(error.kind).toBe("invalid_response");
    expect(error.message).toBe(
      "Yahoo sent data in an unexpected format while fetching prices for AAPL; Yahoo may have changed its API.",
    );
    expect(seen.requests).toBe(1);
    expect(logs.some((l) => l.level === "warn" && /invalid_response/.test(l.message))).toBe(true);
  });

  it("a body that parses but is not a chart at all: invalid response", async () => {
    const { provider } = makeProvider();
    chartFault(() => HttpResponse.json({ chart: { result: [], error: null } }));
    expect((await marketDataErrorOf(fetchAapl(provider))).kind).toBe("invalid_response");
  });

  it("429 on the crumb request: the session step is retried too, then reported as rate limiting", async () => {
    const { provider, traffic } = makeProvider({ policy: { retries: 2 } });
    let crumbRequests = 0;
    mswServer.use(
      http.get(YAHOO_GETCRUMB_URL, () => {
        crumbRequests++;
        return new HttpResponse("Too Many Requests", { status: 429 });
      }),
    );
    const error = await marketDataErrorOf(provider.profile("AAPL"));
    expect(error.kind).toBe("rate_limited");
    expect(error.message).toBe("Yahoo is rate-limiting requests (tried 3 times).");
    expect(crumbRequests).toBe(3);
    expect(traffic.quote).toBe(0);
  });

  it("500 on search: unavailable, with what we were doing", async () => {
    const { provider } = makeProvider({ policy: { retries: 0 } });
    mswServer.use(http.get("https://query2.finance.yahoo.com/v1/finance/search", () => new HttpResponse(null, { status: 502 })));
    const error = await marketDataErrorOf(provider.search("samsung"));
    expect(error).toMatchObject({
      kind: "unavailable",
      message: 'Yahoo Finance is having problems (HTTP 502) while searching for "samsung".',
    });
  });

  it("retries really wait (no injected sleep): tiny real delays still end in success", async () => {
    const { provider } = makeProvider({ policy: { baseDelayMs: 5, maxDelayMs: 20 }, retryHooks: {} });
    const seen = chartFault((n) => (n <= 2 ? new HttpResponse(null, { status: 500 }) : undefined));
    expect((await fetchAapl(provider)).bars).toHaveLength(4);
    expect(seen.requests).toBe(3);
  });
});
