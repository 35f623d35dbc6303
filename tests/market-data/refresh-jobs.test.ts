import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { startBoss } from "@/lib/jobs/boss";
import { DemoProvider } from "@/lib/market-data/demo/demo-provider";
import type { MarketDataProvider } from "@/lib/market-data/provider";
import { MarketDataError } from "@/lib/market-data/provider";
import { REFRESH_ASSET, enqueueRefreshCycle, ensureQueues, requestRefresh, startRefreshWorker } from "@/lib/market-data/refresh-jobs";

const SYMBOLS = ["AAA", "BBB", "CCC", "DDD", "EEE"];
let instances: PgBoss[] = [];

/** A provider that counts how often each symbol is fetched, serving deterministic demo bars. */
function countingProvider(calls: Map<string, number>): MarketDataProvider {
  const demo = new DemoProvider();
  return {
    name: "demo",
    history: async (symbol, from, to) => {
      calls.set(symbol, (calls.get(symbol) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 50));
      return demo.history(symbol, from, to);
    },
    search: demo.search.bind(demo),
    profile: demo.profile.bind(demo),
  };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting for jobs");
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  for (const symbol of SYMBOLS) {
    await db().asset.create({
      data: { symbol, name: symbol, assetClass: "EQUITY", currency: "USD", exchange: "NYQ", timeZone: "America/New_York", source: "DEMO" },
    });
  }
  await db().asset.create({
    data: { symbol: "OWN", name: "Own series", assetClass: "OTHER", currency: "USD", exchange: "-", timeZone: "UTC", source: "CSV" },
  });
});

afterAll(async () => {
  await Promise.all(instances.map((b) => b.stop({ graceful: false, wait: true })));
});

/**
 * The cycle length for these tests. pg-boss keys a singleton to the slot floor(epoch seconds / cycle), so a fixed hour
 * fails whenever a test straddles hh:00 (the second enqueue lands in a new slot and queues the cycle again). Of the
 * lengths pg-boss allows (up to its 12-hour archive interval), take one whose current slot has now in its middle:
 * hours from either boundary.
 */
function cycleAwayFromSlotBoundaries(): number {
  const now = Math.floor(Date.now() / 1000);
  const offCentre = (s: number) => Math.abs((now % s) - s / 2);
  let best = 43_200;
  for (let s = 36_000; s <= 43_200; s++) if (offCentre(s) < offCentre(best)) best = s;
  return best;
}
const CYCLE_SECONDS = cycleAwayFromSlotBoundaries();

describe("price refreshes on the job queue", () => {
  it("two app instances on one database fetch each symbol once per cycle", async () => {
    const calls = new Map<string, number>();
    const url = process.env.DATABASE_URL!;
    instances = await Promise.all([startBoss({ connectionString: url, supervise: true }), startBoss({ connectionString: url, supervise: true })]);
    for (const boss of instances) {
      await startRefreshWorker(boss, { providerFor: () => countingProvider(calls), today: () => "2024-06-28", backfillYears: 1, cycleSeconds: CYCLE_SECONDS });
    }
    // Both instances start the same cycle at the same moment, twice over (a cron tick seen by both, then a retry).
    const queued = await Promise.all([...instances, ...instances].map((boss) => enqueueRefreshCycle(boss, CYCLE_SECONDS)));
    expect(queued.reduce((a, b) => a + b, 0)).toBe(SYMBOLS.length);
    await waitFor(async () => (await db().asset.count({ where: { refreshedAt: { not: null } } })) === SYMBOLS.length);
    // The cycle is over: enqueueing it again within the same slot does nothing.
    expect(await enqueueRefreshCycle(instances[0]!, CYCLE_SECONDS)).toBe(0);
    await new Promise((r) => setTimeout(r, 1000));
    expect(Object.fromEntries(calls)).toEqual(Object.fromEntries(SYMBOLS.map((s) => [s, 1])));
    const bars = await db().priceBar.groupBy({ by: ["assetId"], _count: true });
    expect(bars).toHaveLength(SYMBOLS.length); // CSV-owned "OWN" was left alone
  });

  it("debounces 'Refresh now' per symbol", async () => {
    const boss = instances[0]!;
    await ensureQueues(boss);
    const results = await Promise.all([1, 2, 3].map(() => requestRefresh(boss, "AAA")));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("a rate-limited fetch is recorded on the asset and handed back to the queue for a retry", async () => {
    const boss = instances[1]!;
    await boss.offWork(REFRESH_ASSET);
    await instances[0]!.offWork(REFRESH_ASSET);
    let attempts = 0;
    const limited: MarketDataProvider = {
      name: "yahoo",
      history: async (symbol) => {
        if (symbol === "BBB") attempts++;
        throw new MarketDataError("rate_limited", "Yahoo is rate-limiting requests.");
      },
      search: async () => [],
      profile: async () => {
        throw new Error("unused");
      },
    };
    await startRefreshWorker(boss, { providerFor: () => limited, cycleSeconds: CYCLE_SECONDS });
    await requestRefresh(boss, "BBB", "added");
    await waitFor(async () => (await db().asset.findUniqueOrThrow({ where: { symbol: "BBB" } })).refreshError !== null);
    const asset = await db().asset.findUniqueOrThrow({ where: { symbol: "BBB" } });
    expect(asset.refreshError).toMatch(/rate-limiting/);
    await waitFor(async () => {
      const jobs = await boss.getDb().executeSql(`SELECT state FROM pgboss.job WHERE name = $1 AND data->>'symbol' = 'BBB' AND data->>'reason' = 'added'`, [REFRESH_ASSET]);
      return jobs.rows.some((r: { state: string }) => r.state === "retry");
    });
    expect(attempts).toBe(1);
  });
});
