// profile() through quote() and its cookie/crumb session, search() through Yahoo's search endpoint.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { http, HttpResponse } from "msw";
import { mswServer } from "../msw/server";
import { FIXTURE_CRUMB, YAHOO_QUOTE_URL } from "../msw/yahoo";
import { makeProvider, marketDataErrorOf } from "./yahoo-helpers";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "faultline-yahoo-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("YahooProvider.profile", () => {
  it("opens a session (quote page cookie, then crumb) and maps a stock's profile", async () => {
    const { provider, traffic } = makeProvider();
    const profile = await provider.profile("AAPL");
    expect(profile).toEqual({
      symbol: "AAPL",
      name: "Apple Inc.",
      currency: "USD",
      exchange: "NasdaqGS",
      timeZone: "America/New_York",
      assetClass: "EQUITY",
      country: "US",
    });
    expect(traffic).toMatchObject({ quotePage: 1, getcrumb: 1, quote: 1 });
  });

  it("reuses the session for later quotes", async () => {
    const { provider, traffic } = makeProvider();
    await provider.profile("AAPL");
    await provider.profile("EWY");
    expect(traffic).toMatchObject({ quotePage: 1, getcrumb: 1, quote: 2 });
  });

  it.each([
    ["EURUSD=X", { assetClass: "FX", timeZone: "Europe/London", exchange: "CCY", country: null }],
    ["GC=F", { assetClass: "COMMODITY_FUTURE", name: "Gold Feb 25", exchange: "COMEX", country: "US" }],
    ["^KS11", { assetClass: "EQUITY_INDEX", currency: "KRW", timeZone: "Asia/Seoul", country: "KR" }],
    ["EWY", { assetClass: "ETF", exchange: "NYSEArca" }],
  ])("maps %s", async (symbol, expected) => {
    const { provider } = makeProvider();
    expect(await provider.profile(symbol)).toMatchObject({ symbol, ...expected });
  });

  it("says an unknown symbol is not found", async () => {
    const { provider } = makeProvider();
    const error = await marketDataErrorOf(provider.profile("XYZ"));
    expect(error.kind).toBe("not_found");
    expect(error.message).toBe('Yahoo has no symbol "XYZ".');
  });

  it("persists the cookie jar so a restarted provider skips the crumb dance", async () => {
    const cookieJarPath = path.join(dir, "yahoo-cookies.json");
    const first = makeProvider({ cookieJarPath });
    await first.provider.profile("AAPL");
    expect(await readFile(cookieJarPath, "utf8")).toContain(FIXTURE_CRUMB);

    const second = makeProvider({ cookieJarPath });
    await second.provider.profile("EWY");
    expect(second.traffic).toMatchObject({ quotePage: 0, getcrumb: 0, quote: 1 });
  });

  it("starts a fresh session when the persisted jar is corrupt", async () => {
    const store = { load: async () => "{not json", save: async () => undefined };
    const { provider, traffic, logs } = makeProvider({ cookieStore: store });
    await provider.profile("AAPL");
    expect(traffic.getcrumb).toBe(1);
    expect(logs.some((l) => l.level === "warn" && /cookie jar/.test(l.message))).toBe(true);
  });

  it("renews a session Yahoo no longer accepts (401 Invalid Crumb) and tries once more", async () => {
    const cookieJarPath = path.join(dir, "yahoo-cookies.json");
    await makeProvider({ cookieJarPath }).provider.profile("AAPL");

    let rejected = 0;
    const { provider, traffic } = makeProvider({ cookieJarPath });
    mswServer.use(
      http.get(YAHOO_QUOTE_URL, () => {
        if (rejected++ > 0) return; // fall through to the healthy handler
        return HttpResponse.json(
          { finance: { result: null, error: { code: "Unauthorized", description: "Invalid Crumb" } } },
          { status: 401 },
        );
      }),
    );
    expect(await provider.profile("AAPL")).toMatchObject({ symbol: "AAPL" });
    expect(rejected).toBe(2);
    expect(traffic).toMatchObject({ quotePage: 1, getcrumb: 1, quote: 1 });
  });

  it("gives up with 'unavailable' when Yahoo keeps refusing the session", async () => {
    const { provider } = makeProvider();
    let calls = 0;
    mswServer.use(
      http.get(YAHOO_QUOTE_URL, () => {
        calls++;
        return HttpResponse.json({ finance: { result: null, error: { code: "Unauthorized", description: "Invalid Crumb" } } }, { status: 401 });
      }),
    );
    const error = await marketDataErrorOf(provider.profile("AAPL"));
    expect(error.kind).toBe("unavailable");
    expect(error.message).toMatch(/Yahoo refused our session while looking up AAPL/);
    expect(calls).toBe(2);
  });
});

describe("YahooProvider.search", () => {
  it("returns Yahoo's listed candidates, skipping entries that are not Yahoo symbols", async () => {
    const { provider, traffic } = makeProvider();
    const candidates = await provider.search("samsung");
    expect(candidates).toEqual([
      { symbol: "005930.KS", name: "Samsung Electronics Co., Ltd.", exchange: "KSE", assetClass: "EQUITY" },
      { symbol: "SSNLF", name: "SAMSUNG ELECTRONICS CO LTD", exchange: "OTC Markets", assetClass: "EQUITY" },
    ]);
    expect(traffic).toMatchObject({ search: 1, getcrumb: 0 });
  });

  it("returns an empty list for no matches, and asks nothing for a blank query", async () => {
    const { provider, traffic } = makeProvider();
    expect(await provider.search("qqqqzzzz")).toEqual([]);
    expect(await provider.search("   ")).toEqual([]);
    expect(traffic.search).toBe(1);
  });
});
