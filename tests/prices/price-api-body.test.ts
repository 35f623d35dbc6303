// The price API's JSON as PostgreSQL writes it: the bars of the range, in date order, with missing and non-finite
// values as null (what JSON.stringify would write), the asset's identity around them, and null for an asset that
// is not tracked. Cross-checked against the row-by-row reading (`apiBars`) on a synthetic market.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { apiBars, priceApiBody } from "@/lib/prices/api-bars";
import { buildMarket } from "../studies/fixtures";

let assetId: number;

beforeAll(async () => {
  const asset = await db().asset.create({
    data: { symbol: "BODY.T", name: "Body test", assetClass: "EQUITY", currency: "JPY", exchange: "TSE", timeZone: "Asia/Tokyo", source: "CSV" },
  });
  assetId = asset.id;
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  await db().priceBar.createMany({
    data: [
      { assetId, date: day("2024-03-05"), open: null, high: null, low: null, close: 1234.5678, adjClose: null, volume: null },
      { assetId, date: day("2024-03-04"), open: 10.25, high: 11, low: 9.5, close: 10.75, adjClose: 10.5, volume: 123456 },
      { assetId, date: day("2024-03-06"), open: Number.NaN, high: Number.POSITIVE_INFINITY, low: 0.0001, close: 3, adjClose: 2.5, volume: 0 },
      { assetId, date: day("2024-03-07"), open: 1, high: 1, low: 1, close: 1, adjClose: 1, volume: 1 },
    ],
  });
  await buildMarket();
});

describe("priceApiBody", () => {
  it("writes the asset and its bars in [from, to], oldest first", async () => {
    const body = await priceApiBody("BODY.T", "2024-03-04", "2024-03-06");
    expect(JSON.parse(body!)).toEqual({
      symbol: "BODY.T",
      currency: "JPY",
      source: "CSV",
      data: [
        { date: "2024-03-04", open: 10.25, high: 11, low: 9.5, close: 10.75, adjClose: 10.5, volume: 123456 },
        { date: "2024-03-05", open: null, high: null, low: null, close: 1234.5678, adjClose: null, volume: null },
        { date: "2024-03-06", open: null, high: null, low: 0.0001, close: 3, adjClose: 2.5, volume: 0 },
      ],
    });
  });

  it("takes either bound alone, answers an empty list for a range without bars, and null for an unknown or deleted asset", async () => {
    expect((JSON.parse((await priceApiBody("BODY.T", "2024-03-06"))!) as { data: { date: string }[] }).data.map((b) => b.date)).toEqual(["2024-03-06", "2024-03-07"]);
    expect((JSON.parse((await priceApiBody("BODY.T", undefined, "2024-03-04"))!) as { data: { date: string }[] }).data.map((b) => b.date)).toEqual(["2024-03-04"]);
    expect(JSON.parse((await priceApiBody("BODY.T", "2025-01-01", "2025-12-31"))!)).toMatchObject({ symbol: "BODY.T", data: [] });
    expect(await priceApiBody("NOPE")).toBeNull();
    expect(await priceApiBody("body.t")).toBeNull();
    await db().asset.update({ where: { id: assetId }, data: { deletedAt: new Date() } });
    expect(await priceApiBody("BODY.T")).toBeNull();
    await db().asset.update({ where: { id: assetId }, data: { deletedAt: null } });
  });

  it("holds the same bars as the row-by-row reading for every asset of a synthetic market", async () => {
    const assets = await db().asset.findMany({ where: { symbol: { not: "BODY.T" } } });
    expect(assets.length).toBeGreaterThan(3);
    for (const a of assets) {
      const parsed = JSON.parse((await priceApiBody(a.symbol, "2023-01-01", "2024-12-31"))!) as { data: unknown[] };
      const bars = await apiBars(a.id, "2023-01-01", "2024-12-31");
      expect(bars.length).toBeGreaterThan(20);
      expect(parsed).toEqual({ symbol: a.symbol, currency: a.currency, source: a.source, data: bars });
    }
  });
});
