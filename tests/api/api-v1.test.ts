// The JSON API through its route handlers, called directly against the test database.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as listEvents, POST as createEventRoute } from "@/app/api/v1/events/route";
import { DELETE as deleteEventRoute, GET as getEvent, PATCH as patchEvent } from "@/app/api/v1/events/[id]/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { GET as prices } from "@/app/api/v1/assets/[symbol]/prices/route";
import { GET as listAnnotations, POST as postAnnotation } from "@/app/api/v1/annotations/route";
import { issueApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { db } from "@/lib/db/client";
import { toErrorResponse } from "@/lib/http/errors";
import { seedStoryline } from "@/lib/seed/seed";
import { createSignedInUser, requestAs, type TestUser } from "../helpers/request-context";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);

let ana: TestUser;
let ben: TestUser;
let admin: TestUser;
const noParams = { params: Promise.resolve({}) } as never;
const idParams = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

beforeAll(async () => {
  await seedStoryline("DEMO");
  admin = await createSignedInUser("ADMIN", "Admin");
  ana = await createSignedInUser("ANALYST", "Ana");
  ben = await createSignedInUser("ANALYST", "Ben");
});

describe("/api/v1/events", () => {
  it("filters and paginates", async () => {
    const res = await listEvents(requestAs(ana, "/api/v1/events?category=treaty&country=kp&pageSize=2&from=2023-01-01"), noParams);
    const body = (await res.json()) as { data: { category: string; countries: string[] }[]; total: number; pageSize: number };
    expect(res.status).toBe(200);
    expect(body.pageSize).toBe(2);
    expect(body.data.length).toBeLessThanOrEqual(2);
    expect(body.data.every((e) => e.category === "TREATY" && e.countries.includes("KP"))).toBe(true);
    const bad = await listEvents(requestAs(ana, "/api/v1/events?severityMin=9&to=2020-01-01&from=2021-01-01"), noParams);
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors).toMatchObject({
      severityMin: ["Severity must be between 1 and 5"],
    });
  });

  it("creates, conflicts on a stale PATCH with who and when, and soft-deletes", async () => {
    const created = await createEventRoute(requestAs(ana, "/api/v1/events", { method: "POST", body: { title: "API event", occurredAt: "2024-05-05", category: "DIPLOMACY", severity: 2, countries: ["RU"] } }), noParams);
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    expect((await patchEvent(requestAs(ben, `/api/v1/events/${id}`, { method: "PATCH", body: { severity: 3, version: 1 } }), idParams(id))).status).toBe(200);
    const stale = await patchEvent(requestAs(ana, `/api/v1/events/${id}`, { method: "PATCH", body: { severity: 5, version: 1 } }), idParams(id));
    expect(stale.status).toBe(409);
    const err = ((await stale.json()) as { error: { changedBy: string; currentVersion: number; message: string } }).error;
    expect(err).toMatchObject({ changedBy: "Ben", currentVersion: 2 });
    expect(err.message).toMatch(/changed by Ben at/);
    expect((await deleteEventRoute(requestAs(ana, `/api/v1/events/${id}?version=2`, { method: "DELETE" }), idParams(id))).status).toBe(204);
    expect((await getEvent(requestAs(ana, `/api/v1/events/${id}`), idParams(id))).status).toBe(404);
    expect((await patchEvent(requestAs(ana, `/api/v1/events/${id}`, { method: "PATCH", body: "{not json" }), idParams(id))).status).toBe(404);
  });

  it("refuses impossible instants with 422 and creates an event with its exposures in one call", async () => {
    for (const occurredAt of ["2024-02-30T10:00Z", "2024-06-19T24:00Z"]) {
      const res = await createEventRoute(requestAs(ana, "/api/v1/events", { method: "POST", body: { title: "Impossible", occurredAt, category: "OTHER", severity: 2 } }), noParams);
      expect(res.status).toBe(422);
      expect(((await res.json()) as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors.occurredAt?.[0]).toMatch(/^2024-0\d-\d\dT\d\d:00Z is not a real (date|time)/);
    }
    const res = await createEventRoute(requestAs(ana, "/api/v1/events", {
      method: "POST",
      body: { title: "Treaty via API", occurredAt: "2024-06-19T10:00", timePrecision: "EXACT", timeZone: "Asia/Seoul", category: "TREATY", severity: 4, exposures: [{ assetSymbol: "^KS11", direction: "DOWN", rationale: "risk-off" }] },
    }), noParams);
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: number; occurredAt: string; timePrecision: string; exposures: { asset: string; direction: string }[] };
    expect(created).toMatchObject({ occurredAt: "2024-06-19T01:00:00.000Z", timePrecision: "EXACT" });
    expect(created.exposures.map((x) => [x.asset, x.direction])).toEqual([["^KS11", "DOWN"]]);
    // A PATCH of the date alone states its precision by its form: a date-time on a day-only event becomes exact.
    const day = await createEventRoute(requestAs(ana, "/api/v1/events", { method: "POST", body: { title: "Day event", occurredAt: "2024-06-19", category: "OTHER", severity: 1 } }), noParams);
    const { id } = (await day.json()) as { id: number };
    const patched = await patchEvent(requestAs(ana, `/api/v1/events/${id}`, { method: "PATCH", body: { occurredAt: "2024-06-19T08:00Z", version: 1 } }), idParams(id));
    expect(await patched.json()).toMatchObject({ occurredAt: "2024-06-19T08:00:00.000Z", timePrecision: "EXACT" });
  });

  it("accepts bearer tokens by scope and refuses revoked ones", async () => {
    const read = await issueApiToken(admin.principal, { name: "reader", userId: ana.principal.id, scope: "READ" });
    expect(await db().apiToken.count({ where: { tokenHash: read.token } })).toBe(0);
    expect((await listEvents(requestAs({ token: read.token }, "/api/v1/events"), noParams)).status).toBe(200);
    const denied = await createEventRoute(requestAs({ token: read.token }, "/api/v1/events", { method: "POST", body: {} }), noParams);
    expect(denied.status).toBe(403);
    await revokeApiToken(admin.principal, read.id);
    expect((await listEvents(requestAs({ token: read.token }, "/api/v1/events"), noParams)).status).toBe(401);
  });
});

describe("other endpoints", () => {
  it("serves prices in a date range and 404s an unknown symbol", async () => {
    const ok = await prices(requestAs(ana, "/api/v1/assets/%5EKS11/prices?from=2024-01-01&to=2024-01-31"), { params: Promise.resolve({ symbol: "^KS11" }) });
    expect(ok.status).toBe(200);
    const missing = await prices(requestAs(ana, "/api/v1/assets/NOPE/prices"), { params: Promise.resolve({ symbol: "NOPE" }) });
    expect(missing.status).toBe(404);
  });

  it("adds and lists notes pinned to an asset", async () => {
    const res = await postAnnotation(requestAs(ana, "/api/v1/annotations", { method: "POST", body: { assetSymbol: "^KS11", pinnedDate: "2024-06-19", body: "Treaty day" } }), noParams);
    expect(res.status).toBe(201);
    const list = (await (await listAnnotations(requestAs(ana, "/api/v1/annotations?asset=%5EKS11&from=2024-06-01"), noParams)).json()) as { data: { body: string; pinnedDate: string }[] };
    expect(list.data).toEqual([expect.objectContaining({ body: "Treaty day", pinnedDate: "2024-06-19" })]);
  });

  it("publishes an OpenAPI document generated from the schemas", async () => {
    const doc = (await (await openapi()).json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: { EventInput: { properties: { title: { maxLength: number } } } } } };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/events", "/events/{id}", "/themes", "/assets", "/assets/{symbol}/prices", "/annotations"]));
    expect(doc.components.schemas.EventInput.properties.title.maxLength).toBe(200);
    // The date rule is documented where API users read it: precision as a choice, zones, impossible instants refused.
    const props = (doc.components.schemas.EventInput as unknown as { properties: Record<string, { description?: string; enum?: string[] }> }).properties;
    expect(props.occurredAt?.description).toMatch(/2024-02-30.*422/);
    expect(props.timePrecision?.description).toMatch(/^EXACT: .* DAY: /);
    expect(props.timeZone?.description).toMatch(/IANA time zone/);
    expect(props.exposures?.description).toMatch(/same transaction/);
  });

  it("hides internals behind a generic 500", async () => {
    const res = toErrorResponse(new Error("connection string postgresql://u:secret@db"));
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain("secret");
  });
});
