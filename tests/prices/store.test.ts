import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DemoProvider } from "@/lib/market-data/demo/demo-provider";
import { lastBarDate } from "@/lib/prices/bars";
import { upsertBars } from "@/lib/prices/store";
import { MarketDataError, type DailyBar, type MarketDataProvider } from "@/lib/market-data/provider";
import { refreshAsset } from "@/lib/market-data/refresh";

let assetId: number;

const bar = (date: string, close: number): DailyBar => ({ date, open: close, high: close + 1, low: close - 1, close, adjClose: close, volume: 10 });

beforeAll(async () => {
  const a = await db().asset.create({
    data: { symbol: "TEST", name: "Test", assetClass: "ETF", currency: "USD", exchange: "NYSE", timeZone: "America/New_York" },
  });
  assetId = a.id;
});

describe("set-based upsert of daily bars", () => {
  it("inserts new bars, rewrites changed ones and leaves identical ones alone", async () => {
    expect(await upsertBars(assetId, [bar("2024-06-18", 100), bar("2024-06-19", 101)])).toEqual({ inserted: 2, updated: 0 });
    expect(await upsertBars(assetId, [bar("2024-06-19", 101), bar("2024-06-20", 102)])).toEqual({ inserted: 1, updated: 0 });
    expect(await upsertBars(assetId, [bar("2024-06-19", 99.5)])).toEqual({ inserted: 0, updated: 1 });
    const rows = await db().priceBar.findMany({ where: { assetId }, orderBy: { date: "asc" } });
    expect(rows.map((r) => [r.date.toISOString().slice(0, 10), r.close])).toEqual([
      ["2024-06-18", 100],
      ["2024-06-19", 99.5],
      ["2024-06-20", 102],
    ]);
    expect(await lastBarDate(assetId)).toBe("2024-06-20");
  });

  it("keeps nulls for fields a source does not have", async () => {
    await upsertBars(assetId, [{ date: "2023-01-03", open: null, high: null, low: null, close: 77, adjClose: null, volume: null }]);
    const row = await db().priceBar.findUniqueOrThrow({ where: { assetId_date: { assetId, date: new Date("2023-01-03") } } });
    expect(row).toMatchObject({ open: null, high: null, low: null, close: 77, adjClose: null, volume: null });
  });
});

describe("refreshing an asset", () => {
  it("backfills from the provider, then fetches only from the last bar minus the look-back", async () => {
    const a = await db().asset.create({
      data: { symbol: "^KS11", name: "KOSPI", assetClass: "EQUITY_INDEX", currency: "KRW", exchange: "KSC", timeZone: "Asia/Seoul", source: "DEMO" },
    });
    const first = await refreshAsset(a, new DemoProvider(), { today: "2024-06-28", backfillYears: 1 });
    expect(first.from).toBe("2023-06-29");
    expect(first.inserted).toBeGreaterThan(250);
    const second = await refreshAsset(a, new DemoProvider(), { today: "2024-06-28", lookbackDays: 7 });
    expect(second.from).toBe("2024-06-21");
    // The demo series is deterministic: re-fetching the same days changes nothing.
    expect(second).toMatchObject({ inserted: 0, updated: 0, fetched: 6 });
    const stored = await db().asset.findUniqueOrThrow({ where: { id: a.id } });
    expect(stored.refreshedAt).toBeInstanceOf(Date);
    expect(stored.refreshError).toBeNull();
  });

  it("stores the splits and dividends that come with a history, with the bars", async () => {
    const a = await db().asset.create({
      data: { symbol: "SPLITCO", name: "Split Co", assetClass: "EQUITY", currency: "USD", exchange: "NMS", timeZone: "America/New_York" },
    });
    const withActions: MarketDataProvider = {
      name: "yahoo",
      history: async (symbol) => ({
        symbol, timeZone: "America/New_York", currency: "USD",
        bars: [bar("2020-08-28", 499.23), bar("2020-08-31", 129.04)],
        actions: [{ date: "2020-08-31", kind: "split", value: 4 }, { date: "2020-08-07", kind: "dividend", value: 0.82 }],
      }),
      search: async () => [],
      profile: async () => {
        throw new Error("unused");
      },
    };
    await refreshAsset(a, withActions, { today: "2020-09-01", backfillYears: 1 });
    await refreshAsset(a, withActions, { today: "2020-09-01" }); // again: no duplicates
    const actions = await db().corporateAction.findMany({ where: { assetId: a.id }, orderBy: { date: "asc" } });
    expect(actions.map((x) => [x.date.toISOString().slice(0, 10), x.kind, x.value])).toEqual([
      ["2020-08-07", "DIVIDEND", 0.82],
      ["2020-08-31", "SPLIT", 4],
    ]);
  });

  it("records a failure in words and writes nothing", async () => {
    const failing: MarketDataProvider = {
      name: "yahoo",
      history: async () => {
        throw new MarketDataError("rate_limited", "Yahoo is rate-limiting requests.", 60_000);
      },
      search: async () => [],
      profile: async () => {
        throw new Error("unused");
      },
    };
    const before = await db().priceBar.count({ where: { assetId } });
    const outcome = await refreshAsset({ id: assetId, symbol: "TEST" }, failing, { today: "2024-07-01" });
    expect(outcome.error).toMatch(/^Yahoo is rate-limiting requests\. Retrying after \d\d:\d\d UTC\.$/);
    expect(await db().priceBar.count({ where: { assetId } })).toBe(before);
    const stored = await db().asset.findUniqueOrThrow({ where: { id: assetId } });
    expect(stored.refreshError).toBe(outcome.error);
    expect(stored.refreshErrorAt).toBeInstanceOf(Date);
  });
});
