// An asset whose profile the analyst gives by hand, through POST /api/v1/assets with Yahoo configured but not served:
// msw has no Yahoo handler and every request it sees is counted, so an add that reached Yahoo would fail or show up.
// The asset's prices then come from a CSV import; a missing profile field, a bad time zone and a tracked symbol are
// refused with 422 and write nothing.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postAsset } from "@/app/api/v1/assets/route";
import { POST as postPrices } from "@/app/api/v1/assets/[symbol]/prices/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { db } from "@/lib/db/client";
import { createSignedInUser, requestAs, type TestUser } from "../helpers/request-context";
import { mswServer } from "../msw/server";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);

const none = { params: Promise.resolve({}) } as never;
let ana: TestUser;
let dataDir: string;
let outgoing: string[] = [];

interface ErrorJson {
  error: { status: number; code: string; fieldErrors?: Record<string, string[]> };
}

const KRX_DEFENCE = { symbol: "krx-def", name: "KRX defence basket", assetClass: "EQUITY_INDEX", currency: "krw", exchange: "KSE", timeZone: "asia/seoul", country: "kr" };

const add = (body: Record<string, unknown>) => postAsset(requestAs(ana, "/api/v1/assets", { method: "POST", body }), none);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "faultline-manual-"));
  vi.stubEnv("MARKET_DATA", "yahoo");
  vi.stubEnv("FAULTLINE_DATA_DIR", dataDir);
  ana = await createSignedInUser("ANALYST", "Ana");
  mswServer.events.on("request:start", ({ request }) => {
    outgoing.push(request.url);
  });
});
beforeEach(() => {
  outgoing = [];
});
afterAll(async () => {
  mswServer.events.removeAllListeners();
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

describe("POST /api/v1/assets with a profile given by hand", () => {
  it("adds the asset without asking Yahoo, as a CSV asset, audited, and takes its prices from a CSV import", async () => {
    const res = await add(KRX_DEFENCE);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      symbol: "KRX-DEF", name: "KRX defence basket", assetClass: "EQUITY_INDEX", currency: "KRW", exchange: "KSE",
      timeZone: "Asia/Seoul", country: "KR", source: "CSV", benchmark: null,
    });
    expect(outgoing).toEqual([]);
    const audit = await db().auditEntry.findMany({ where: { entity: "ASSET" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "CREATE", actorName: "Ana" });
    expect(audit[0]!.after).toMatchObject({ symbol: "KRX-DEF", source: "CSV" });

    const csv = "date,close\n2024-06-18,1012.5\n2024-06-19,1030.25\n";
    const imported = await postPrices(requestAs(ana, "/api/v1/assets/KRX-DEF/prices?mode=merge", { method: "POST", body: csv }), { params: Promise.resolve({ symbol: "KRX-DEF" }) });
    expect(imported.status).toBe(201);
    const bars = await db().priceBar.findMany({ where: { asset: { symbol: "KRX-DEF" } }, orderBy: { date: "asc" } });
    expect(bars.map((b) => Number(b.close))).toEqual([1012.5, 1030.25]);
    expect(outgoing).toEqual([]);
  });

  it("names each missing profile field with 422 and writes nothing", async () => {
    const auditBefore = await db().auditEntry.count();
    const res = await add({ symbol: "BDI", name: "Baltic Dry Index", currency: "USD" });
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorJson;
    expect(Object.keys(body.error.fieldErrors ?? {}).sort()).toEqual(["assetClass", "timeZone"]);
    expect(body.error.fieldErrors?.timeZone?.[0]).toMatch(/time zone/);
    expect(await db().asset.count({ where: { symbol: "BDI" } })).toBe(0);
    expect(await db().auditEntry.count()).toBe(auditBefore);
    expect(outgoing).toEqual([]);
  });

  it("refuses a time zone Intl does not know, and an abbreviation, with 422", async () => {
    const auditBefore = await db().auditEntry.count();
    for (const timeZone of ["Mars/Olympus", "EST"]) {
      const res = await add({ ...KRX_DEFENCE, symbol: "KRX-DEF2", timeZone });
      expect(res.status).toBe(422);
      const body = (await res.json()) as ErrorJson;
      expect(Object.keys(body.error.fieldErrors ?? {})).toEqual(["timeZone"]);
    }
    expect(await db().asset.count({ where: { symbol: "KRX-DEF2" } })).toBe(0);
    expect(await db().auditEntry.count()).toBe(auditBefore);
    expect(outgoing).toEqual([]);
  });

  it("refuses a symbol already tracked, keeping the first profile", async () => {
    const auditBefore = await db().auditEntry.count();
    const res = await add({ ...KRX_DEFENCE, name: "Another name" });
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorJson;
    expect(body.error.fieldErrors?.symbol).toEqual(["KRX-DEF is already tracked."]);
    const rows = await db().asset.findMany({ where: { symbol: "KRX-DEF" } });
    expect(rows.map((r) => r.name)).toEqual(["KRX defence basket"]);
    expect(await db().auditEntry.count()).toBe(auditBefore);
    expect(outgoing).toEqual([]);
  });

  it("documents the profile fields on POST /assets in the OpenAPI document", async () => {
    type Doc = { paths: { "/assets": { post: { requestBody: { content: { "application/json": { schema: { properties: Record<string, unknown>; required?: string[] } } } } } } } };
    const doc = (await (await openapi()).json()) as Doc;
    const schema = doc.paths["/assets"].post.requestBody.content["application/json"].schema;
    expect(Object.keys(schema.properties).sort()).toEqual(["assetClass", "benchmark", "country", "currency", "exchange", "name", "symbol", "timeZone"]);
    expect(schema.required ?? []).toEqual(["symbol"]);
  });
});
