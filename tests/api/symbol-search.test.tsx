// Symbol search through its route handler against Yahoo as msw serves it: candidates when Yahoo answers, a 503 that
// tells the analyst what to do without Yahoo when it refuses, stalls or changes its format; and the assets page,
// rendered on the server, asks Yahoo nothing even when the URL carries a search.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { renderToString } from "react-dom/server";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { delay, http, HttpResponse } from "msw";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as symbolSearch } from "@/app/api/v1/symbol-search/route";
import AssetsPage from "@/app/assets/page";
import { seedStoryline } from "@/lib/seed/seed";
import { actAs, createSignedInUser, requestAs, type TestUser } from "../helpers/request-context";
import { mswServer } from "../msw/server";
import { newTraffic, YAHOO_SEARCH_URL, yahooHandlers } from "../msw/yahoo";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);

const noParams = { params: Promise.resolve({}) } as never;
const ADVICE = "Yahoo can't be reached — add the symbol by hand or import a CSV.";
let viewer: TestUser;
let dataDir: string;

interface ErrorJson {
  error: { status: number; code: string; message: string; fieldErrors?: Record<string, string[]> };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "faultline-search-"));
  vi.stubEnv("MARKET_DATA", "yahoo");
  vi.stubEnv("FAULTLINE_DATA_DIR", dataDir);
  await seedStoryline("DEMO");
  viewer = await createSignedInUser("VIEWER");
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

const search = (q: string, who: TestUser | null = viewer) => symbolSearch(requestAs(who, `/api/v1/symbol-search?q=${encodeURIComponent(q)}`), noParams);

describe("GET /api/v1/symbol-search", () => {
  it("lists Yahoo's candidates with exchange and class", async () => {
    const traffic = newTraffic();
    mswServer.use(...yahooHandlers(traffic));
    const res = await search("samsung");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      data: [
        { symbol: "005930.KS", name: "Samsung Electronics Co., Ltd.", exchange: "KSE", assetClass: "EQUITY" },
        { symbol: "SSNLF", name: "SAMSUNG ELECTRONICS CO LTD", exchange: "OTC Markets", assetClass: "EQUITY" },
      ],
    });
    expect(traffic.search).toBe(1);
  });

  it("asks for a sign-in and refuses a blank query without calling Yahoo", async () => {
    const traffic = newTraffic();
    mswServer.use(...yahooHandlers(traffic));
    expect((await search("samsung", null)).status).toBe(401);
    const blank = await search("   ");
    expect(blank.status).toBe(422);
    expect(((await blank.json()) as ErrorJson).error.fieldErrors?.q).toEqual(["Type part of a name or symbol"]);
    expect(traffic.search).toBe(0);
  });

  it("a 429 from Yahoo is a 503 with the advice and the reason", async () => {
    mswServer.use(http.get(YAHOO_SEARCH_URL, () => new HttpResponse("Too Many Requests", { status: 429, headers: { "Retry-After": "3600" } })));
    const res = await search("samsung");
    expect(res.status).toBe(503);
    const body = (await res.json()) as ErrorJson;
    expect(body.error.code).toBe("market_data_unavailable");
    expect(body.error.message).toBe(`${ADVICE} (Yahoo is rate-limiting requests.)`);
  });

  it("a payload in a shape Yahoo never sent before is a 503 saying the format changed", async () => {
    mswServer.use(http.get(YAHOO_SEARCH_URL, () => HttpResponse.json({ count: 1, quotes: "not a list", news: 7 })));
    const res = await search("samsung");
    expect(res.status).toBe(503);
    const body = (await res.json()) as ErrorJson;
    expect(body.error.message.startsWith(ADVICE)).toBe(true);
    expect(body.error.message).toMatch(/unexpected format/);
  });

  it("gives up on a Yahoo that does not answer within 4 s", async () => {
    mswServer.use(http.get(YAHOO_SEARCH_URL, async () => {
      await delay(6_000);
      return HttpResponse.json({ count: 0, quotes: [], news: [] });
    }));
    const started = performance.now();
    const res = await search("samsung");
    const waited = performance.now() - started;
    expect(res.status).toBe(503);
    expect(((await res.json()) as ErrorJson).error.message).toBe(`${ADVICE} (Yahoo Finance did not answer within 4 s.)`);
    expect(waited).toBeGreaterThanOrEqual(3_900);
    expect(waited).toBeLessThan(5_500);
  });
});

describe("the assets page", () => {
  it("renders from PostgreSQL alone, even with a search in its URL", async () => {
    const traffic = newTraffic();
    mswServer.use(...yahooHandlers(traffic));
    actAs(viewer);
    const router = { push: () => undefined, replace: () => undefined, refresh: () => undefined, prefetch: () => undefined } as unknown as AppRouterInstance;
    const element = await AssetsPage({ searchParams: Promise.resolve({ q: "samsung" }) });
    const html = renderToString(<AppRouterContext.Provider value={router}>{element}</AppRouterContext.Provider>);
    expect(html).toContain("Tracked assets");
    expect(html).toContain("^KS11");
    expect(html).toContain('aria-label="Search symbols"');
    expect(html).toContain('value="samsung"');
    expect(traffic).toMatchObject({ search: 0, chart: 0, quote: 0, quotePage: 0, getcrumb: 0 });
  });
});
