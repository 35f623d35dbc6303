import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { UnknownAssetError, importPriceCsv } from "@/lib/market-data/import-prices";
import { upsertBars } from "@/lib/prices/store";

let assetId: number;

beforeAll(async () => {
  const a = await db().asset.create({
    data: { symbol: "KRW=X", name: "USD/KRW", assetClass: "FX", currency: "KRW", exchange: "CCY", timeZone: "Europe/London", source: "YAHOO" },
  });
  assetId = a.id;
  await upsertBars(assetId, [{ date: "2020-01-02", open: 1, high: 1, low: 1, close: 1, adjClose: 1, volume: 0 }]);
});

const GOOD = [
  "date,open,high,low,close,adj_close,volume",
  "2024-06-18,1381.5,1385.2,1378.1,1381.5,1381.5,0",
  // Real Yahoo FX behaviour: open equals close and the close sits outside [low, high]: flagged, not rejected.
  "2024-06-19,1386.0,1384.0,1379.0,1386.0,1386.0,0",
  "2024-06-20,1384.6,1390.0,1380.0,1384.6,1384.6,0",
].join("\n");

describe("importing a price CSV", () => {
  it("rejects the whole file when any row is bad, naming line and column, and changes nothing", async () => {
    const bad = GOOD + "\n2024-06-21,1,2,0.5,-3,,0\n2024-02-30,1,2,0.5,1,,0";
    const result = await importPriceCsv("KRW=X", bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.column])).toEqual(expect.arrayContaining([[5, "close"], [6, "date"]]));
    const asset = await db().asset.findUniqueOrThrow({ where: { id: assetId } });
    expect(asset.source).toBe("YAHOO");
    expect(await db().priceBar.count({ where: { assetId } })).toBe(1);
  });

  it("stores a valid file, replaces the provider's series and flags suspicious rows", async () => {
    const result = await importPriceCsv("KRW=X", GOOD);
    expect(result).toMatchObject({ ok: true, inserted: 3, updated: 0, removed: 1 });
    if (!result.ok) return;
    expect(result.flags.map((f) => [f.date, f.code])).toContainEqual(["2024-06-19", "close_outside_range"]);
    const asset = await db().asset.findUniqueOrThrow({ where: { id: assetId } });
    expect(asset.source).toBe("CSV");
    const dates = (await db().priceBar.findMany({ where: { assetId }, orderBy: { date: "asc" } })).map((b) => b.date.toISOString().slice(0, 10));
    expect(dates).toEqual(["2024-06-18", "2024-06-19", "2024-06-20"]);
  });

  it("re-importing the same file changes nothing", async () => {
    expect(await importPriceCsv("KRW=X", GOOD)).toMatchObject({ ok: true, inserted: 0, updated: 0, removed: 0 });
  });

  it("refuses an unknown symbol", async () => {
    await expect(importPriceCsv("NOPE", GOOD)).rejects.toBeInstanceOf(UnknownAssetError);
  });
});
