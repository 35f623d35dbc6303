// Yahoo misbehaving over real sockets: refreshes retry transient faults as the policy says and then store the bars
// whole; a fault that outlasts the retries or a body that is not Yahoo's leaves every stored bar as it was and
// records a readable error on the asset; while Yahoo hangs, reading the asset's data (what pages show, with its
// "data as of" date) stays fast because pages read PostgreSQL only.
import { http, passthrough } from "msw";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dataStatus } from "@/lib/assets/data-status";
import { db } from "@/lib/db/client";
import { MarketDataError } from "@/lib/market-data/provider";
import { refreshAsset } from "@/lib/market-data/refresh";
import { YahooProvider } from "@/lib/market-data/yahoo";
import { seedStoryline } from "@/lib/seed/seed";
import { mswServer } from "../msw/server";
import { changedTables, tableFingerprints } from "../security/hostile-db";
import { startFakeYahoo, type FakeYahoo } from "./fake-yahoo";
import { recordingLogger } from "./yahoo-helpers";

let yahoo: FakeYahoo;
let asset: { id: number; symbol: string };
const RANGE = { today: "2024-11-06", from: "2024-10-31" };

function provider(sleeps: number[] = []) {
  return new YahooProvider({
    fetch: yahoo.fetch,
    logger: recordingLogger([]),
    // Waits are recorded, not slept, so the backoff schedule is asserted without making the suite slow.
    retryHooks: { sleep: async (ms) => void sleeps.push(ms), random: () => 1 },
    policy: { timeoutMs: 500, retries: 4 },
  });
}

beforeAll(async () => {
  yahoo = await startFakeYahoo();
  await seedStoryline("DEMO");
  const template = await db().asset.findUniqueOrThrow({ where: { symbol: "LMT" } });
  const created = await db().asset.create({
    data: { symbol: "AAPL", name: "Apple", assetClass: template.assetClass, currency: "USD", exchange: template.exchange, timeZone: template.timeZone, country: "US", source: "YAHOO" },
  });
  asset = { id: created.id, symbol: created.symbol };
});

beforeEach(() => {
  // Loopback is the fake Yahoo: let msw pass it through (everything else stays blocked).
  mswServer.use(http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()));
  yahoo.requests = 0;
});

afterAll(async () => {
  await yahoo.close();
});

describe("fake Yahoo on loopback", () => {
  it("retries 429, 500, a reset, a reset mid-body and a timeout with backoff, then stores the bars whole", async () => {
    yahoo.script = ["429", "500", "reset", "reset-mid-body"];
    const sleeps: number[] = [];
    const outcome = await refreshAsset(asset, provider(sleeps), RANGE);
    expect(outcome.error).toBeUndefined();
    expect(yahoo.requests).toBe(5);
    expect(sleeps).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(outcome.inserted).toBeGreaterThan(0);
    expect(await db().priceBar.count({ where: { assetId: asset.id } })).toBe(outcome.inserted);
    expect((await db().asset.findUniqueOrThrow({ where: { id: asset.id } })).refreshError).toBeNull();
  });

  it("a slow answer past the timeout is retried like any transient fault", async () => {
    yahoo.script = ["slow"];
    const sleeps: number[] = [];
    const outcome = await refreshAsset(asset, provider(sleeps), RANGE);
    expect(outcome.error).toBeUndefined();
    expect(yahoo.requests).toBe(2);
    expect(sleeps).toEqual([1_000]);
  });

  it.each([
    ["malformed JSON", ["malformed"]],
    ["a body that is not Yahoo's schema", ["invalid"]],
    ["429 on every attempt", ["429", "429", "429", "429", "429"]],
    ["500 on every attempt", ["500", "500", "500", "500", "500"]],
    ["resets mid-body on every attempt", ["reset-mid-body", "reset-mid-body", "reset-mid-body", "reset-mid-body", "reset-mid-body"]],
  ] as const)("%s: no bar changes, the asset says what failed, and a transient fault goes back to the queue", async (_label, script) => {
    yahoo.script = [...script];
    const before = await tableFingerprints();
    const err = await refreshAsset(asset, provider(), { ...RANGE, rethrowTransient: true }).then(
      (outcome) => outcome,
      (e: unknown) => e,
    );
    const after = await tableFingerprints();
    // Only the asset's refresh_error columns change; price_bar and everything else stay byte-identical.
    expect(changedTables(before, after)).toEqual(["public.asset"]);
    const stored = await db().asset.findUniqueOrThrow({ where: { id: asset.id } });
    expect(stored.refreshError).toMatch(/Yahoo|prices|AAPL/);
    if (err instanceof MarketDataError) expect(err.transient).toBe(true);
    else expect((err as { error?: string }).error).toBe(stored.refreshError);
    await db().asset.update({ where: { id: asset.id }, data: { refreshError: null, refreshErrorAt: null } });
  });

  it("while Yahoo hangs, the asset's data and its 'data as of' date are read from PostgreSQL at once", async () => {
    const latest = await db().priceBar.findFirstOrThrow({ where: { assetId: asset.id }, orderBy: { date: "desc" } });
    yahoo.script = ["slow", "slow", "slow"];
    const refreshing = refreshAsset(asset, provider(), RANGE);
    try {
      const t0 = performance.now();
      const status = await dataStatus(asset.id, "2024-11-06");
      const elapsed = performance.now() - t0;
      expect(status.lastDate).toBe(latest.date.toISOString().slice(0, 10));
      expect(elapsed).toBeLessThan(500);
    } finally {
      await refreshing;
    }
  });
});
