// Data in and out through the JSON API alone, against the test database: assets created, re-benchmarked and
// soft-deleted; a price CSV previewed then replacing a series; exposures linked, restated and removed; event and
// theme studies read with their benchmark overridden. Every write leaves an audit entry.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as listAssets, POST as postAsset } from "@/app/api/v1/assets/route";
import { DELETE as deleteAssetRoute, GET as getAsset, PATCH as patchAsset } from "@/app/api/v1/assets/[symbol]/route";
import { GET as getPrices, POST as postPrices } from "@/app/api/v1/assets/[symbol]/prices/route";
import { POST as postRefresh } from "@/app/api/v1/assets/[symbol]/refresh/route";
import { POST as postEvent } from "@/app/api/v1/events/route";
import { GET as listExposures, POST as postExposure } from "@/app/api/v1/events/[id]/exposures/route";
import { DELETE as deleteExposure, PATCH as patchExposure } from "@/app/api/v1/events/[id]/exposures/[symbol]/route";
import { GET as eventStudy } from "@/app/api/v1/events/[id]/study/route";
import { POST as postTheme } from "@/app/api/v1/themes/route";
import { GET as themeStudy } from "@/app/api/v1/themes/[id]/study/route";
import { mulberry32 } from "@/lib/analytics";
import { db } from "@/lib/db/client";
import { sha256Hex } from "@/lib/market-data/import-prices";
import { createSignedInUser, requestAs, type TestUser } from "../helpers/request-context";
import { weekdays } from "../studies/fixtures";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);

let ana: TestUser;
let viewer: TestUser;
const none = { params: Promise.resolve({}) } as never;
const sym = (symbol: string) => ({ params: Promise.resolve({ symbol }) });
const id = (n: number) => ({ params: Promise.resolve({ id: String(n) }) });
const SESSIONS = weekdays("2023-01-02", 320);

/** A seeded random walk as a Faultline price CSV. */
function walkCsv(seed: number, start: number, vol: number): string {
  const rnd = mulberry32(seed);
  let p = start;
  const rows = SESSIONS.map((d) => {
    p *= 1 + (rnd() - 0.5) * vol;
    return `${d},${p.toFixed(4)}`;
  });
  return ["date,close", ...rows].join("\n");
}

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

const csvRequest = (who: TestUser, symbol: string, query: string, csv: string) => {
  const req = requestAs(who, `/api/v1/assets/${encodeURIComponent(symbol)}/prices${query}`, { method: "POST", body: csv });
  return postPrices(req, sym(symbol));
};

beforeAll(async () => {
  vi.stubEnv("MARKET_DATA", "demo");
  ana = await createSignedInUser("ANALYST", "Ana");
  viewer = await createSignedInUser("VIEWER", "Vic");
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe("assets through the API", () => {
  it("creates assets from the provider's profile, stating the study model the benchmark implies", async () => {
    for (const s of ["^GSPC", "^KS11", "KRW=X"]) {
      const res = await postAsset(requestAs(ana, "/api/v1/assets", { method: "POST", body: { symbol: s } }), none);
      expect(res.status).toBe(201);
    }
    const lmt = await postAsset(requestAs(ana, "/api/v1/assets", { method: "POST", body: { symbol: "lmt", benchmark: "^gspc" } }), none);
    expect(await json(lmt)).toMatchObject({ symbol: "LMT", benchmark: "^GSPC", studyModel: "market", source: "DEMO" });
    const krw = await json(await getAsset(requestAs(viewer, "/api/v1/assets/KRW%3DX"), sym("KRW=X")));
    expect(krw).toMatchObject({ symbol: "KRW=X", benchmark: null, studyModel: "constant-mean" });
    const audit = await db().auditEntry.findMany({ where: { entity: "ASSET", action: "CREATE" } });
    expect(audit).toHaveLength(4);
  });

  it("gives KRW=X a benchmark (audited with before and after), and clears it again", async () => {
    const res = await patchAsset(requestAs(ana, "/api/v1/assets/KRW%3DX", { method: "PATCH", body: { benchmark: "^KS11" } }), sym("KRW=X"));
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ benchmark: "^KS11", studyModel: "market", name: "USD/KRW" });
    const entry = await db().auditEntry.findFirstOrThrow({ where: { entity: "ASSET", action: "UPDATE" }, orderBy: { id: "desc" } });
    expect(entry.actorName).toBe("Ana");
    expect(entry.before).toMatchObject({ benchmark: null });
    expect(entry.after).toMatchObject({ benchmark: "^KS11" });
    const cleared = await patchAsset(requestAs(ana, "/api/v1/assets/LMT", { method: "PATCH", body: { benchmark: null, name: "Lockheed" } }), sym("LMT"));
    expect(await json(cleared)).toMatchObject({ benchmark: null, studyModel: "constant-mean", name: "Lockheed" });
  });

  it("refuses a benchmark that is the asset itself or untracked, an unknown class and unknown fields, changing nothing", async () => {
    const bodies = [{ benchmark: "KRW=X" }, { benchmark: "^N225" }, { assetClass: "STOCK" }, { benchmark: "^GSPC", colour: "red" }];
    const fields: Record<string, string[]>[] = [];
    for (const body of bodies) {
      const res = await patchAsset(requestAs(ana, "/api/v1/assets/KRW%3DX", { method: "PATCH", body }), sym("KRW=X"));
      expect(res.status).toBe(422);
      fields.push((await json<{ error: { fieldErrors: Record<string, string[]> } }>(res)).error.fieldErrors);
    }
    expect(fields[0]!.benchmark![0]).toMatch(/cannot be its own benchmark/);
    expect(fields[1]!.benchmark![0]).toMatch(/\^N225 is not tracked/);
    expect(Object.keys(fields[2]!)).toEqual(["assetClass"]);
    expect(Object.keys(fields[3]!).join()).toMatch(/colour|_form/);
    expect((await db().asset.findUniqueOrThrow({ where: { symbol: "KRW=X" }, include: { benchmark: true } })).benchmark?.symbol).toBe("^KS11");
  });
});

describe("price CSV import through the API", () => {
  it("previews a replace as a change set without writing, then replaces, audited with the file's SHA-256", async () => {
    const first = walkCsv(1, 1300, 0.01);
    expect((await csvRequest(ana, "KRW=X", "?mode=replace", first)).status).toBe(201);
    // A corrected file: ten sessions fewer, one close changed, one session added.
    const lines = first.split("\n");
    const corrected = [lines[0], ...lines.slice(11, -1), lines.at(-1)!.replace(/,([\d.]+)$/, ",1234.5")].join("\n");
    const writesBefore = await db().auditEntry.count({ where: { action: "IMPORT" } });
    const dry = await csvRequest(ana, "KRW=X", "?mode=replace&dryRun=true", corrected);
    expect(dry.status).toBe(200);
    const preview = await json<{ dryRun: boolean; changes: { added: number; changed: number; removed: number; firstRemoved: { date: string }[]; firstChanged: { after: { close: number } }[] } }>(dry);
    expect(preview).toMatchObject({ dryRun: true, changes: { added: 0, changed: 1, removed: 10 } });
    expect(preview.changes.firstRemoved.map((b) => b.date)).toEqual(SESSIONS.slice(0, 5));
    expect(preview.changes.firstChanged[0]!.after.close).toBe(1234.5);
    expect(await db().priceBar.count({ where: { asset: { symbol: "KRW=X" } } })).toBe(SESSIONS.length);
    expect(await db().auditEntry.count({ where: { action: "IMPORT" } })).toBe(writesBefore);

    const done = await csvRequest(ana, "KRW=X", "?mode=replace", corrected);
    expect(done.status).toBe(201);
    expect(await json(done)).toMatchObject({ mode: "replace", inserted: 0, updated: 1, removed: 10 });
    const stored = await json<{ data: { date: string }[] }>(await getPrices(requestAs(viewer, "/api/v1/assets/KRW%3DX/prices"), sym("KRW=X")));
    expect(stored.data[0]!.date).toBe(SESSIONS[10]);
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "IMPORT" }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({ entity: "ASSET", actorName: "Ana" });
    expect(entry.after).toMatchObject({ mode: "replace", sha256: sha256Hex(corrected), added: 0, changed: 1, removed: 10 });
  });

  it("refuses a file with problems whole, with 422 naming line and column, and writes nothing", async () => {
    const before = await db().priceBar.count();
    const res = await csvRequest(ana, "^GSPC", "", "date,close\n2024-01-02,4700\n2024-01-03,1e308\n");
    expect(res.status).toBe(422);
    const body = await json<{ error: { message: string; fieldErrors: { file: string[] } } }>(res);
    expect(body.error.message).toMatch(/Nothing was imported/);
    expect(body.error.fieldErrors.file[0]).toMatch(/^Line 3, column close: /);
    expect(await db().priceBar.count()).toBe(before);
    // A dry run of the same file fails the same way, but does not claim an import was attempted.
    const dry = await csvRequest(ana, "^GSPC", "?dryRun=true", "date,close\n2024-01-02,4700\n2024-01-03,1e308\n");
    expect(dry.status).toBe(422);
    const dryMessage = (await json<{ error: { message: string } }>(dry)).error.message;
    expect(dryMessage).toMatch(/cannot be imported as it is/);
    expect(dryMessage).not.toMatch(/Nothing was imported/);
    expect((await csvRequest(ana, "KRW=X", "?mode=overwrite", "date,close\n2024-01-02,1\n")).status).toBe(422);
    expect((await csvRequest(viewer, "KRW=X", "", "date,close\n2024-01-02,1\n")).status).toBe(403);
  });
});

describe("exposures and studies through the API", () => {
  let eventId: number;
  let themeId: number;

  beforeAll(async () => {
    expect((await csvRequest(ana, "^KS11", "?mode=replace", walkCsv(2, 2500, 0.02))).status).toBe(201);
    expect((await csvRequest(ana, "^GSPC", "?mode=replace", walkCsv(3, 4500, 0.015))).status).toBe(201);
    const theme = await postTheme(requestAs(ana, "/api/v1/themes", { method: "POST", body: { name: "API storyline" } }), none);
    themeId = (await json<{ id: number }>(theme)).id;
    const event = await postEvent(
      requestAs(ana, "/api/v1/events", { method: "POST", body: { title: "API summit", occurredAt: SESSIONS[280], category: "SUMMIT", severity: 3, countries: ["KP", "RU"], themeId } }),
      none,
    );
    eventId = (await json<{ id: number }>(event)).id;
  });

  it("links two assets, restates a hypothesis and unlinks, each audited", async () => {
    const link = (assetSymbol: string, direction: string) =>
      postExposure(requestAs(ana, `/api/v1/events/${eventId}/exposures`, { method: "POST", body: { assetSymbol, direction, rationale: "flows" } }), id(eventId));
    expect((await link("krw=x", "up")).status).toBe(201);
    expect((await link("^KS11", "DOWN")).status).toBe(201);
    expect((await link("LMT", "UP")).status).toBe(201);
    expect((await link("NOPE", "UP")).status).toBe(422);
    const restated = await patchExposure(
      requestAs(ana, `/api/v1/events/${eventId}/exposures/LMT`, { method: "PATCH", body: { direction: "uncertain" } }),
      { params: Promise.resolve({ id: String(eventId), symbol: "LMT" }) },
    );
    expect(await json(restated)).toMatchObject({ symbol: "LMT", direction: "UNCERTAIN" });
    const removed = await deleteExposure(requestAs(ana, `/api/v1/events/${eventId}/exposures/LMT`, { method: "DELETE" }), {
      params: Promise.resolve({ id: String(eventId), symbol: "LMT" }),
    });
    expect(removed.status).toBe(204);
    const list = await json<{ data: { symbol: string; direction: string }[] }>(await listExposures(requestAs(viewer, `/api/v1/events/${eventId}/exposures`), id(eventId)));
    expect(list.data.map((x) => [x.symbol, x.direction])).toEqual([["KRW=X", "UP"], ["^KS11", "DOWN"]]);
    const actions = (await db().auditEntry.findMany({ where: { entity: "EXPOSURE", eventId }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["CREATE", "CREATE", "CREATE", "UPDATE", "DELETE"]);
    expect((await listExposures(requestAs(viewer, "/api/v1/events/999999/exposures"), id(999_999))).status).toBe(404);
  });

  it("reads the event study with benchmark= overriding each asset's own, recorded in the settings", async () => {
    type Study = { settings: { benchmarkOverride: string | null }; assets: { asset: { symbol: string }; model: string; benchmark: { symbol: string } | null; study: { windows: { car: number }[] } | null }[] };
    const own = await json<Study>(await eventStudy(requestAs(viewer, `/api/v1/events/${eventId}/study`), id(eventId)));
    expect(own.settings.benchmarkOverride).toBeNull();
    expect(own.assets.map((a) => [a.asset.symbol, a.benchmark?.symbol ?? null])).toEqual([["KRW=X", "^KS11"], ["^KS11", null]]);
    const res = await eventStudy(requestAs(viewer, `/api/v1/events/${eventId}/study?benchmark=%5Egspc`), id(eventId));
    expect(res.status).toBe(200);
    const over = await json<Study>(res);
    expect(over.settings.benchmarkOverride).toBe("^GSPC");
    expect(over.assets.map((a) => [a.asset.symbol, a.model, a.benchmark?.symbol])).toEqual([["KRW=X", "market", "^GSPC"], ["^KS11", "market", "^GSPC"]]);
    expect(over.assets[0]!.study!.windows[0]!.car).not.toBe(own.assets[0]!.study!.windows[0]!.car);
    const bad = await eventStudy(requestAs(viewer, `/api/v1/events/${eventId}/study?benchmark=NOPE`), id(eventId));
    expect(bad.status).toBe(422);
    expect((await json<{ error: { fieldErrors: Record<string, string[]> } }>(bad)).error.fieldErrors.benchmark![0]).toMatch(/NOPE is not a tracked asset/);
  });

  it("reads the theme study as on the theme page, with and without the override", async () => {
    type Theme = { theme: { id: number }; settings: { benchmarkOverride: string | null }; assets: { asset: { symbol: string }; benchmark: { symbol: string } | null }[] };
    const own = await json<Theme>(await themeStudy(requestAs(viewer, `/api/v1/themes/${themeId}/study`), id(themeId)));
    expect(own.theme.id).toBe(themeId);
    expect(own.assets.map((a) => [a.asset.symbol, a.benchmark?.symbol ?? null])).toEqual([["^KS11", null], ["KRW=X", "^KS11"]]);
    const over = await json<Theme>(await themeStudy(requestAs(viewer, `/api/v1/themes/${themeId}/study?benchmark=^GSPC`), id(themeId)));
    expect(over.settings.benchmarkOverride).toBe("^GSPC");
    expect(over.assets.map((a) => a.benchmark?.symbol)).toEqual(["^GSPC", "^GSPC"]);
    expect((await themeStudy(requestAs(viewer, "/api/v1/themes/999999/study"), id(999_999))).status).toBe(404);
  });
});

describe("refresh and soft delete through the API", () => {
  it("refuses to refresh a CSV asset, and switches it back to its provider with one backfill job", async () => {
    const refused = await postRefresh(requestAs(ana, "/api/v1/assets/KRW%3DX/refresh", { method: "POST" }), sym("KRW=X"));
    expect(refused.status).toBe(422);
    const res = await postRefresh(requestAs(ana, "/api/v1/assets/KRW%3DX/refresh?switchToProvider=true", { method: "POST" }), sym("KRW=X"));
    expect(res.status).toBe(202);
    expect(await json(res)).toMatchObject({ symbol: "KRW=X", queued: true, job: { reason: "switch", state: "created" } });
    expect((await db().asset.findUniqueOrThrow({ where: { symbol: "KRW=X" } })).source).toBe("DEMO");
    const again = await postRefresh(requestAs(ana, "/api/v1/assets/KRW%3DX/refresh?switchToProvider=true", { method: "POST" }), sym("KRW=X"));
    expect(again.status).toBe(422);
  });

  it("soft-deletes an asset: gone from the list and the API, its bars kept, audited", async () => {
    const bars = await db().priceBar.count({ where: { asset: { symbol: "^GSPC" } } });
    expect((await deleteAssetRoute(requestAs(ana, "/api/v1/assets/%5EGSPC", { method: "DELETE" }), sym("^GSPC"))).status).toBe(204);
    expect((await getAsset(requestAs(viewer, "/api/v1/assets/%5EGSPC"), sym("^GSPC"))).status).toBe(404);
    const list = await json<{ data: { symbol: string }[] }>(await listAssets(requestAs(viewer, "/api/v1/assets"), none));
    expect(list.data.map((a) => a.symbol)).not.toContain("^GSPC");
    expect(await db().priceBar.count({ where: { asset: { symbol: "^GSPC" } } })).toBe(bars);
    expect(await db().auditEntry.count({ where: { entity: "ASSET", action: "DELETE" } })).toBe(1);
    expect((await deleteAssetRoute(requestAs(ana, "/api/v1/assets/%5EGSPC", { method: "DELETE" }), sym("^GSPC"))).status).toBe(404);
  });
});
