// The triage queue through its route handlers, against real PostgreSQL: the page's filters and pagination, one item,
// 404 for ids that name nothing, and the three decisions: analysts only, a refused input is a 422 naming the field
// with nothing written, and each decision leaves the same audit entry the page's server action leaves.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as list } from "@/app/api/v1/triage/route";
import { GET as one } from "@/app/api/v1/triage/[id]/route";
import { POST as dismiss } from "@/app/api/v1/triage/[id]/dismiss/route";
import { POST as link } from "@/app/api/v1/triage/[id]/link/route";
import { POST as reopen } from "@/app/api/v1/triage/[id]/reopen/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { dismissMoveAction } from "@/app/triage/actions";
import { issueApiToken } from "@/lib/auth/api-tokens";
import { historyOf } from "@/lib/audit/history";
import { db } from "@/lib/db/client";
import { createEvent } from "@/lib/events/commands";
import { actAs, createSignedInUser, requestAs, type TestUser } from "../helpers/request-context";
import { insertBars, prices, SIGMA, testAsset, weekdays } from "../triage/fixtures";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);
vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheModule);

interface Move { assetId: number; symbol: string; name: string; ret: number; abnormalReturn: number; z: number; zEwma: number; suspect: boolean }
interface Item {
  id: number; session: string; status: string; kind: string; maxAbsZ: number;
  dismissal: { reason: string; note: string | null } | null; eventId: number | null; decidedBy: string | null; decidedAt: string | null; moves: Move[];
}
interface Page { data: Item[]; page: number; pageSize: number; total: number }
interface ErrorBody { error: { status: number; message: string; fieldErrors?: Record<string, string[]> } }

const N = 420;
/** Sessions of the synthetic items (in 2019, before the priced series): 22 of them, |z| 3.00 to 3.84. */
const OLD = weekdays(22, Date.UTC(2019, 0, 1));
let dates: string[];
let ana: TestUser;
let vic: TestUser;
let readToken: string;
let writeToken: string;
let eventId: number;

const ctx = (id: string | number) => ({ params: Promise.resolve({ id: String(id) }) });
const noParams = { params: Promise.resolve({}) } as never;

async function getList(who: TestUser | { token: string }, query = ""): Promise<Page> {
  const res = await list(requestAs(who, `/api/v1/triage${query}`), noParams);
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
}

async function post(route: typeof dismiss, who: TestUser | { token: string } | null, id: string | number, action: string, body?: unknown) {
  const res = await route(requestAs(who, `/api/v1/triage/${id}/${action}`, { method: "POST", body }), ctx(id));
  return { status: res.status, body: (await res.json()) as Item & ErrorBody };
}

const itemRow = (id: number) => db().moveItem.findUniqueOrThrow({ where: { id }, select: { status: true, dismissReason: true, dismissNote: true, eventId: true, decidedAt: true } });
const itemOn = async (session: string) => (await getList(vic, `?status=ALL&from=${session}&to=${session}`)).data[0]!;

beforeAll(async () => {
  const admin = await createSignedInUser("ADMIN", "Ada");
  ana = await createSignedInUser("ANALYST", "Ana");
  vic = await createSignedInUser("VIEWER", "Vic");
  readToken = (await issueApiToken(admin.principal, { name: "reader", userId: ana.principal.id, scope: "READ" })).token;
  writeToken = (await issueApiToken(admin.principal, { name: "writer", userId: ana.principal.id, scope: "READ_WRITE" })).token;

  // Two items found by the detection on priced series: TAA +6σ with TBB −5σ on dates[301], TBB +4σ on dates[291].
  dates = weekdays(N);
  const bm = await testAsset("TBM");
  const aa = await testAsset("TAA", bm);
  const bb = await testAsset("TBB", bm);
  await insertBars(bm, dates, prices(N, {}, true));
  await insertBars(aa, dates.slice(0, 400), prices(400, { 300: 6 * SIGMA }));
  await insertBars(bb, dates.slice(0, 400), prices(400, { 300: -5 * SIGMA, 290: 4 * SIGMA }));

  // 22 stored items of an asset without prices (nothing rescores it): every fifth one a "check the data" item.
  const px = await testAsset("PGX");
  for (const [i, session] of OLD.entries()) {
    const z = 3 + i * 0.04;
    await db().moveItem.create({
      data: {
        session: new Date(`${session}T00:00:00Z`), kind: i % 5 === 0 ? "CHECK_DATA" : "EXPLAIN", maxAbsZ: z, assetCount: 1,
        moves: { create: { assetId: px, session: new Date(`${session}T00:00:00Z`), ret: 0.05, abnormalReturn: 0.04, z, zEwma: z * 0.9, suspect: i % 5 === 0 } },
      },
    });
  }
  eventId = (await createEvent(ana.principal, { title: "A week later", occurredAt: dates[310]!, category: "OTHER", severity: 2 } as never)).id;
});

describe("GET /api/v1/triage", () => {
  it("lists open items largest move first, 20 to a page, each with its moves (the pending detection runs first)", async () => {
    const first = await getList(vic);
    expect(first).toMatchObject({ page: 1, pageSize: 20, total: 24 });
    expect(first.data).toHaveLength(20);
    const [top, second] = first.data;
    expect(top).toMatchObject({ session: dates[301], status: "OPEN", kind: "EXPLAIN", dismissal: null, eventId: null, decidedBy: null, decidedAt: null });
    expect(top!.maxAbsZ).toBeCloseTo(6, 6);
    expect(top!.moves.map((m) => m.symbol)).toEqual(["TAA", "TBB"]);
    expect(top!.moves[1]!.z).toBeCloseTo(-5, 6);
    expect(Object.keys(top!.moves[0]!).sort()).toEqual(["abnormalReturn", "assetId", "name", "ret", "suspect", "symbol", "z", "zEwma"]);
    expect(second!.session).toBe(dates[291]);
    const z = first.data.map((i) => i.maxAbsZ);
    expect(z).toEqual([...z].sort((a, b) => b - a));

    const last = await getList(vic, "?page=2");
    expect(last).toMatchObject({ page: 2, total: 24 });
    // Page 2 holds the four smallest: |z| 3.12, 3.08, 3.04, 3.00.
    expect(last.data.map((i) => i.session)).toEqual([OLD[3], OLD[2], OLD[1], OLD[0]]);
    expect(new Set([...first.data, ...last.data].map((i) => i.id)).size).toBe(24);
  });

  it("filters as the page does: kind, asset, minZ, from and to", async () => {
    const checks = await getList(vic, "?kind=CHECK_DATA");
    expect(checks.total).toBe(5);
    expect(checks.data.every((i) => i.kind === "CHECK_DATA" && i.moves[0]!.suspect)).toBe(true);
    expect((await getList(vic, "?asset=tbb")).data.map((i) => i.session)).toEqual([dates[301], dates[291]]);
    expect((await getList(vic, "?minZ=4.5")).data.map((i) => i.session)).toEqual([dates[301]]);
    expect((await getList(vic, `?from=${OLD[20]}&to=${OLD[21]}`)).data.map((i) => i.session)).toEqual([OLD[21], OLD[20]]);
    expect((await getList(vic, "?status=DISMISSED")).total).toBe(0);
  });

  it("refuses a filter value it cannot read with 422 naming the field, instead of listing something else", async () => {
    const cases: [string, string][] = [
      ["?status=OPNE", "status"], ["?kind=explain", "kind"], ["?from=2024-13-01", "from"], ["?to=yesterday", "to"],
      ["?minZ=high", "minZ"], ["?minZ=-1", "minZ"], ["?page=0", "page"], ["?page=2.5", "page"], [`?asset=${"X".repeat(41)}`, "asset"],
      ["?from=2024-06-20&to=2024-06-19", "to"],
    ];
    for (const [query, field] of cases) {
      const res = await list(requestAs(vic, `/api/v1/triage${query}`), noParams);
      expect(res.status, query).toBe(422);
      const body = (await res.json()) as ErrorBody;
      expect(Object.keys(body.error.fieldErrors ?? {}), query).toEqual([field]);
    }
    // Blank values are no filter, as an empty form field is.
    expect((await getList(vic, "?status=&kind=&asset=&from=&to=&minZ=&page=")).total).toBe(24);
  });

  it("reads with a READ token", async () => {
    expect((await getList({ token: readToken })).total).toBe(24);
  });

  it("is refused without credentials", async () => {
    expect((await list(requestAs(null, "/api/v1/triage"), noParams)).status).toBe(401);
  });
});

describe("GET /api/v1/triage/{id}", () => {
  it("answers one item with its moves", async () => {
    const item = await itemOn(dates[291]!);
    const res = await one(requestAs(vic, `/api/v1/triage/${item.id}`), ctx(item.id));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Item;
    expect(body).toEqual(item);
    expect(body.moves.map((m) => [m.symbol, Math.round(m.z)])).toEqual([["TBB", 4]]);
  });

  it.each(["999999", "abc", "0", "-3", "1.5"])("is a 404 naming the id for %s", async (id) => {
    const res = await one(requestAs(vic, `/api/v1/triage/${id}`), ctx(id));
    expect(res.status).toBe(404);
    expect(((await res.json()) as ErrorBody).error.message).toBe(`There is no triage item ${id}.`);
  });
});

describe("POST /api/v1/triage/{id}/dismiss, /link, /reopen", () => {
  it("refuses a viewer and a READ token, and writes nothing", async () => {
    const item = await itemOn(dates[291]!);
    const before = await itemRow(item.id);
    expect((await post(dismiss, vic, item.id, "dismiss", { reason: "HOLIDAY_EFFECT" })).status).toBe(403);
    expect((await post(dismiss, { token: readToken }, item.id, "dismiss", { reason: "HOLIDAY_EFFECT" })).status).toBe(403);
    expect((await post(link, vic, item.id, "link", { eventId })).status).toBe(403);
    expect((await post(reopen, vic, item.id, "reopen")).status).toBe(403);
    expect((await post(dismiss, null, item.id, "dismiss", { reason: "HOLIDAY_EFFECT" })).status).toBe(401);
    expect(await itemRow(item.id)).toEqual(before);
    expect(await historyOf("MOVE_ITEM", item.id)).toEqual([]);
  });

  it("refuses bad input with 422 naming the field, and writes nothing", async () => {
    const item = await itemOn(dates[291]!);
    const before = await itemRow(item.id);
    const exposuresBefore = await db().exposure.count();
    const cases: [typeof dismiss, string, unknown, string][] = [
      [dismiss, "dismiss", {}, "reason"],
      [dismiss, "dismiss", { reason: "BORED" }, "reason"],
      [dismiss, "dismiss", { reason: "OTHER" }, "note"],
      [dismiss, "dismiss", { reason: "OTHER", note: "x".repeat(501) }, "note"],
      [link, "link", {}, "eventId"],
      [link, "link", { eventId: "first" }, "eventId"],
      [link, "link", { eventId: 999_999 }, "eventId"],
    ];
    for (const [route, action, body, field] of cases) {
      const res = await post(route, ana, item.id, action, body);
      expect(res.status, `${action} ${JSON.stringify(body)}`).toBe(422);
      expect(Object.keys(res.body.error.fieldErrors ?? {})).toEqual([field]);
    }
    expect((await post(dismiss, ana, item.id, "dismiss", "not json")).status).toBe(400);
    expect((await post(dismiss, ana, item.id, "dismiss", [{ reason: "HOLIDAY_EFFECT" }])).status).toBe(400);
    expect(await itemRow(item.id)).toEqual(before);
    expect(await historyOf("MOVE_ITEM", item.id)).toEqual([]);
    expect(await db().exposure.count()).toBe(exposuresBefore);
  });

  it("is a 404 for an item that does not exist, whatever the body", async () => {
    for (const id of ["999999", "abc"]) {
      expect((await post(dismiss, ana, id, "dismiss", { reason: "HOLIDAY_EFFECT" })).status).toBe(404);
      expect((await post(link, ana, id, "link", { eventId })).status).toBe(404);
      expect((await post(reopen, ana, id, "reopen")).status).toBe(404);
    }
    expect(await db().auditEntry.count({ where: { entity: "MOVE_ITEM" } })).toBe(0);
  });

  it("dismisses, audited as the page's action audits it; the item leaves the open queue and is found under dismissed", async () => {
    const item = await itemOn(dates[291]!);
    const res = await post(dismiss, ana, item.id, "dismiss", { reason: "HOLIDAY_EFFECT", note: "Seollal", itemId: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: item.id, status: "DISMISSED", dismissal: { reason: "HOLIDAY_EFFECT", note: "Seollal" }, decidedBy: "Ana" });
    expect(Date.now() - Date.parse(res.body.decidedAt!)).toBeLessThan(60_000);
    expect((await getList(vic)).total).toBe(23);
    expect((await getList(vic, "?status=DISMISSED")).data.map((i) => i.id)).toEqual([item.id]);

    // The same decision on another item through the triage page's server action leaves an entry of the same shape.
    const other = (await getList(vic, `?from=${OLD[5]}&to=${OLD[5]}`)).data[0]!;
    actAs(ana);
    const form = new FormData();
    form.set("itemId", String(other.id));
    form.set("reason", "HOLIDAY_EFFECT");
    form.set("note", "Seollal");
    expect(await dismissMoveAction(null, form)).toEqual({ ok: true, data: null });

    const [viaApi] = await historyOf("MOVE_ITEM", item.id);
    const [viaPage] = await historyOf("MOVE_ITEM", other.id);
    const shape = (e: typeof viaApi) => ({ entity: e!.entity, action: e!.action, actorId: e!.actorId, actorName: e!.actorName, eventId: e!.eventId, before: e!.before, after: e!.after });
    expect(shape(viaApi)).toMatchObject({ entity: "MOVE_ITEM", action: "UPDATE", actorId: ana.principal.id, actorName: "Ana", eventId: null });
    expect(viaApi!.before).toMatchObject({ status: "OPEN", dismissReason: null });
    expect(viaApi!.after).toMatchObject({ status: "DISMISSED", dismissReason: "HOLIDAY_EFFECT", dismissNote: "Seollal" });
    const strip = (e: typeof viaApi) => {
      const s = shape(e) as Record<string, unknown> & { before: Record<string, unknown>; after: Record<string, unknown> };
      return { ...s, before: { ...s.before, id: 0, session: 0, maxAbsZ: 0, kind: 0 }, after: { ...s.after, id: 0, session: 0, maxAbsZ: 0, kind: 0 } };
    };
    expect(strip(viaApi)).toEqual(strip(viaPage));
  });

  it("reopens, audited", async () => {
    const item = (await getList(vic, "?status=DISMISSED&asset=TBB")).data[0]!;
    const res = await post(reopen, ana, item.id, "reopen", "ignored");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: item.id, status: "OPEN", dismissal: null, eventId: null, decidedBy: "Ana" });
    const history = await historyOf("MOVE_ITEM", item.id);
    expect(history.map((h) => [h.action, h.actorName, (h.before as { status: string }).status, (h.after as { status: string }).status])).toEqual([
      ["UPDATE", "Ana", "OPEN", "DISMISSED"],
      ["UPDATE", "Ana", "DISMISSED", "OPEN"],
    ]);
  });

  it("links to an event with a READ_WRITE token: exposures for the moved assets, an audit entry on the event", async () => {
    const item = await itemOn(dates[301]!);
    const res = await post(link, { token: writeToken }, item.id, "link", { eventId: String(eventId) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: item.id, status: "LINKED", eventId, decidedBy: "Ana" });
    const exposures = await db().exposure.findMany({ where: { eventId }, include: { asset: true }, orderBy: { assetId: "asc" } });
    expect(exposures.map((x) => [x.asset.symbol, x.direction])).toEqual([["TAA", "UP"], ["TBB", "DOWN"]]);
    const history = await historyOf("MOVE_ITEM", item.id);
    expect(history.map((h) => [h.action, h.actorName, h.eventId, (h.after as { status: string }).status])).toEqual([["UPDATE", "Ana", eventId, "LINKED"]]);
    expect((await getList(vic, "?status=LINKED")).data.map((i) => [i.id, i.eventId])).toEqual([[item.id, eventId]]);
  });
});

describe("the OpenAPI document", () => {
  it("describes the triage routes with the page's filters and the actions' bodies", async () => {
    const doc = (await (await openapi()).json()) as { paths: Record<string, Record<string, { parameters?: { name: string }[]; requestBody?: { content: { "application/json": { schema: { properties?: Record<string, unknown> } } } } }>> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/triage", "/triage/{id}", "/triage/{id}/dismiss", "/triage/{id}/link", "/triage/{id}/reopen"]));
    expect(doc.paths["/triage"]!.get!.parameters!.map((p) => p.name).sort()).toEqual(["asset", "from", "kind", "minZ", "page", "status", "to"]);
    expect(Object.keys(doc.paths["/triage/{id}/dismiss"]!.post!.requestBody!.content["application/json"].schema.properties!).sort()).toEqual(["note", "reason"]);
    expect(Object.keys(doc.paths["/triage/{id}/link"]!.post!.requestBody!.content["application/json"].schema.properties!)).toEqual(["eventId"]);
  });
});
