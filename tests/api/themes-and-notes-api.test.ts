// The JSON API's theme edit/merge/delete and note edit/delete, through their route handlers against the test
// database, and an OpenAPI document that lists every /api/v1 route on disk.
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { DELETE as deleteNoteRoute, PATCH as patchNote } from "@/app/api/v1/annotations/[id]/route";
import { POST as postAnnotation } from "@/app/api/v1/annotations/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { DELETE as deleteThemeRoute, PATCH as patchTheme } from "@/app/api/v1/themes/[id]/route";
import { POST as mergeRoute } from "@/app/api/v1/themes/merge/route";
import { POST as createThemeRoute } from "@/app/api/v1/themes/route";
import { historyOf } from "@/lib/audit/history";
import { db } from "@/lib/db/client";
import { createEvent, deleteEvent } from "@/lib/events/commands";
import { seedStoryline } from "@/lib/seed/seed";
import { createSignedInUser, requestAs, type TestUser } from "../helpers/request-context";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);

let ana: TestUser;
let ben: TestUser;
let admin: TestUser;
const noParams = { params: Promise.resolve({}) } as never;
const idParams = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });

beforeAll(async () => {
  await seedStoryline("DEMO");
  admin = await createSignedInUser("ADMIN", "Admin");
  ana = await createSignedInUser("ANALYST", "Ana");
  ben = await createSignedInUser("ANALYST", "Ben");
});

async function newTheme(who: TestUser, name: string, description = ""): Promise<number> {
  const res = await createThemeRoute(requestAs(who, "/api/v1/themes", { method: "POST", body: { name, description } }), noParams);
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

async function eventIn(themeId: number, title: string) {
  return createEvent(ana.principal, { title, occurredAt: "2024-07-01", category: "OTHER", severity: 2, countries: ["KP"], themeId });
}

describe("PATCH /api/v1/themes/{id}", () => {
  it("changes only the fields sent, records the change, and answers per field", async () => {
    const id = await newTheme(ana, "Arms transfers", "Shells and missiles");
    const res = await patchTheme(requestAs(ben, `/api/v1/themes/${id}`, { method: "PATCH", body: { name: "Arms transfers to Russia" } }), idParams(id));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id, name: "Arms transfers to Russia", description: "Shells and missiles" });
    const audit = await historyOf("THEME", id);
    expect(audit.map((a) => [a.action, a.actorName])).toEqual([["CREATE", "Ana"], ["UPDATE", "Ben"]]);

    const blank = await patchTheme(requestAs(ben, `/api/v1/themes/${id}`, { method: "PATCH", body: { name: " " } }), idParams(id));
    expect(blank.status).toBe(422);
    expect(((await blank.json()) as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors).toEqual({ name: ["Enter a name"] });
    expect((await patchTheme(requestAs(ben, "/api/v1/themes/999999", { method: "PATCH", body: { name: "x" } }), idParams(999999))).status).toBe(404);
    expect((await patchTheme(requestAs(ben, "/api/v1/themes/abc", { method: "PATCH", body: { name: "x" } }), idParams("abc"))).status).toBe(404);
    expect((await patchTheme(requestAs(ben, `/api/v1/themes/${id}`, { method: "PATCH", body: "[1]" }), idParams(id))).status).toBe(400);
  });
});

describe("POST /api/v1/themes/merge", () => {
  it("moves the events to the target and removes the source", async () => {
    const source = await newTheme(ana, "Merge source");
    const target = await newTheme(ana, "Merge target");
    const event = await eventIn(source, "Event in the merged theme");
    const res = await mergeRoute(requestAs(ana, "/api/v1/themes/merge", { method: "POST", body: { sourceId: source, targetId: target } }), noParams);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ target: { id: target }, moved: 1 });
    expect(await db().theme.findUnique({ where: { id: source } })).toBeNull();
    expect((await db().event.findUniqueOrThrow({ where: { id: event.id } })).themeId).toBe(target);

    const same = await mergeRoute(requestAs(ana, "/api/v1/themes/merge", { method: "POST", body: { sourceId: target, targetId: target } }), noParams);
    expect(same.status).toBe(422);
  });
});

describe("DELETE /api/v1/themes/{id}", () => {
  it("is refused while a live event uses the theme, and detaches soft-deleted events with an audit entry each", async () => {
    const id = await newTheme(ana, "Short-lived theme");
    const event = await eventIn(id, "Only event of a short-lived theme");
    const refused = await deleteThemeRoute(requestAs(ana, `/api/v1/themes/${id}`, { method: "DELETE" }), idParams(id));
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/1 event still uses the theme “Short-lived theme”: merge it/);
    expect(await db().theme.findUnique({ where: { id } })).not.toBeNull();

    await deleteEvent(ana.principal, { id: event.id, version: event.version });
    const ok = await deleteThemeRoute(requestAs(ben, `/api/v1/themes/${id}`, { method: "DELETE" }), idParams(id));
    expect(ok.status).toBe(204);
    expect(await db().theme.findUnique({ where: { id } })).toBeNull();
    const detached = await db().event.findUniqueOrThrow({ where: { id: event.id } });
    expect(detached).toMatchObject({ themeId: null, version: event.version + 2 });
    const eventAudit = await historyOf("EVENT", event.id);
    expect(eventAudit.at(-1)).toMatchObject({ action: "UPDATE", actorName: "Ben", after: { themeId: null, themeDeleted: "Short-lived theme" } });
    expect((await historyOf("THEME", id)).at(-1)).toMatchObject({ action: "DELETE", actorName: "Ben", after: { detachedDeletedEvents: [event.id] } });

    expect((await deleteThemeRoute(requestAs(ben, `/api/v1/themes/${id}`, { method: "DELETE" }), idParams(id))).status).toBe(404);
  });
});

describe("PATCH and DELETE /api/v1/annotations/{id}", () => {
  async function note(who: TestUser, body: string): Promise<{ id: number; version: number }> {
    const res = await postAnnotation(requestAs(who, "/api/v1/annotations", { method: "POST", body: { assetSymbol: "EWY", pinnedDate: "2024-06-20", body } }), noParams);
    expect(res.status).toBe(201);
    return (await res.json()) as { id: number; version: number };
  }

  it("lets the author edit with the version they read; a stale version is a conflict naming who saved", async () => {
    const { id, version } = await note(ana, "First take");
    const edited = await patchNote(requestAs(ana, `/api/v1/annotations/${id}`, { method: "PATCH", body: { body: "Second take", version } }), idParams(id));
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ id, body: "Second take", version: version + 1 });

    const stale = await patchNote(requestAs(ana, `/api/v1/annotations/${id}`, { method: "PATCH", body: { body: "Third take", version } }), idParams(id));
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { changedBy: string; message: string } }).error).toMatchObject({ changedBy: "Ana", message: expect.stringMatching(/changed by Ana at/) });

    const empty = await patchNote(requestAs(ana, `/api/v1/annotations/${id}`, { method: "PATCH", body: { body: "  ", version: version + 1 } }), idParams(id));
    expect(empty.status).toBe(422);
    expect((await historyOf("ANNOTATION", id)).map((a) => a.action)).toEqual(["CREATE", "UPDATE"]);
  });

  it("refuses someone else's note, and soft-deletes for the author or an admin", async () => {
    const mine = await note(ana, "Ana's note");
    const notMine = await patchNote(requestAs(ben, `/api/v1/annotations/${mine.id}`, { method: "PATCH", body: { body: "Ben was here", version: mine.version } }), idParams(mine.id));
    expect(notMine.status).toBe(403);
    expect((await deleteNoteRoute(requestAs(ben, `/api/v1/annotations/${mine.id}?version=${mine.version}`, { method: "DELETE" }), idParams(mine.id))).status).toBe(403);
    expect((await deleteNoteRoute(requestAs(ana, `/api/v1/annotations/${mine.id}`, { method: "DELETE" }), idParams(mine.id))).status).toBe(422);

    expect((await deleteNoteRoute(requestAs(ana, `/api/v1/annotations/${mine.id}?version=${mine.version}`, { method: "DELETE" }), idParams(mine.id))).status).toBe(204);
    expect((await db().annotation.findUniqueOrThrow({ where: { id: mine.id } })).deletedAt).not.toBeNull();
    expect((await patchNote(requestAs(ana, `/api/v1/annotations/${mine.id}`, { method: "PATCH", body: { body: "too late", version: mine.version + 1 } }), idParams(mine.id))).status).toBe(404);

    const bens = await note(ben, "Ben's note");
    expect((await deleteNoteRoute(requestAs(admin, `/api/v1/annotations/${bens.id}?version=${bens.version}`, { method: "DELETE" }), idParams(bens.id))).status).toBe(204);
    expect((await historyOf("ANNOTATION", bens.id)).map((a) => [a.action, a.actorName])).toEqual([["CREATE", "Ben"], ["DELETE", "Admin"]]);
  });
});

describe("the OpenAPI document", () => {
  const API = path.resolve(import.meta.dirname, "../../app/api/v1");
  const routeFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? routeFiles(path.join(dir, d.name)) : d.name === "route.ts" ? [path.join(dir, d.name)] : []));

  it("documents every method of every /api/v1 route on disk", async () => {
    const doc = (await (await openapi()).json()) as { paths: Record<string, Record<string, unknown>> };
    const onDisk: string[] = [];
    for (const file of routeFiles(API)) {
      const route = `/${path.relative(API, path.dirname(file)).split(path.sep).join("/")}`;
      if (route === "/openapi.json") continue;
      const mod = (await import(file)) as Record<string, unknown>;
      const openApiPath = route.replace(/\[(\w+)\]/g, "{$1}");
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) if (typeof mod[method] === "function") onDisk.push(`${method} ${openApiPath}`);
    }
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(documented.sort()).toEqual(onDisk.sort());
  });

  it("describes the new bodies and query parameters from the shared schemas", async () => {
    type Op = { parameters?: { name: string }[]; requestBody?: { content: { "application/json": { schema: { properties: Record<string, unknown>; required?: string[] } } } } };
    const doc = (await (await openapi()).json()) as { paths: Record<string, Record<string, Op>> };
    expect(doc.paths["/events/{id}/study"]!.get!.parameters!.map((p) => p.name)).toEqual(["id", "model", "est", "win", "car", "benchmark"]);
    expect(doc.paths["/themes/{id}/study"]!.get!.parameters!.map((p) => p.name)).toEqual(["id", "benchmark"]);
    expect(doc.paths["/assets/{symbol}/prices"]!.post!.parameters!.map((p) => p.name)).toEqual(["symbol", "mode", "dryRun"]);
    expect(Object.keys(doc.paths["/assets/{symbol}"]!.patch!.requestBody!.content["application/json"].schema.properties)).toEqual(["name", "assetClass", "benchmark"]);
    expect(doc.paths["/events/{id}/exposures"]!.post!.requestBody!.content["application/json"].schema.required).toEqual(["assetSymbol", "direction"]);
    expect(doc.paths["/assets/{symbol}/risk"]!.get!.parameters!.map((p) => p.name)).toEqual(["symbol", "asOf"]);
    expect(doc.paths["/annotations/{id}"]!.patch!.requestBody!.content["application/json"].schema.required).toEqual(["body", "version"]);
    expect(Object.keys(doc.paths["/themes/merge"]!.post!.requestBody!.content["application/json"].schema.properties)).toEqual(["sourceId", "targetId"]);
    expect(doc.paths["/annotations/{id}"]!.delete!.parameters!.map((p) => p.name)).toEqual(["id", "version"]);
  });
});
