// Deleting a saved scenario: the analyst who saved it or an admin may (another analyst and a viewer may not), it is a
// soft delete with an audit entry, the scenario then answers 404 everywhere, and an admin restores it.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as listRoute } from "@/app/api/v1/portfolios/[id]/scenarios/route";
import { DELETE as deleteRoute, GET as getRoute } from "@/app/api/v1/scenarios/[id]/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { deleteSavedScenarioAction, restoreSavedScenarioAction } from "@/app/portfolios/actions";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { createPortfolio, deletePortfolio } from "@/lib/portfolios/commands";
import { deletedSavedScenarios, deleteSavedScenario, restoreSavedScenario, saveScenario, savedScenariosFor } from "@/lib/scenarios/saved";
import { actAs, createSignedInUser, requestAs, type TestUser } from "../helpers/request-context";
import { buildScenarioMarket, type ScenarioMarket } from "./fixtures";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);
vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheModule);

let m: ScenarioMarket;
let ana: TestUser;
let bob: TestUser;
let vic: TestUser;
let adm: TestUser;
let portfolioId: number;
const params = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

async function saveOne(by: TestUser, name: string): Promise<number> {
  return (await saveScenario(by.principal, portfolioId, { kind: "analogues", name, parameters: { analogues: { eventIds: [m.events.e1, m.events.e2] } } })).id;
}

async function del(who: TestUser, id: number | string) {
  return deleteRoute(requestAs(who, `/api/v1/scenarios/${id}`, { method: "DELETE" }), params(id));
}

beforeAll(async () => {
  m = await buildScenarioMarket();
  adm = await createSignedInUser("ADMIN", "Adele");
  ana = await createSignedInUser("ANALYST", "Ana");
  bob = await createSignedInUser("ANALYST", "Bob");
  vic = await createSignedInUser("VIEWER", "Vic");
  portfolioId = (await createPortfolio(ana.principal, { name: "Book", baseCurrency: "USD", positions: [{ symbol: "KS", quantity: 10 }, { symbol: "USEQ", quantity: 5 }] })).id;
});

describe("DELETE /api/v1/scenarios/{id}", () => {
  it("refuses a viewer and another analyst (403) and changes nothing", async () => {
    const id = await saveOne(ana, "Kept");
    expect((await del(vic, id)).status).toBe(403);
    const res = await del(bob, id);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/saved this scenario/);
    expect(await db().savedScenario.findUniqueOrThrow({ where: { id }, select: { deletedAt: true } })).toEqual({ deletedAt: null });
    expect(await db().auditEntry.count({ where: { entity: "SAVED_SCENARIO", entityId: id, action: "DELETE" } })).toBe(0);
    // The page offers the delete only to whoever may use it.
    const canDelete = async (u: TestUser) => (await savedScenariosFor(portfolioId, u.principal)).find((s) => s.id === id)?.canDelete;
    expect([await canDelete(ana), await canDelete(bob), await canDelete(vic), await canDelete(adm)]).toEqual([true, false, false, true]);
  });

  it("soft-deletes for the analyst who saved it (204), audits it, and the scenario is then a 404 everywhere", async () => {
    const id = await saveOne(ana, "Doomed");
    const res = await del(ana, id);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    const row = await db().savedScenario.findUniqueOrThrow({ where: { id }, select: { deletedAt: true, deletedById: true, results: true } });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(row.deletedById).toBe(ana.principal.id);
    expect(row.results).not.toBeNull();
    const audit = await db().auditEntry.findMany({ where: { entity: "SAVED_SCENARIO", entityId: id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["CREATE", "DELETE"]);
    expect(audit[1]).toMatchObject({ actorName: "Ana", before: { name: "Doomed", deletedAt: null }, after: { name: "Doomed", deletedAt: expect.any(String) } });

    expect((await getRoute(requestAs(vic, `/api/v1/scenarios/${id}`), params(id))).status).toBe(404);
    const list = (await (await listRoute(requestAs(vic, `/api/v1/portfolios/${portfolioId}/scenarios`), params(portfolioId))).json()) as { data: { id: number }[] };
    expect(list.data.map((s) => s.id)).not.toContain(id);
    // A second delete finds nothing to delete, and writes no second entry.
    expect((await del(ana, id)).status).toBe(404);
    expect(await db().auditEntry.count({ where: { entity: "SAVED_SCENARIO", entityId: id, action: "DELETE" } })).toBe(1);
  });

  it("answers 404 for an unknown or malformed id", async () => {
    expect((await del(ana, 999999)).status).toBe(404);
    expect((await del(ana, "abc")).status).toBe(404);
    await expect(deleteSavedScenario(ana.principal, 999999)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lets an admin delete anyone's saved scenario", async () => {
    const id = await saveOne(bob, "Bob's");
    expect((await del(adm, id)).status).toBe(204);
    expect((await db().auditEntry.findFirstOrThrow({ where: { entity: "SAVED_SCENARIO", entityId: id, action: "DELETE" } })).actorName).toBe("Adele");
  });

  it("treats a scenario of a deleted portfolio as gone", async () => {
    const other = await createPortfolio(ana.principal, { name: "Short-lived", baseCurrency: "USD", positions: [{ symbol: "USEQ", quantity: 1 }] });
    const id = (await saveScenario(ana.principal, other.id, { kind: "analogues", name: "Orphan", parameters: { analogues: { eventIds: [m.events.e1] } } })).id;
    await deletePortfolio(ana.principal, { id: other.id, version: other.version });
    expect((await del(ana, id)).status).toBe(404);
  });

  it("is documented in OpenAPI", async () => {
    const doc = (await (await openapi()).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(Object.keys(doc.paths["/scenarios/{id}"]!)).toEqual(expect.arrayContaining(["get", "delete"]));
    expect(Object.keys(doc.paths["/scenarios/{id}"]!.delete!.responses)).toEqual(expect.arrayContaining(["204", "403", "404"]));
  });
});

describe("restoring", () => {
  it("is for admins: the scenario comes back with its stored result, audited; a live one cannot be restored", async () => {
    const id = await saveOne(ana, "Back again");
    await deleteSavedScenario(ana.principal, id);
    expect((await deletedSavedScenarios()).find((s) => s.id === id)).toMatchObject({ name: "Back again", portfolioName: "Book", deletedBy: "Ana", portfolioDeleted: false });
    await expect(restoreSavedScenario(ana.principal, id)).rejects.toBeInstanceOf(ForbiddenError);
    await restoreSavedScenario(adm.principal, id);
    const one = await getRoute(requestAs(vic, `/api/v1/scenarios/${id}`), params(id));
    expect(one.status).toBe(200);
    expect(((await one.json()) as { name: string; results: { analogues: { eventId: number }[] } }).results.analogues.map((a) => a.eventId)).toEqual([m.events.e1, m.events.e2]);
    expect((await deletedSavedScenarios()).map((s) => s.id)).not.toContain(id);
    const restore = await db().auditEntry.findFirstOrThrow({ where: { entity: "SAVED_SCENARIO", entityId: id, action: "RESTORE" } });
    expect(restore).toMatchObject({ actorName: "Adele", before: { deletedAt: expect.any(String) }, after: { deletedAt: null } });
    await expect(restoreSavedScenario(adm.principal, id)).rejects.toBeInstanceOf(ValidationError);
    await expect(restoreSavedScenario(adm.principal, 999999)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("works through the page's actions: the delete for its saver, the restore for an admin", async () => {
    const id = await saveOne(ana, "Via the page");
    actAs(bob);
    expect(await deleteSavedScenarioAction(null, form({ id: String(id) }))).toMatchObject({ ok: false, status: 403 });
    actAs(ana);
    expect(await deleteSavedScenarioAction(null, form({ id: String(id) }))).toEqual({ ok: true, data: null });
    expect((await db().savedScenario.findUniqueOrThrow({ where: { id } })).deletedAt).not.toBeNull();
    actAs(adm);
    expect(await restoreSavedScenarioAction(null, form({ id: String(id) }))).toEqual({ ok: true, data: null });
    expect((await db().savedScenario.findUniqueOrThrow({ where: { id } })).deletedAt).toBeNull();
  });
});
