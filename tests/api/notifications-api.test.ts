// The caller's own inbox through the route handlers, against real PostgreSQL: each user (or token, acting as its
// account) lists, counts and marks only their own notifications; a refused body is a 422 and marks nothing.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as list } from "@/app/api/v1/notifications/route";
import { GET as unread } from "@/app/api/v1/notifications/unread/route";
import { POST as read } from "@/app/api/v1/notifications/read/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { issueApiToken } from "@/lib/auth/api-tokens";
import { db } from "@/lib/db/client";
import { publishNotification } from "@/lib/notifications/publish";
import { createSignedInUser, requestAs, type TestUser } from "../helpers/request-context";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);

interface Note { id: number; type: string; title: string; text: string; url: string; createdAt: string; readAt: string | null }
interface Page { data: Note[]; page: number; pageSize: number; total: number }
interface ErrorBody { error: { status: number; fieldErrors?: Record<string, string[]> } }

const noParams = { params: Promise.resolve({}) } as never;
let vic: TestUser;
let ana: TestUser;
let vicReadToken: string;

type Who = TestUser | { token: string } | null;

async function getPage(who: Who, query = ""): Promise<Page> {
  const res = await list(requestAs(who, `/api/v1/notifications${query}`), noParams);
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
}

async function unreadOf(who: Who): Promise<number> {
  const res = await unread(requestAs(who, "/api/v1/notifications/unread"), noParams);
  expect(res.status).toBe(200);
  return ((await res.json()) as { unread: number }).unread;
}

async function markRead(who: Who, body: unknown) {
  const res = await read(requestAs(who, "/api/v1/notifications/read", { method: "POST", body }), noParams);
  return { status: res.status, body: (await res.json()) as { marked: number; unread: number } & ErrorBody };
}

const readState = async () => (await db().notification.findMany({ select: { id: true, readAt: true }, orderBy: { id: "asc" } })).map((n) => [n.id, n.readAt?.getTime() ?? null]);

beforeAll(async () => {
  const admin = await createSignedInUser("ADMIN", "Ada");
  vic = await createSignedInUser("VIEWER", "Vic");
  ana = await createSignedInUser("ANALYST", "Ana");
  vicReadToken = (await issueApiToken(admin.principal, { name: "vic's script", userId: vic.principal.id, scope: "READ" })).token;
  // Vic gets 7 notifications (numbered in the order they arrive), Ana 2 of her own.
  for (let i = 1; i <= 7; i++) {
    await publishNotification({ type: "event.created", title: `Vic ${i}`, text: `Note ${i}`, url: `/events/${i}`, userIds: [vic.principal.id] });
  }
  for (let i = 1; i <= 2; i++) await publishNotification({ type: "move.detected", title: `Ana ${i}`, text: "", url: "/triage", userIds: [ana.principal.id] });
});

describe("GET /api/v1/notifications and /unread", () => {
  it("lists the caller's own notifications, newest first, paginated", async () => {
    const first = await getPage(vic, "?pageSize=3");
    expect(first).toMatchObject({ page: 1, pageSize: 3, total: 7 });
    expect(first.data.map((n) => n.title)).toEqual(["Vic 7", "Vic 6", "Vic 5"]);
    expect(first.data[0]).toMatchObject({ type: "event.created", text: "Note 7", url: "/events/7", readAt: null });
    expect(Number.isNaN(Date.parse(first.data[0]!.createdAt))).toBe(false);
    expect((await getPage(vic, "?pageSize=3&page=3")).data.map((n) => n.title)).toEqual(["Vic 1"]);
    expect((await getPage(ana)).data.map((n) => n.title)).toEqual(["Ana 2", "Ana 1"]);
  });

  it("counts unread notifications per user", async () => {
    expect(await unreadOf(vic)).toBe(7);
    expect(await unreadOf(ana)).toBe(2);
  });

  it("answers a token with its account's inbox", async () => {
    expect(await unreadOf({ token: vicReadToken })).toBe(7);
    expect((await getPage({ token: vicReadToken }, "?pageSize=1")).data.map((n) => n.title)).toEqual(["Vic 7"]);
  });

  it("refuses unreadable query values with 422 and anonymous callers with 401", async () => {
    for (const [query, field] of [["?unread=yes", "unread"], ["?pageSize=500", "pageSize"], ["?page=0", "page"]] as const) {
      const res = await list(requestAs(vic, `/api/v1/notifications${query}`), noParams);
      expect(res.status).toBe(422);
      expect(Object.keys(((await res.json()) as ErrorBody).error.fieldErrors ?? {})).toEqual([field]);
    }
    expect((await list(requestAs(null, "/api/v1/notifications"), noParams)).status).toBe(401);
    expect((await unread(requestAs(null, "/api/v1/notifications/unread"), noParams)).status).toBe(401);
    expect((await read(requestAs(null, "/api/v1/notifications/read", { method: "POST", body: { all: true } }), noParams)).status).toBe(401);
  });
});

describe("POST /api/v1/notifications/read", () => {
  it("refuses a body that says neither ids nor all, with 422 naming the field, and marks nothing", async () => {
    const before = await readState();
    const cases: [unknown, string][] = [
      [{}, "ids"],
      [{ ids: [] }, "ids"],
      [{ ids: ["seven"] }, "ids.0"],
      [{ ids: [1.5] }, "ids.0"],
      [{ ids: "1,2" }, "ids"],
      [{ all: false }, "all"],
      [{ all: "true" }, "all"],
      [{ ids: [1], all: true }, "all"],
      [{ ids: Array.from({ length: 1001 }, (_, i) => i + 1) }, "ids"],
    ];
    for (const [body, field] of cases) {
      const res = await markRead(vic, body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(422);
      expect(Object.keys(res.body.error.fieldErrors ?? {}), JSON.stringify(body).slice(0, 60)).toEqual([field]);
    }
    expect((await markRead(vic, "not json")).status).toBe(400);
    expect((await markRead(vic, [1, 2])).status).toBe(400);
    expect(await readState()).toEqual(before);
  });

  it("marks the listed ids of the caller's own inbox read, and leaves another user's ids alone", async () => {
    const vics = (await getPage(vic)).data;
    const anas = (await getPage(ana)).data;
    const res = await markRead(vic, { ids: [vics[0]!.id, vics[1]!.id, anas[0]!.id] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ marked: 2, unread: 5 });
    expect(await unreadOf(vic)).toBe(5);
    expect(await unreadOf(ana)).toBe(2);
    const unreadOnly = await getPage(vic, "?unread=true");
    expect(unreadOnly.total).toBe(5);
    expect(unreadOnly.data.map((n) => n.title)).toEqual(["Vic 5", "Vic 4", "Vic 3", "Vic 2", "Vic 1"]);
    const all = await getPage(vic, "?unread=false");
    expect(all.total).toBe(7);
    expect(all.data.filter((n) => n.readAt !== null).map((n) => n.title)).toEqual(["Vic 7", "Vic 6"]);
    // Marking them again changes nothing.
    expect((await markRead(vic, { ids: [vics[0]!.id] })).body).toEqual({ marked: 0, unread: 5 });
  });

  it("marks all of the caller's own notifications read, through a READ token too, and nobody else's", async () => {
    const res = await markRead({ token: vicReadToken }, { all: true });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ marked: 5, unread: 0 });
    expect(await unreadOf(vic)).toBe(0);
    expect((await getPage(vic, "?unread=true")).total).toBe(0);
    expect(await unreadOf(ana)).toBe(2);
  });

  it("refuses a cross-site post riding on the session cookie", async () => {
    const req = requestAs(ana, "/api/v1/notifications/read", { method: "POST", body: { all: true } });
    req.headers.set("origin", "https://evil.example");
    req.headers.set("sec-fetch-site", "cross-site");
    expect((await read(req, noParams)).status).toBe(403);
    expect(await unreadOf(ana)).toBe(2);
  });
});

describe("the OpenAPI document", () => {
  it("describes the notification routes", async () => {
    const doc = (await (await openapi()).json()) as { paths: Record<string, Record<string, { parameters?: { name: string }[] }>> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/notifications", "/notifications/unread", "/notifications/read"]));
    expect(doc.paths["/notifications"]!.get!.parameters!.map((p) => p.name).sort()).toEqual(["page", "pageSize", "unread"]);
  });
});
