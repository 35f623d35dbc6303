// The scenario endpoints through their route handlers: a READ token may run them (they write nothing), bad input is a
// 422 naming the field, and the OpenAPI document describes both.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as analogues } from "@/app/api/v1/scenarios/analogues/route";
import { POST as shocks } from "@/app/api/v1/scenarios/shocks/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { issueApiToken } from "@/lib/auth/api-tokens";
import { createSignedInUser, requestAs } from "../helpers/request-context";
import { buildScenarioMarket, DATES, type ScenarioMarket } from "../scenarios/fixtures";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);

const noParams = { params: Promise.resolve({}) } as never;
let token: string;
let m: ScenarioMarket;
const book = { baseCurrency: "USD", positions: [{ symbol: "KS", quantity: 10 }, { symbol: "USEQ", quantity: 5 }] };

beforeAll(async () => {
  m = await buildScenarioMarket();
  const admin = await createSignedInUser("ADMIN", "Admin");
  const viewer = await createSignedInUser("VIEWER", "Vera");
  token = (await issueApiToken(admin.principal, { name: "reader", userId: viewer.principal.id, scope: "READ" })).token;
});

describe("POST /api/v1/scenarios/*", () => {
  it("runs Scenario 1 with a READ token", async () => {
    const res = await analogues(requestAs({ token }, "/api/v1/scenarios/analogues", { method: "POST", body: { book, analogues: { countries: ["KP"], severityMin: 4, to: DATES[360] }, asOf: DATES.at(-1) } }), noParams);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { kind: string; analogues: { eventId: number }[]; summary: string };
    expect(body.kind).toBe("analogues");
    expect(body.analogues.map((a) => a.eventId)).toEqual([m.events.e1, m.events.e2, m.events.e3]);
    expect(body.summary).toMatch(/^Across 3 analogues/);
  });

  it("runs Scenario 2 and names a bad shock with 422", async () => {
    const ok = await shocks(requestAs({ token }, "/api/v1/scenarios/shocks", { method: "POST", body: { book, shocks: [{ symbol: "KIDX", shock: -0.05 }], asOf: DATES.at(-1) } }), noParams);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { moves: unknown[] }).moves).toHaveLength(2);
    const bad = await shocks(requestAs({ token }, "/api/v1/scenarios/shocks", { method: "POST", body: { book, shocks: [{ symbol: "KIDX", shock: -1.5 }] } }), noParams);
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors["shocks.0.shock"]).toBeDefined();
  });

  it("refuses an empty book and a missing selection with 422", async () => {
    const res = await analogues(requestAs({ token }, "/api/v1/scenarios/analogues", { method: "POST", body: { book: { baseCurrency: "USD", positions: [] }, analogues: {} } }), noParams);
    expect(res.status).toBe(422);
    const fields = ((await res.json()) as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors;
    expect(Object.keys(fields).sort()).toEqual(["analogues", "book.positions"]);
  });

  it("is unauthenticated without a token or session", async () => {
    const req = new Request("http://localhost/api/v1/scenarios/analogues", { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect((await analogues(req, noParams)).status).toBe(401);
  });

  it("is in the OpenAPI document", async () => {
    const doc = (await (await openapi()).json()) as { paths: Record<string, unknown>; components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/scenarios/analogues", "/scenarios/shocks"]));
    expect(Object.keys(doc.components.schemas.AnalogueScenario!.properties)).toEqual(expect.arrayContaining(["book", "analogues", "horizon"]));
  });
});
