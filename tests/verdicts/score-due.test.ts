// Verdicts as they come due: not before the event window has closed on every exposed asset, once when it has, and a
// new revision beside the old when corrected prices change the outcome; each stored verdict notifies the event's
// creator and followers.
import { beforeAll, describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/analytics";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db/client";
import { inbox } from "@/lib/notifications/inbox";
import { subscribe } from "@/lib/notifications/subscriptions";
import { scoreDueVerdicts, scoreEventIfDue, verdictsOf } from "@/lib/verdicts/score-due";
import { createSignedInUser } from "../helpers/request-context";
import { weekdays } from "../studies/fixtures";

const SESSIONS = weekdays("2023-01-02", 300);
const DAY0 = 280;
let ana: Principal;
let ben: Principal;
let benchId: number;
let assetId: number;
let eventId: number;
const rnd = mulberry32(7);
const bench = Array.from({ length: SESSIONS.length }, () => 0.0003 + (rnd() - 0.5) * 0.02);
const noise = Array.from({ length: SESSIONS.length }, () => (rnd() - 0.5) * 0.01);

/** Closes of an asset that follows the benchmark and jumps by `jump` on day 0. */
function closes(returns: number[]): number[] {
  const p = [100];
  for (let i = 1; i < returns.length; i++) p.push(p[i - 1]! * (1 + returns[i]!));
  return p;
}
const assetCloses = (jump: number) => closes(bench.map((r, i) => 1.1 * r + noise[i]! + (i === DAY0 ? jump : 0)));

async function storeBars(id: number, prices: number[], from: number, to: number) {
  for (let i = from; i < to; i++) {
    const date = new Date(`${SESSIONS[i]}T00:00:00Z`);
    await db().priceBar.upsert({
      where: { assetId_date: { assetId: id, date } },
      create: { assetId: id, date, close: prices[i]!, adjClose: prices[i]! },
      update: { close: prices[i]!, adjClose: prices[i]! },
    });
  }
}

beforeAll(async () => {
  ana = (await createSignedInUser("ANALYST", "Ana")).principal;
  ben = (await createSignedInUser("VIEWER", "Ben")).principal;
  const common = { currency: "USD", exchange: "NYQ", timeZone: "America/New_York", source: "DEMO" as const };
  benchId = (await db().asset.create({ data: { ...common, symbol: "BENCH", name: "Benchmark", assetClass: "EQUITY_INDEX" } })).id;
  assetId = (await db().asset.create({ data: { ...common, symbol: "JUMP", name: "Jumper", assetClass: "EQUITY", benchmarkId: benchId } })).id;
  // Prices stop five sessions after day 0: the [-10, +10] window is still open.
  await storeBars(benchId, closes(bench), 0, DAY0 + 6);
  await storeBars(assetId, assetCloses(0.08), 0, DAY0 + 6);
  eventId = (await db().event.create({
    data: { title: "Export ban announced", occurredAt: new Date(`${SESSIONS[DAY0]}T00:00:00Z`), category: "SANCTIONS", severity: 3, countries: ["KR"], sourceUrls: [], tags: [], createdById: ana.id },
  })).id;
  await db().exposure.create({ data: { eventId, assetId, direction: "UP", setById: ana.id, setAt: new Date("2022-12-01T00:00:00Z") } });
  await subscribe(ben, { target: "event", id: eventId });
});

describe("verdicts as they come due", () => {
  it("waits while the event window is open on an exposed asset", async () => {
    expect(await scoreEventIfDue(eventId)).toBeNull();
    expect(await verdictsOf(eventId)).toEqual([]);
  });

  it("scores once when the window has closed, with the settings and data vintage, and tells the creator and followers", async () => {
    await storeBars(benchId, closes(bench), DAY0 + 6, SESSIONS.length);
    await storeBars(assetId, assetCloses(0.08), DAY0 + 6, SESSIONS.length);
    const scored = await scoreDueVerdicts({ assetIds: [assetId], corrected: false });
    expect(scored).toEqual([{ eventId, revision: 1, changed: false }]);
    const [v] = await verdictsOf(eventId);
    expect(v!.results).toMatchObject([{ symbol: "JUMP", expected: "UP", score: "confirmed" }]);
    expect(v!.results[0]!.car).toBeGreaterThan(0.05);
    expect(v!.params).toMatchObject({ model: "market", alpha: 0.05 });
    expect(v!.dataVintage).toMatchObject({ lastBar: SESSIONS[SESSIONS.length - 1], bars: 2 * SESSIONS.length });
    for (const user of [ana, ben]) {
      expect((await inbox(user.id)).map((n) => [n.type, n.url])).toEqual([["verdict.scored", `/events/${eventId}#verdicts`]]);
    }
    // Nothing changed: a second run stores nothing and tells nobody.
    expect(await scoreDueVerdicts({ assetIds: [assetId], corrected: true })).toEqual([]);
    expect(await verdictsOf(eventId)).toHaveLength(1);
  });

  it("stores a revision beside the first when corrected prices change the verdict", async () => {
    await storeBars(assetId, assetCloses(-0.08), DAY0, SESSIONS.length);
    expect(await scoreDueVerdicts({ assetIds: [assetId], corrected: true })).toEqual([{ eventId, revision: 2, changed: true }]);
    const [latest, first] = await verdictsOf(eventId);
    expect(latest!.results[0]!.score).toBe("contradicted");
    expect(first!.results[0]!.score).toBe("confirmed");
    expect(latest!.dataVintage.digest).not.toBe(first!.dataVintage.digest);
    const titles = (await inbox(ben.id)).map((n) => n.title);
    expect(titles[0]).toBe("Verdict revised (revision 2): Export ban announced");
    expect(titles).toHaveLength(2);
  });
});

describe("verdicts on the job queue", () => {
  it("a scoring job queued after a refresh runs on a worker and stores the verdict", async () => {
    const { startBoss } = await import("@/lib/jobs/boss");
    const { requestVerdictScoring, startVerdictWorker } = await import("@/lib/verdicts/verdict-jobs");
    const boss = await startBoss({ connectionString: process.env.DATABASE_URL!, supervise: true });
    try {
      const scored: number[] = [];
      await startVerdictWorker(boss, (id) => scored.push(id));
      // A second event on the same asset, due at once.
      const second = (await db().event.create({
        data: { title: "Second announcement", occurredAt: new Date(`${SESSIONS[DAY0 - 40]}T00:00:00Z`), category: "ECONOMIC", severity: 2, countries: [], sourceUrls: [], tags: [], createdById: ana.id },
      })).id;
      await db().exposure.create({ data: { eventId: second, assetId, direction: "UNCERTAIN" } });
      expect(await requestVerdictScoring(boss, { assetIds: [assetId], corrected: false })).toBeTruthy();
      const deadline = Date.now() + 20_000;
      while (!scored.includes(second) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(scored).toEqual([second]);
      expect((await verdictsOf(second))[0]!.results).toMatchObject([{ symbol: "JUMP", expected: "UNCERTAIN" }]);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
