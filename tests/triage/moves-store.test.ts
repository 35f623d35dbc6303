// The stored queue against real PostgreSQL: triggers queue what changed, the update rescored only that, and the
// analysts' decisions survive recomputes, on the synthetic series of ./fixtures (a planted jump of c·σ̂ has z = c).
import { beforeAll, describe, expect, it } from "vitest";
import { historyOf } from "@/lib/audit/history";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db/client";
import { createEvent, deleteEvent } from "@/lib/events/commands";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { dismissMove, linkMoveToEvent, reopenMove, resolveMoveByEvent, setMoveThreshold } from "@/lib/triage/commands";
import { eventsNear, listMoveItems, moveThresholds, openMoveCounts, sparklines, triageCardData } from "@/lib/triage/queries";
import { moveFilterSchema } from "@/lib/triage/schemas";
import { queueFullMoveScan, updatePendingMoves } from "@/lib/triage/update-moves";
import { inbox } from "@/lib/notifications/inbox";
import { subscribe } from "@/lib/notifications/subscriptions";
import { createSignedInUser } from "../helpers/request-context";
import { insertBars, prices, SIGMA, testAsset, weekdays } from "./fixtures";

const N = 420;
let admin: Principal;
let ana: Principal;
let vic: Principal;
let dates: string[];
let bm: number;
let aa: number;
let bb: number;

const asset = testAsset;

const openItems = async () => (await listMoveItems(moveFilterSchema.parse({}))).items;

beforeAll(async () => {
  admin = (await createSignedInUser("ADMIN", "Ada")).principal; // the first account must be the admin
  ana = (await createSignedInUser("ANALYST", "Ana")).principal;
  vic = (await createSignedInUser("VIEWER", "Vic")).principal;
  dates = weekdays(N);
  bm = await asset("TBM");
  aa = await asset("TAA", bm);
  bb = await asset("TBB", bm);
  // Vic follows BB: he is told of the moves BB takes part in, Ana (following nothing) of none.
  await subscribe(vic, { target: "asset", id: bb });
  await insertBars(bm, dates, prices(N, {}, true));
  // Return index t ends on dates[t + 1]. AA: +6σ at return 300; BB: −5σ at 300 and +4σ at 290 (outside the window that scores 300).
  await insertBars(aa, dates.slice(0, 400), prices(400, { 300: 6 * SIGMA }));
  await insertBars(bb, dates.slice(0, 400), prices(400, { 300: -5 * SIGMA, 290: 4 * SIGMA }));
});

describe("stored moves", () => {
  it("stores one item per session, largest |z| first, from the queue the price inserts filled", async () => {
    const summary = await updatePendingMoves();
    expect(summary.assets).toBe(3);
    const items = await openItems();
    expect(items.map((i) => i.session)).toEqual([dates[301], dates[291]]);
    const [both, single] = items;
    expect(both!.moves.map((m) => m.symbol)).toEqual(["TAA", "TBB"]);
    expect(both!.moves[0]!.z).toBeCloseTo(6, 6);
    expect(both!.moves[1]!.z).toBeCloseTo(-5, 6);
    expect(both!.maxAbsZ).toBeCloseTo(6, 6);
    expect(both!.kind).toBe("EXPLAIN");
    expect(single!.moves[0]!.z).toBeCloseTo(4, 6);
    expect(await openMoveCounts()).toEqual({ explain: 2, checkData: 0 });
    // The overview's card reads the same queue in one statement.
    const card = await triageCardData();
    expect(card!.counts).toEqual({ explain: 2, checkData: 0 });
    expect(card!.items.map((i) => [i.id, i.session, i.moves.map((m) => m.symbol)])).toEqual([[both!.id, dates[301], ["TAA", "TBB"]], [single!.id, dates[291], ["TBB"]]]);
    expect(card!.items[0]!.moves.map((m) => m.z)).toEqual(both!.moves.map((m) => m.z));
    expect((await updatePendingMoves()).assets).toBe(0); // the queue is empty until something changes
  });

  it("tells the followers of a moved asset once, however often the moves are recomputed", async () => {
    const moveNotes = async (userId: string) => (await inbox(userId)).filter((n) => n.type === "move.detected");
    const told = await moveNotes(vic.id);
    expect(told.map((n) => n.title).sort()).toEqual([`TAA and TBB moved together on ${dates[301]} with no logged event`, `TBB moved on ${dates[291]} with no logged event`].sort());
    expect(told.every((n) => n.url.startsWith("/triage?"))).toBe(true);
    expect(await moveNotes(ana.id)).toEqual([]);
    await queueFullMoveScan();
    await updatePendingMoves();
    expect(await moveNotes(vic.id)).toHaveLength(2);
  });

  it("rescored only the new sessions after new prices, with the figures of a full recompute", async () => {
    // AA's next 20 sessions, with a 30 % jump at return 410: a move, and a one-day jump over 25 %: check the data.
    const more = prices(421, { 300: 6 * SIGMA, 410: 0.3 });
    await insertBars(aa, dates.slice(400, 420), more.slice(400, 420));
    const pending = await db().moveScanPending.findMany();
    expect(pending.map((p) => [p.assetId, p.fromDate.toISOString().slice(0, 10)])).toEqual([[aa, dates[400]]]);
    const summary = await updatePendingMoves();
    expect(summary).toMatchObject({ assets: 1, moves: 1 });
    expect(summary.opened.map((o) => [o.session, o.kind, o.symbols, o.assetIds])).toEqual([[dates[411], "CHECK_DATA", ["TAA"], [aa]]]);
    const incremental = await db().moveItemAsset.findMany({ orderBy: [{ session: "asc" }, { assetId: "asc" }] });
    await queueFullMoveScan();
    await updatePendingMoves();
    const full = await db().moveItemAsset.findMany({ orderBy: [{ session: "asc" }, { assetId: "asc" }] });
    expect(full.map((m) => [m.assetId, m.session.toISOString().slice(0, 10)])).toEqual(incremental.map((m) => [m.assetId, m.session.toISOString().slice(0, 10)]));
    full.forEach((m, i) => {
      expect(m.z).toBeCloseTo(incremental[i]!.z, 9);
      expect(m.zEwma).toBeCloseTo(incremental[i]!.zEwma, 9);
    });
    expect((await listMoveItems(moveFilterSchema.parse({ kind: "CHECK_DATA" }))).items.map((i) => i.session)).toEqual([dates[411]]);
    // The card counts both kinds and names the three largest open items, largest first.
    const card = await triageCardData();
    expect(card!.counts).toEqual({ explain: 2, checkData: 1 });
    expect(card!.items.map((i) => i.session)).toEqual((await openItems()).slice(0, 3).map((i) => i.session));
    expect(card!.items).toHaveLength(3);
  });

  it("keeps a dismissal across recomputes, findable under its status, audited", async () => {
    const item = (await openItems()).find((i) => i.session === dates[291])!;
    await expect(dismissMove(vic, { itemId: item.id, reason: "HOLIDAY_EFFECT" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(dismissMove(ana, { itemId: item.id, reason: "OTHER", note: "" })).rejects.toBeInstanceOf(ValidationError);
    await dismissMove(ana, { itemId: item.id, reason: "INDEX_REBALANCE", note: "quarterly rebalance" });
    await queueFullMoveScan();
    await updatePendingMoves();
    expect((await openItems()).map((i) => i.session)).not.toContain(dates[291]);
    const dismissed = (await listMoveItems(moveFilterSchema.parse({ status: "DISMISSED" }))).items;
    expect(dismissed.map((i) => [i.session, i.dismissReason, i.dismissNote, i.decidedByName])).toEqual([[dates[291], "INDEX_REBALANCE", "quarterly rebalance", "Ana"]]);
    expect(dismissed[0]!.moves.map((m) => m.symbol)).toEqual(["TBB"]);
    const history = await historyOf("MOVE_ITEM", item.id);
    expect(history.map((h) => [h.action, h.actorName])).toEqual([["UPDATE", "Ana"]]);
    expect(history[0]!.after).toMatchObject({ status: "DISMISSED", dismissReason: "INDEX_REBALANCE" });
    await reopenMove(ana, { itemId: item.id });
    expect((await openItems()).map((i) => i.session)).toContain(dates[291]);
  });

  it("drops a move from the queue once an event exposing the asset has day 0 next to it, and brings it back when the event is deleted", async () => {
    const session = dates[301]!;
    const e = await createEvent(ana, { title: "Only TAA", occurredAt: session, category: "OTHER", severity: 2, exposures: JSON.stringify([{ assetSymbol: "TAA", direction: "UP", rationale: "" }]) } as never);
    await updatePendingMoves();
    const item = (await openItems()).find((i) => i.session === session)!;
    expect(item.moves.map((m) => m.symbol)).toEqual(["TBB"]); // TAA is explained, TBB still is not
    const e2 = await createEvent(ana, { title: "TBB too", occurredAt: dates[300]!, category: "OTHER", severity: 2, exposures: JSON.stringify([{ assetSymbol: "TBB", direction: "DOWN", rationale: "" }]) } as never);
    const summary = await updatePendingMoves();
    expect(summary.resolved).toBe(1);
    expect((await openItems()).map((i) => i.session)).not.toContain(session);
    await deleteEvent(ana, { id: e2.id, version: e2.version });
    await deleteEvent(ana, { id: e.id, version: e.version });
    const back = await updatePendingMoves();
    expect(back.opened.map((o) => [o.session, o.symbols])).toEqual([[session, ["TAA", "TBB"]]]);
  });

  it("links an item to an existing event with exposures set after the event, and resolves one from a created event", async () => {
    const item = (await openItems()).find((i) => i.session === dates[301])!;
    const e = await createEvent(ana, { title: "A week later", occurredAt: dates[310]!, category: "OTHER", severity: 2 } as never);
    await linkMoveToEvent(ana, { itemId: item.id, eventId: e.id });
    const exposures = await db().exposure.findMany({ where: { eventId: e.id }, include: { asset: true, event: true }, orderBy: { assetId: "asc" } });
    expect(exposures.map((x) => [x.asset.symbol, x.direction])).toEqual([["TAA", "UP"], ["TBB", "DOWN"]]);
    for (const x of exposures) expect(x.setAt.getTime()).toBeGreaterThan(x.event.occurredAt.getTime());
    // The event is 9 sessions away, so the moves stay unexplained by the rule, but the item left the open queue.
    const linked = (await listMoveItems(moveFilterSchema.parse({ status: "LINKED" }))).items;
    expect(linked.map((i) => [i.id, i.eventId])).toEqual([[item.id, e.id]]);

    const other = (await openItems()).find((i) => i.session === dates[291])!;
    const created = await createEvent(ana, { title: "From the queue", occurredAt: dates[291]!, category: "OTHER", severity: 2 } as never);
    await resolveMoveByEvent(ana, { itemId: other.id, eventId: created.id });
    expect((await openItems()).map((i) => i.id)).not.toContain(other.id);
    expect((await listMoveItems(moveFilterSchema.parse({ status: "RESOLVED" }))).items.map((i) => [i.id, i.eventId])).toEqual([[other.id, created.id]]);
  });

  it("offers the live events within ten days of each session for the link picker, nearest first, in one read", async () => {
    const make = (title: string, day: string) => createEvent(ana, { title, occurredAt: day, category: "OTHER", severity: 1 } as never);
    const on = await make("Same day", dates[100]!);
    const after = await make("Two sessions later", dates[102]!);
    const gone = await make("Deleted next day", dates[101]!);
    await deleteEvent(ana, { id: gone.id, version: gone.version });
    await make("Three weeks later", dates[115]!);
    const near = await eventsNear([dates[100]!, dates[200]!, dates[100]!]);
    expect([...near.keys()].sort()).toEqual([dates[100], dates[200]].sort());
    expect(near.get(dates[100]!)).toEqual([
      { id: on.id, title: "Same day", date: dates[100] },
      { id: after.id, title: "Two sessions later", date: dates[102] },
    ]);
    expect(near.get(dates[200]!)).toEqual([]);
    expect((await eventsNear([])).size).toBe(0);
  });

  it("applies an asset's own threshold and the global one", async () => {
    await expect(setMoveThreshold(ana, { threshold: 4 })).rejects.toBeInstanceOf(ForbiddenError); // global: admins
    await setMoveThreshold(ana, { threshold: 6.5, assetSymbol: "TAA" });
    const taa = await db().moveItemAsset.findMany({ where: { assetId: aa } });
    expect(taa.map((m) => m.session.toISOString().slice(0, 10))).toEqual([dates[411]]); // only the 30 % jump is above 6.5σ
    await setMoveThreshold(ana, { threshold: 3, assetSymbol: "TAA" });
    expect(await db().moveItemAsset.count({ where: { assetId: aa } })).toBe(2);
    // Global k = 6 (admins): TBB's −5σ and +4σ moves go; TAA keeps its own k = 3.
    await setMoveThreshold(admin, { threshold: 6 });
    expect(await moveThresholds()).toEqual({ global: 6, assets: [{ symbol: "TAA", threshold: 3 }] });
    expect(await db().moveItemAsset.count({ where: { assetId: bb } })).toBe(0);
    expect(await db().moveItemAsset.count({ where: { assetId: aa } })).toBe(2);
    await setMoveThreshold(admin, { threshold: 3 });
    expect(await db().moveItemAsset.count({ where: { assetId: bb } })).toBe(2);
  });

  it("rescores an asset whose benchmark changes", async () => {
    // Without its benchmark, TBB's normal return is its mean: σ ≈ √(1.5²·a² + s²) ≈ 0.0155, so its 5σ_ε and 4σ_ε
    // market-model moves (0.020 and 0.016) are ordinary days.
    await db().asset.update({ where: { id: bb }, data: { benchmarkId: null } });
    const queued = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM move_scan_pending WHERE asset_id = ${bb} AND from_date = '-infinity'::date`;
    expect(queued[0]!.n).toBe(1);
    await updatePendingMoves();
    expect(await db().moveItemAsset.count({ where: { assetId: bb } })).toBe(0);
    await db().asset.update({ where: { id: bb }, data: { benchmarkId: bm } });
    await updatePendingMoves();
    expect((await db().moveItemAsset.findMany({ where: { assetId: bb }, orderBy: { session: "asc" } })).map((m) => Math.round(m.z * 1e6) / 1e6)).toEqual([4, -5]);
  });

  it("reads the prices around a session for the sparkline", async () => {
    const spark = await sparklines([{ assetId: aa, session: dates[301]! }]);
    const points = spark.get(`${aa}:${dates[301]}`)!;
    expect(points.map((p) => p.date)).toEqual(dates.slice(291, 312));
  });
});
