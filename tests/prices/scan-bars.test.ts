// The detection's bulk read of bars (binary COPY) against the same rows read through Prisma: every field bit for bit,
// nulls kept, per-asset windows, and only positive finite prices among the usable ones.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { readScanBars } from "@/lib/prices/scan-bars";
import { upsertBars } from "@/lib/prices/store";
import type { DailyBar } from "@/lib/prices/types";

let a: number;
let b: number;
let empty: number;

const asset = async (symbol: string) =>
  (await db().asset.create({ data: { symbol, name: symbol, assetClass: "EQUITY", currency: "USD", exchange: "NYQ", timeZone: "America/New_York" } })).id;

// Awkward doubles on purpose: values whose shortest decimal form is long, tiny and huge magnitudes, negative zero.
const A_BARS: DailyBar[] = [
  { date: "1999-12-31", open: 0.1 + 0.2, high: 1e-300, low: 5e-324, close: 1 / 3, adjClose: null, volume: 5 },
  { date: "2000-01-01", open: null, high: null, low: null, close: 123456789.12345679, adjClose: 2 / 3, volume: null },
  { date: "2024-02-29", open: 101.5, high: 102.25, low: 99.75, close: 100, adjClose: 0, volume: 1 },
  { date: "2024-03-01", open: 1.7976931348623157e308, high: 2.5, low: 3, close: 4, adjClose: -2, volume: null },
  { date: "2024-03-04", open: 10, high: 11, low: 9, close: 10.5, adjClose: 10.25, volume: 7 },
];

beforeAll(async () => {
  a = await asset("SCA");
  b = await asset("SCB");
  empty = await asset("SCE");
  await upsertBars(a, A_BARS);
  await upsertBars(b, [
    { date: "2024-01-02", open: 1, high: 1, low: 1, close: 1, adjClose: 1, volume: 1 },
    { date: "2024-06-03", open: 2, high: 2, low: 2, close: 2, adjClose: 2, volume: 1 },
  ]);
});

const expected = async (assetId: number, from?: string) =>
  (await db().priceBar.findMany({ where: { assetId, ...(from ? { date: { gte: new Date(`${from}T00:00:00Z`) } } : {}) }, orderBy: { date: "asc" } })).map((r) => ({
    date: r.date.toISOString().slice(0, 10), open: r.open, high: r.high, low: r.low, close: r.close, adjClose: r.adjClose, volume: null,
  }));

describe("readScanBars", () => {
  it("returns every stored bar of each asset, each double exactly as stored", async () => {
    const read = await withTransaction((c) => readScanBars(c, [{ id: a, from: null }, { id: b, from: null }, { id: empty, from: null }], 800));
    expect([...read.keys()].sort()).toEqual([a, b].sort());
    const bars = read.get(a)!.bars;
    expect(bars).toEqual(await expected(a));
    for (let i = 0; i < bars.length; i++) {
      for (const field of ["open", "high", "low", "close", "adjClose"] as const) expect(Object.is(bars[i]![field], A_BARS[i]![field])).toBe(true);
    }
    expect(read.get(a)!.dates).toEqual(A_BARS.map((x) => x.date));
    // Adjusted close where there is one, else the close; zero and negative prices are not usable.
    expect(read.get(a)!.usableDates).toEqual(["1999-12-31", "2000-01-01", "2024-03-04"]);
    expect([...read.get(a)!.usable]).toEqual([1 / 3, 2 / 3, 10.25]);
    expect(read.get(b)!.bars).toEqual(await expected(b));
  });

  it("starts each asset's bars its own history before its first session to rescore", async () => {
    const read = await withTransaction((c) => readScanBars(c, [{ id: a, from: "2024-03-10" }, { id: b, from: "2024-06-03" }], 10));
    // 2024-03-10 − 10 days = 2024-02-29 (a leap day), included.
    expect(read.get(a)!.dates).toEqual(["2024-02-29", "2024-03-01", "2024-03-04"]);
    expect(read.get(a)!.bars).toEqual(await expected(a, "2024-02-29"));
    expect(read.get(b)!.dates).toEqual(["2024-06-03"]);
  });

  it("refuses what it cannot write into the statement safely", async () => {
    await expect(withTransaction((c) => readScanBars(c, [{ id: a, from: "2024-03-10'; DROP TABLE price_bar; --" }], 10))).rejects.toThrow(/calendar date/);
    await expect(withTransaction((c) => readScanBars(c, [{ id: 1.5, from: null }], 10))).rejects.toThrow(/integer/);
    expect(await db().priceBar.count({ where: { assetId: a } })).toBe(A_BARS.length);
  });
});
