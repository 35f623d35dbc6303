import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { UnknownAssetError, importPriceCsv, priceChangeSet, sha256Hex } from "@/lib/market-data/import-prices";
import { upsertBars } from "@/lib/prices/store";

let assetId: number;
const CLI = { id: null, name: "CLI (tester)" };

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
    const result = await importPriceCsv(CLI, "KRW=X", bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.column])).toEqual(expect.arrayContaining([[5, "close"], [6, "date"]]));
    const asset = await db().asset.findUniqueOrThrow({ where: { id: assetId } });
    expect(asset.source).toBe("YAHOO");
    expect(await db().priceBar.count({ where: { assetId } })).toBe(1);
  });

  it("stores a valid file, replaces the provider's series and flags suspicious rows", async () => {
    const result = await importPriceCsv(CLI, "KRW=X", GOOD);
    expect(result).toMatchObject({ ok: true, inserted: 3, updated: 0, removed: 1 });
    if (!result.ok) return;
    expect(result.flags.map((f) => [f.date, f.code])).toContainEqual(["2024-06-19", "close_outside_range"]);
    const asset = await db().asset.findUniqueOrThrow({ where: { id: assetId } });
    expect(asset.source).toBe("CSV");
    const dates = (await db().priceBar.findMany({ where: { assetId }, orderBy: { date: "asc" } })).map((b) => b.date.toISOString().slice(0, 10));
    expect(dates).toEqual(["2024-06-18", "2024-06-19", "2024-06-20"]);
  });

  it("re-importing the same file changes nothing", async () => {
    expect(await importPriceCsv(CLI, "KRW=X", GOOD)).toMatchObject({ ok: true, inserted: 0, updated: 0, removed: 0 });
  });

  it("refuses an unknown symbol", async () => {
    await expect(importPriceCsv(CLI, "NOPE", GOOD)).rejects.toBeInstanceOf(UnknownAssetError);
  });

  it("a dry run lists what a replace would do, and writes nothing, not even an audit entry", async () => {
    const corrected = ["date,close", "2024-06-18,1381.5", "2024-06-20,1384.9", "2024-06-21,1390.0"].join("\n");
    const audits = await db().auditEntry.count();
    const result = await importPriceCsv(CLI, "KRW=X", corrected, { mode: "replace", dryRun: true });
    expect(result).toMatchObject({ ok: true, dryRun: true, mode: "replace", inserted: 0, updated: 0, removed: 0 });
    if (!result.ok) return;
    // 06-18 loses open/high/low/adj_close/volume (changed), 06-19 is missing (removed), 06-20 has a new close, 06-21 is new.
    expect(result.changes).toMatchObject({ added: 1, changed: 2, removed: 1, unchanged: 0 });
    expect(result.changes.firstAdded.map((b) => b.date)).toEqual(["2024-06-21"]);
    expect(result.changes.firstRemoved.map((b) => b.date)).toEqual(["2024-06-19"]);
    expect(result.changes.firstChanged[1]).toMatchObject({ date: "2024-06-20", before: { close: 1384.6 }, after: { close: 1384.9 } });
    expect(await db().priceBar.count({ where: { assetId } })).toBe(3);
    expect(await db().auditEntry.count()).toBe(audits);
  });

  it("merge keeps bars the file lacks; replace removes them; each write is audited with mode, SHA-256 and counts", async () => {
    const partial = ["date,close", "2024-06-20,1384.9"].join("\n");
    expect(await importPriceCsv(CLI, "KRW=X", partial, { mode: "merge" })).toMatchObject({ ok: true, inserted: 0, updated: 1, removed: 0 });
    expect(await db().priceBar.count({ where: { assetId } })).toBe(3);
    expect(await importPriceCsv(CLI, "KRW=X", partial, { mode: "replace" })).toMatchObject({ ok: true, inserted: 0, updated: 0, removed: 2 });
    expect(await db().priceBar.count({ where: { assetId } })).toBe(1);
    const last = await db().auditEntry.findFirstOrThrow({ where: { entity: "ASSET", entityId: assetId, action: "IMPORT" }, orderBy: { id: "desc" } });
    expect(last.actorName).toBe("CLI (tester)");
    expect(last.after).toMatchObject({ mode: "replace", sha256: sha256Hex(partial), added: 0, changed: 0, removed: 2, rows: 1 });
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("priceChangeSet", () => {
  const bar = (date: string, close: number) => ({ date, open: null, high: null, low: null, close, adjClose: null, volume: null });
  it("counts added, changed, unchanged and the stored bars the file lacks (kept by merge, removed by replace), listing the first five of each", () => {
    const stored = Array.from({ length: 8 }, (_, i) => bar(`2024-01-${String(i + 1).padStart(2, "0")}`, 10));
    const incoming = [bar("2024-01-01", 10), bar("2024-01-02", 11), ...Array.from({ length: 7 }, (_, i) => bar(`2024-02-${String(i + 1).padStart(2, "0")}`, 5))];
    const merge = priceChangeSet(stored, incoming, "merge");
    expect(merge).toMatchObject({ added: 7, changed: 1, unchanged: 1, removed: 0, kept: 6, firstRemoved: [] });
    expect(merge.firstAdded).toHaveLength(5);
    const replace = priceChangeSet(stored, incoming, "replace");
    expect(replace).toMatchObject({ removed: 6, kept: 0 });
    expect(replace.firstRemoved.map((b) => b.date)).toEqual(["2024-01-03", "2024-01-04", "2024-01-05", "2024-01-06", "2024-01-07"]);
  });
});
