import { afterAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { addAsset, refreshNow, searchSymbols } from "@/lib/assets/manage-assets";
import { dataStatus } from "@/lib/assets/data-status";
import { db } from "@/lib/db/client";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { senderBoss } from "@/lib/jobs/boss";
import { DemoProvider } from "@/lib/market-data/demo/demo-provider";
import { upsertBars } from "@/lib/prices/store";
import { REFRESH_ASSET } from "@/lib/market-data/refresh-jobs";

const analyst: Principal = { id: "u-analyst", name: "Ana", email: "ana@example.com", role: "ANALYST", via: "session" };
const viewer: Principal = { ...analyst, id: "u-viewer", role: "VIEWER" };
const demo = new DemoProvider();

afterAll(async () => {
  await (await senderBoss()).stop({ graceful: false, wait: true });
});

async function queuedJobs(symbol: string) {
  const boss = await senderBoss();
  const { rows } = await boss.getDb().executeSql("SELECT data FROM pgboss.job WHERE name = $1 AND data->>'symbol' = $2", [REFRESH_ASSET, symbol]);
  return rows as { data: { reason: string } }[];
}

describe("adding an asset", () => {
  it("shows candidates before adding", async () => {
    const found = await searchSymbols("korea", demo);
    expect(found.map((c) => c.symbol)).toContain("EWY");
    await expect(searchSymbols("   ", demo)).rejects.toThrow();
  });

  it("creates the asset from the provider's profile and queues its backfill", async () => {
    await addAsset(analyst, { symbol: "^gspc" }, demo);
    const ewy = await addAsset(analyst, { symbol: "EWY", benchmark: "^GSPC" }, demo);
    expect(ewy).toMatchObject({ symbol: "EWY", name: "iShares MSCI South Korea ETF", currency: "USD", timeZone: "America/New_York", source: "DEMO" });
    expect(ewy.benchmarkId).not.toBeNull();
    expect((await queuedJobs("EWY")).map((j) => j.data.reason)).toEqual(["added"]);
  });

  it("refuses an unknown symbol, a duplicate or an untracked benchmark with a field error, and creates nothing", async () => {
    const before = await db().asset.count();
    const attempts = [
      addAsset(analyst, { symbol: "NOPE" }, demo),
      addAsset(analyst, { symbol: "EWY" }, demo),
      addAsset(analyst, { symbol: "LMT", benchmark: "^N225" }, demo),
      addAsset(analyst, { symbol: "LMT; DROP TABLE asset" }, demo),
    ];
    const errors = await Promise.all(attempts.map((p) => p.then(() => null, (e: unknown) => e)));
    expect(errors.every((e) => e instanceof ValidationError)).toBe(true);
    const fields = errors.map((e) => (e as ValidationError).fieldErrors);
    expect(fields[0]!.symbol![0]).toMatch(/NOPE/);
    expect(fields[1]!.symbol![0]).toBe("EWY is already tracked.");
    expect(fields[2]!.benchmark![0]).toMatch(/\^N225 is not tracked/);
    expect(fields[3]!.symbol![0]).toMatch(/letters, digits/);
    expect(await db().asset.count()).toBe(before);
  });

  it("is for analysts: a viewer is stopped before anything happens", async () => {
    await expect(addAsset(viewer, { symbol: "LMT" }, demo)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(refreshNow(viewer, "EWY")).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().asset.findUnique({ where: { symbol: "LMT" } })).toBeNull();
  });

  it("debounces Refresh now and refuses it for a CSV-owned series", async () => {
    expect(await refreshNow(analyst, "EWY")).toBe(true);
    expect(await refreshNow(analyst, "EWY")).toBe(false);
    await db().asset.update({ where: { symbol: "^GSPC" }, data: { source: "CSV" } });
    const err = await refreshNow(analyst, "^GSPC").catch((e: unknown) => e);
    expect((err as ValidationError).fieldErrors.symbol![0]).toMatch(/come from a CSV import/);
  });
});

describe("data status", () => {
  it("reports source, coverage, freshness and quality flags of the stored bars", async () => {
    const asset = await db().asset.findUniqueOrThrow({ where: { symbol: "EWY" } });
    await upsertBars(asset.id, [
      { date: "2024-06-17", open: 60, high: 61, low: 59, close: 60, adjClose: 60, volume: 1 },
      { date: "2024-06-18", open: 60, high: 61, low: 59, close: 62, adjClose: 62, volume: 1 },
    ]);
    const s = await dataStatus(asset.id, "2024-07-01");
    expect(s).toMatchObject({ source: "DEMO", bars: 2, firstDate: "2024-06-17", lastDate: "2024-06-18" });
    expect(s.flags.map((f) => [f.date, f.code])).toEqual([
      ["2024-06-18", "close_outside_range"],
      ["2024-06-18", "stale"],
    ]);
  });
});
