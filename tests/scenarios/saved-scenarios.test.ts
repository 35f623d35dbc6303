// Saving scenarios on a stored portfolio: the page's URL parameters become the saved request, a save writes the row and
// its audit entry, a 422 or a viewer writes nothing, and the JSON API lists, reads and bundles what was saved.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as listRoute, POST as saveRoute } from "@/app/api/v1/portfolios/[id]/scenarios/route";
import { GET as getRoute } from "@/app/api/v1/scenarios/[id]/route";
import { GET as bundleRoute } from "@/app/api/v1/scenarios/[id]/bundle/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { db } from "@/lib/db/client";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { createPortfolio } from "@/lib/portfolios/commands";
import { formsFromSearchParams, saveParametersFromQuery, searchParamsOf } from "@/lib/scenarios/page-params";
import { saveScenario } from "@/lib/scenarios/saved";
import { records, unzip } from "../reports/helpers";
import { createSignedInUser, requestAs, type TestUser } from "../helpers/request-context";
import { buildScenarioMarket, DATES, E2, type ScenarioMarket } from "./fixtures";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);

let m: ScenarioMarket;
let ana: TestUser;
let vic: TestUser;
let portfolioId: number;
let trickyEvent: number;
const params = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

beforeAll(async () => {
  m = await buildScenarioMarket();
  ana = await createSignedInUser("ANALYST", "Ana");
  vic = await createSignedInUser("VIEWER", "Vic");
  portfolioId = (await createPortfolio(ana.principal, { name: "Saved book", baseCurrency: "USD", positions: [{ symbol: "KS", quantity: 10 }, { symbol: "USEQ", quantity: 5 }] })).id;
  // A title a spreadsheet would run as a formula: the CSV must write it as text.
  trickyEvent = (await db().event.create({ data: { title: "=1+2 drill", occurredAt: new Date(`${DATES[200]}T00:00:00Z`), timePrecision: "DAY", category: "MILITARY", severity: 3, countries: ["KP"], sourceUrls: [], tags: [] } })).id;
});

describe("page parameters", () => {
  it("reads the GET form, writes it back, and turns it into the saved request (percent shocks become returns)", () => {
    const forms = formsFromSearchParams({ countries: "KP, RU", horizon: "-1,1", ss: ["^KS11", "KRW=X", ""], sp: ["-5", "3", ""], method: "sample", window: "120" });
    expect(forms.analogues).toMatchObject({ countries: "KP, RU", horizon: "-1,1" });
    expect(forms.shocks).toEqual({ shocks: [{ symbol: "^KS11", percent: "-5" }, { symbol: "KRW=X", percent: "3" }], method: "sample", window: "120" });
    const query = searchParamsOf(forms);
    expect(saveParametersFromQuery("analogues", query)).toEqual({ analogues: { countries: ["KP", "RU"] }, horizon: [-1, 1] });
    expect(saveParametersFromQuery("shocks", query)).toEqual({ shocks: [{ symbol: "^KS11", shock: -0.05 }, { symbol: "KRW=X", shock: 0.03 }], method: "sample", windowSessions: 120 });
    expect(formsFromSearchParams({})).toEqual({ analogues: null, shocks: null });
  });
});

describe("saving", () => {
  it("writes the scenario with its parameters, data vintage, result and an audit entry", async () => {
    const saved = await saveScenario(ana.principal, portfolioId, { kind: "analogues", name: "Missile tests", parameters: { analogues: { eventIds: [m.events.e1, m.events.e2, m.events.e3] } } });
    expect(saved).toMatchObject({ kind: "analogues", name: "Missile tests", portfolioName: "Saved book", dataAsOf: DATES.at(-1), createdBy: "Ana" });
    expect(saved.parameters).toMatchObject({ analogues: { eventIds: [m.events.e1, m.events.e2, m.events.e3] }, horizon: [0, 5], lookbackYears: 5, seed: 1 });
    expect(saved.vintage.map((v) => [v.symbol, v.lastClose])).toEqual([["KS", DATES.at(-1)], ["USEQ", DATES.at(-1)]]);
    if (saved.results.kind !== "analogues") throw new Error("expected analogues");
    // The stored P&L of the second analogue, from the fixture's closes: KS in USD through KRW=X, USEQ in USD.
    const a2 = saved.results.analogues.find((a) => a.eventId === m.events.e2)!;
    const last = DATES.length - 1;
    const ksValue = (10 * m.prices.KS![last]!) / m.prices["KRW=X"]![last]!;
    const ksUsd = (i: number) => m.prices.KS![i]! / m.prices["KRW=X"]![i]!;
    const useq = m.prices.USEQ!;
    expect(a2.pnl).toBeCloseTo(ksValue * (ksUsd(E2 + 5) / ksUsd(E2 - 1) - 1) + 5 * useq[last]! * (useq[E2 + 5]! / useq[E2 - 1]! - 1), 6);
    expect(saved.rerunHref).toBe(`/portfolios/${portfolioId}?events=${m.events.e1}%2C${m.events.e2}%2C${m.events.e3}&horizon=0%2C5#scenarios`);
    const audit = await db().auditEntry.findMany({ where: { entity: "SAVED_SCENARIO", entityId: saved.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "CREATE", actorName: "Ana" });
  });

  it("refuses bad parameters with a 422 naming the field, and a viewer, writing nothing", async () => {
    const before = [await db().savedScenario.count(), await db().auditEntry.count({ where: { entity: "SAVED_SCENARIO" } })];
    const bad = saveScenario(ana.principal, portfolioId, { kind: "shocks", name: "Bad", parameters: { shocks: [{ symbol: "NOPE", shock: -0.05 }] } });
    await expect(bad).rejects.toBeInstanceOf(ValidationError);
    await expect(bad).rejects.toMatchObject({ fieldErrors: { "shocks.0.symbol": [expect.stringContaining("no tracked asset NOPE")] } });
    await expect(saveScenario(ana.principal, portfolioId, { kind: "analogues", name: " ", parameters: { analogues: { countries: ["KP"] } } })).rejects.toMatchObject({ fieldErrors: { name: ["Give the scenario a name"] } });
    await expect(saveScenario(vic.principal, portfolioId, { kind: "analogues", name: "Viewer", parameters: { analogues: { countries: ["KP"] } } })).rejects.toBeInstanceOf(ForbiddenError);
    expect([await db().savedScenario.count(), await db().auditEntry.count({ where: { entity: "SAVED_SCENARIO" } })]).toEqual(before);
  });
});

describe("/api/v1 saved scenarios", () => {
  it("saves for an analyst (201), refuses a viewer (403), lists, reads and bundles with formula-neutralised text", async () => {
    const body = { kind: "shocks", name: "KIDX −5 %", parameters: { shocks: [{ symbol: "KIDX", shock: -0.05 }], method: "sample", windowSessions: 120, asOf: DATES.at(-1) } };
    expect((await saveRoute(requestAs(vic, `/api/v1/portfolios/${portfolioId}/scenarios`, { method: "POST", body }), params(portfolioId))).status).toBe(403);
    const bad = await saveRoute(requestAs(ana, `/api/v1/portfolios/${portfolioId}/scenarios`, { method: "POST", body: { ...body, parameters: { shocks: [] } } }), params(portfolioId));
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors).toHaveProperty(["parameters.shocks"]);
    const res = await saveRoute(requestAs(ana, `/api/v1/portfolios/${portfolioId}/scenarios`, { method: "POST", body }), params(portfolioId));
    expect(res.status, await res.clone().text()).toBe(201);
    const saved = (await res.json()) as { id: number; kind: string; results: { kind: string; shocks: { symbol: string; shock: number; held: boolean }[]; moves: { symbol: string }[] } };
    expect(saved.results.shocks).toEqual([{ symbol: "KIDX", shock: -0.05, held: false }]);
    expect(saved.results.moves.map((x) => x.symbol)).toEqual(["KS", "USEQ"]);

    const list = (await (await listRoute(requestAs(vic, `/api/v1/portfolios/${portfolioId}/scenarios`), params(portfolioId))).json()) as { data: { id: number; name: string; kind: string }[] };
    expect(list.data.map((s) => s.name)).toEqual(["KIDX −5 %", "Missile tests"]);
    const one = (await (await getRoute(requestAs(vic, `/api/v1/scenarios/${saved.id}`), params(saved.id))).json()) as { name: string; vintage: { symbol: string }[] };
    expect(one.name).toBe("KIDX −5 %");
    expect(one.vintage.map((v) => v.symbol)).toEqual(["KIDX", "KS", "USEQ"]);
    expect((await getRoute(requestAs(vic, "/api/v1/scenarios/999999"), params(999999))).status).toBe(404);

    const tricky = await saveScenario(ana.principal, portfolioId, { kind: "analogues", name: "With a formula title", parameters: { analogues: { eventIds: [m.events.e2, trickyEvent] } } });
    const zip = await bundleRoute(requestAs(vic, `/api/v1/scenarios/${tricky.id}/bundle`), params(tricky.id));
    expect(zip.status).toBe(200);
    expect(zip.headers.get("content-type")).toBe("application/zip");
    const files = unzip(Buffer.from(await zip.arrayBuffer()));
    const manifest = JSON.parse(files.get("manifest.json")!.toString("utf8")) as { report: string; rows: number; columns: string[]; parameters: { kind: string }; data: { symbol: string }[]; generatedBy: { name: string } };
    expect(manifest).toMatchObject({ report: "saved-scenario", parameters: { kind: "analogues" }, generatedBy: { name: "Vic" } });
    expect(manifest.data.map((d) => d.symbol)).toEqual(expect.arrayContaining(["KS", "USEQ", "KIDX", "SPX"]));
    const csvName = [...files.keys()].find((k) => k.endsWith(".csv"))!;
    const csv = await records(new Response(new Uint8Array(files.get(csvName)!)));
    expect(csv.header).toEqual(manifest.columns);
    expect(csv.rows).toHaveLength(manifest.rows);
    expect(csv.rows.filter((r) => r.section === "analogue" && r.metric === "pnl").map((r) => r.event)).toEqual(expect.arrayContaining(["Analogue two", "'=1+2 drill"]));
    expect(csv.rows.find((r) => r.section === "summary")!.text).toMatch(/^Across 2 analogues/);
    // Two analogues: still computed, and the warning says plainly that it is too few.
    expect(csv.rows.find((r) => r.metric === "warning")?.text).toMatch(/3/);
  });

  it("documents the three endpoints in OpenAPI", async () => {
    const doc = (await (await openapi()).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths["/portfolios/{id}/scenarios"]!)).toEqual(["get", "post"]);
    expect(doc.paths["/scenarios/{id}"]).toHaveProperty("get");
  });
});
