// The portfolio API through its route handlers: roles, 422 naming fields, 409 on a stale version, the valuation with
// its risk figures, the CSV export with formula-neutralised text, and the OpenAPI document.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/portfolios/route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/portfolios/[id]/route";
import { GET as valuationRoute } from "@/app/api/v1/portfolios/[id]/valuation/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { db } from "@/lib/db/client";
import { upsertBars } from "@/lib/prices/store";
import { createSignedInUser, requestAs, type TestUser } from "../helpers/request-context";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);

let ana: TestUser;
let ben: TestUser;
let viewer: TestUser;
const noParams = { params: Promise.resolve({}) } as never;
const idParams = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

// 101 closes of a KRW stock whose daily returns cycle through −0.5 %, −0.4 %, … +0.4 % ten times; USD/KRW fixed at 1,000.
const RETURNS = Array.from({ length: 100 }, (_, k) => ((k % 10) - 5) / 1000);
const dates = Array.from({ length: 101 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10));
const closes = RETURNS.reduce((p, r) => [...p, p.at(-1)! * (1 + r)], [100_000]);

async function asset(symbol: string, currency: string, values: number[]) {
  const a = await db().asset.create({ data: { symbol, name: `=${symbol} name`, assetClass: "EQUITY", currency, exchange: "TEST", timeZone: "UTC", source: "CSV" } });
  await upsertBars(a.id, values.map((close, i) => ({ date: dates[i]!, open: null, high: null, low: null, close, adjClose: close, volume: null })));
}

beforeAll(async () => {
  ana = await createSignedInUser("ANALYST", "Ana");
  ben = await createSignedInUser("ANALYST", "Ben");
  viewer = await createSignedInUser("VIEWER", "Vic");
  await asset("KRW=X", "KRW", dates.map(() => 1000));
  await asset("CYCLE.KS", "KRW", closes);
  await asset("JPONLY", "JPY", [5000]);
});

describe("/api/v1/portfolios", () => {
  it("creates for an analyst, refuses a viewer, and answers 422 naming the field with nothing written", async () => {
    const body = { name: "API book", baseCurrency: "USD", positions: [{ symbol: "CYCLE.KS", quantity: 50 }] };
    expect((await createRoute(requestAs(viewer, "/api/v1/portfolios", { method: "POST", body }), noParams)).status).toBe(403);
    const bad = await createRoute(requestAs(ana, "/api/v1/portfolios", { method: "POST", body: { ...body, positions: [{ symbol: "CYCLE.KS", weight: 0.5 }, { symbol: "KRW=X", weight: 0.4 }], notional: 1000 } }), noParams);
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors).toEqual({ positions: ["Weights sum to 0.9; they must sum to 1 (within 0.000001)"] });
    expect(await db().portfolio.count()).toBe(0);
    const created = await createRoute(requestAs(ana, "/api/v1/portfolios", { method: "POST", body }), noParams);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ name: "API book", baseCurrency: "USD", kind: "quantity", version: 1, positions: [{ symbol: "CYCLE.KS", quantity: 50, currency: "KRW" }] });
    const list = (await (await listRoute(requestAs(viewer, "/api/v1/portfolios"), noParams)).json()) as { data: { name: string; positions: number }[] };
    expect(list.data).toEqual([expect.objectContaining({ name: "API book", positions: 1 })]);
  });

  it("values the portfolio and gives its historical and EWMA VaR/ES", async () => {
    const { id } = (await (await createRoute(requestAs(ana, "/api/v1/portfolios", { method: "POST", body: { name: "Risk book", baseCurrency: "USD", positions: [{ symbol: "CYCLE.KS", quantity: 50 }] } }), noParams)).json()) as { id: number };
    const res = await getRoute(requestAs(viewer, `/api/v1/portfolios/${id}`), idParams(id));
    expect(res.status).toBe(200);
    type Figure = { confidence: number; horizon: number; historicalVaR: number; historicalES: number; historicalVaRAmount: number; historicalSamples: number; ewmaVaR: number };
    const body = (await res.json()) as { valuation: { total: number; asOf: string; positions: { priceDate: string; fxRate: number }[]; risk: { returns: number; figures: Figure[] } } };
    const value = (50 * closes[100]!) / 1000;
    expect(body.valuation.total).toBeCloseTo(value, 9);
    expect(body.valuation.asOf).toBe(dates[100]);
    expect(body.valuation.positions[0]!.fxRate).toBeCloseTo(0.001, 15);
    expect(body.valuation.risk.returns).toBe(100);
    // The 5 % quantile of 100 returns (type 7: between the 5th and 6th smallest) is −0.5 %, and so is the mean at or below it.
    const d95 = body.valuation.risk.figures.find((f) => f.horizon === 1 && f.confidence === 0.95)!;
    expect(d95.historicalVaR).toBeCloseTo(0.005, 12);
    expect(d95.historicalES).toBeCloseTo(0.005, 12);
    expect(d95.historicalVaRAmount).toBeCloseTo(0.005 * value, 9);
    const d10 = body.valuation.risk.figures.find((f) => f.horizon === 10 && f.confidence === 0.95)!;
    expect(d10.historicalSamples).toBe(91);
    expect(d10.ewmaVaR).toBeCloseTo(d95.ewmaVaR * Math.sqrt(10), 12);
  });

  it("conflicts on a stale PATCH, keeps fields left out, and soft-deletes", async () => {
    const { id } = (await (await createRoute(requestAs(ana, "/api/v1/portfolios", { method: "POST", body: { name: "Patch book", baseCurrency: "USD", positions: [{ symbol: "CYCLE.KS", quantity: 5 }] } }), noParams)).json()) as { id: number };
    const ok = await patchRoute(requestAs(ben, `/api/v1/portfolios/${id}`, { method: "PATCH", body: { name: "Patched book", version: 1 } }), idParams(id));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ name: "Patched book", version: 2, positions: [{ symbol: "CYCLE.KS", quantity: 5 }] });
    const stale = await patchRoute(requestAs(ana, `/api/v1/portfolios/${id}`, { method: "PATCH", body: { positions: [{ symbol: "CYCLE.KS", quantity: 9 }], version: 1 } }), idParams(id));
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: unknown }).error).toMatchObject({ changedBy: "Ben", currentVersion: 2 });
    expect((await deleteRoute(requestAs(ana, `/api/v1/portfolios/${id}?version=2`, { method: "DELETE" }), idParams(id))).status).toBe(204);
    expect((await getRoute(requestAs(ana, `/api/v1/portfolios/${id}`), idParams(id))).status).toBe(404);
  });

  it("exports the valuation as CSV with a missing FX series named and text cells neutralised", async () => {
    const { id } = (await (await createRoute(requestAs(ana, "/api/v1/portfolios", { method: "POST", body: { name: "CSV book", baseCurrency: "USD", positions: [{ symbol: "CYCLE.KS", quantity: 2 }, { symbol: "JPONLY", quantity: 1 }] } }), noParams)).json()) as { id: number };
    const res = await valuationRoute(requestAs(viewer, `/api/v1/portfolios/${id}/valuation`), idParams(id));
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/faultline-portfolio-valuation-csv-book-\d{4}-\d\d-\d\d\.csv/);
    const lines = (await res.text()).split("\r\n");
    expect(lines[0]).toBe("portfolio,base_currency,symbol,name,asset_currency,quantity,weight_input,close,price_date,fx_rate,fx_series,value,share,status,missing_fx");
    expect(lines[1]).toBe(`CSV book,USD,CYCLE.KS,'=CYCLE.KS name,KRW,2,,${closes[100]},${dates[100]},0.001,KRW=X^-1,${2 * closes[100]! * 0.001},1,ok,`);
    expect(lines[2]).toBe("CSV book,USD,JPONLY,'=JPONLY name,JPY,,,5000,2024-01-01,,,,,missing-fx,JPY=X");
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await (await openapi()).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths["/portfolios"]!)).toEqual(["get", "post"]);
    expect(Object.keys(doc.paths["/portfolios/{id}"]!)).toEqual(["get", "patch", "delete"]);
    expect(doc.paths["/portfolios/{id}/valuation"]).toBeDefined();
  });
});
