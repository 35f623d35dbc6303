// Every report but the streamed prices one, parsed with csv-parse and checked against the database and lib/studies;
// the reproducible bundle; GET, JSON and form requests; and who may download.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { issueApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { db } from "@/lib/db/client";
import { eventStudyForEvent, riskForAsset, studyParamsSchema } from "@/lib/studies";
import { loadAdjustedCloses } from "@/lib/prices/adjusted-closes";
import packageJson from "@/package.json";
import { createSignedInUser, requestAs, type TestUser } from "../helpers/request-context";
import { buildMarket, EVENT_A, SESSIONS, type Market } from "../studies/fixtures";
import { download, downloadPost, num, records, unzip } from "./helpers";
import { POST } from "@/app/api/reports/[report]/route";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);

let m: Market;
let viewer: TestUser;
let analyst: TestUser;
let admin: TestUser;
let formulaEventId: number;

beforeAll(async () => {
  m = await buildMarket();
  // The first account must be the admin (better-auth's first-run rule in lib/auth/users).
  admin = await createSignedInUser("ADMIN");
  viewer = await createSignedInUser("VIEWER", "Vera Viewer");
  analyst = await createSignedInUser("ANALYST", "Ana Analyst");
  const formula = await db().event.create({
    data: {
      title: "=cmd|' /C calc'!A0",
      occurredAt: new Date("2024-03-01T09:15:00Z"),
      timePrecision: "EXACT",
      category: "SANCTIONS",
      severity: 5,
      countries: ["RU", "KP"],
      summary: "Line one,\nline \"two\"",
      sourceUrls: ["https://example.test/a", "https://example.test/b"],
      tags: ["-5%", "sanctions"],
      createdById: analyst.principal.id,
      exposures: { create: [{ assetId: m.fxId, direction: "DOWN", rationale: "@risk: won weakens", setById: analyst.principal.id, setAt: new Date("2024-02-01T00:00:00Z") }] },
    },
  });
  formulaEventId = formula.id;
  const note = await db().annotation.create({ data: { body: "=SUM(1,2) looks odd", authorId: analyst.principal.id, eventId: m.eventA } });
  await db().annotation.create({ data: { body: "A reply", authorId: viewer.principal.id, eventId: m.eventA, parentId: note.id } });
  await db().annotation.create({ data: { body: "Pinned on the chart", authorId: analyst.principal.id, assetId: m.jumpId, pinnedDate: new Date(`${SESSIONS[10]}T00:00:00Z`) } });
  await db().annotation.create({ data: { body: "deleted", eventId: m.eventA, deletedAt: new Date() } });
});

describe("events and exposures", () => {
  it("lists events oldest first with every field, text neutralised and lists joined", async () => {
    const { rows } = await records(await download(viewer, "events"));
    const events = await db().event.findMany({ where: { deletedAt: null }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] });
    expect(rows.map((r) => Number(r.event_id))).toEqual(events.map((e) => e.id));
    const f = rows.find((r) => Number(r.event_id) === formulaEventId)!;
    expect(f).toMatchObject({
      event_date: "2024-03-01",
      occurred_at_utc: "2024-03-01T09:15:00.000Z",
      time_precision: "EXACT",
      title: "'=cmd|' /C calc'!A0",
      category: "SANCTIONS",
      severity: "5",
      countries: "RU;KP",
      summary: 'Line one,\nline "two"',
      source_urls: "https://example.test/a https://example.test/b",
      tags: "'-5%;sanctions",
      exposed_assets: "FXX",
      created_by: "Ana Analyst",
      version: "1",
    });
    const a = rows.find((r) => Number(r.event_id) === m.eventA)!;
    expect(a.exposed_assets).toBe("FXX;JUMP;SAME;SHORT");
    expect(a.theme).toBe("Test storyline");
  });

  it("filters like the events list (theme, category, country, severity, asset, dates)", async () => {
    const ids = async (q: Record<string, string>) => (await records(await download(viewer, "events", q))).rows.map((r) => Number(r.event_id));
    expect(await ids({ themeId: String(m.themeId) })).toEqual([m.eventA, m.eventB, m.eventLate]);
    expect(await ids({ category: "sanctions" })).toEqual([formulaEventId]);
    expect(await ids({ country: "ru" })).toEqual([formulaEventId]);
    expect(await ids({ severityMin: "4" })).toEqual([formulaEventId]);
    expect(await ids({ asset: "FXX" })).toEqual([m.eventA, formulaEventId].sort((x, y) => (x === m.eventA ? -1 : y === m.eventA ? 1 : 0)));
    expect(await ids({ from: SESSIONS[EVENT_A]!, to: SESSIONS[EVENT_A]! })).toEqual([m.eventA]);
    const bad = await download(viewer, "events", { category: "PARTY", severityMin: "9" });
    expect(bad.status).toBe(422);
    expect(Object.keys((await bad.json()).error.fieldErrors).sort()).toEqual(["category", "severityMin"]);
  });

  it("gives one row per event × exposed asset with direction, rationale and whether it was stated beforehand", async () => {
    const { rows } = await records(await download(viewer, "exposures", { eventId: String(formulaEventId) }));
    expect(rows).toEqual([
      expect.objectContaining({
        asset_symbol: "FXX",
        direction: "DOWN",
        rationale: "'@risk: won weakens",
        set_by: "Ana Analyst",
        set_at: "2024-02-01T00:00:00.000Z",
        set_before_event: "true",
        data_source: "DEMO",
        synthetic: "true",
      }),
    ]);
    const all = (await records(await download(viewer, "exposures", { eventId: String(m.eventA) }))).rows;
    expect(all.map((r) => r.asset_symbol)).toEqual(["FXX", "JUMP", "SAME", "SHORT"]);
  });
});

describe("event study", () => {
  it("writes every statistic of lib/studies for each event × asset, numbers exactly", async () => {
    const res = await download(viewer, "event-study", { eventId: String(m.eventA) });
    expect(res.headers.get("content-disposition")).toMatch(new RegExp(`filename="faultline-event-study-${SESSIONS[EVENT_A]}-event-a-\\d{4}-\\d{2}-\\d{2}\\.csv"`));
    const { rows } = await records(res);
    const report = (await eventStudyForEvent(m.eventA))!;
    expect(rows.map((r) => r.asset_symbol)).toEqual(report.assets.map((a) => a.asset.symbol));
    for (const a of report.assets) {
      const r = rows.find((x) => x.asset_symbol === a.asset.symbol)!;
      expect(r.status).toBe(a.status);
      expect(r.summary).toBe(a.summary);
      expect(r.expected_direction).toBe(a.direction);
      expect(r.model).toBe(a.model);
      if (!a.study) {
        expect(r.alpha).toBe("");
        continue;
      }
      expect([num(r.alpha), num(r.sigma_e), num(r.estimation_n), num(r.df)]).toEqual([a.study.alpha, a.study.sigma, a.study.estimationN, a.study.df]);
      expect(num(r.beta)).toBe(a.model === "constant-mean" ? null : a.study.beta);
      expect(num(r.ar_day0)).toBe(a.study.path.find((p) => p.tau === 0)!.ar);
      expect(r.day0_date).toBe(a.study.day0Date);
      for (const w of a.study.windows) {
        const k = `${w.window[0] < 0 ? `m${-w.window[0]}` : w.window[0] > 0 ? `p${w.window[0]}` : "0"}_${w.window[1] < 0 ? `m${-w.window[1]}` : w.window[1] > 0 ? `p${w.window[1]}` : "0"}`;
        expect([num(r[`car_${k}`]), num(r[`t_${k}`]), num(r[`p_${k}`]), num(r[`patell_z_${k}`]), num(r[`corrado_z_${k}`]), num(r[`sign_z_${k}`])]).toEqual([
          w.car, w.t, w.p, w.patellZ, w.rankZ, w.signZ,
        ]);
        const agg = report.aggregate!.windows.find((x) => x.label === w.label)!;
        expect(num(r[`event_bmp_t_${k}`])).toBe(agg.bmpT);
      }
      expect(num(r.placebo_percentile)).toBe(a.placebo[0]!.percentile);
      expect(r.hypothesis_score).toBe(a.hypothesis!.score);
    }
  });

  it("adds columns for requested windows and uses the requested model", async () => {
    const { header, rows } = await records(await download(viewer, "event-study", { eventId: String(m.eventA), model: "market-adjusted", car: "-2,2" }));
    expect(header).toContain("car_m2_p2");
    const jump = rows.find((r) => r.asset_symbol === "JUMP")!;
    expect(jump.model).toBe("market-adjusted");
    // An extra CAR window adds columns but never moves the verdict off the headline window [-1, 1].
    expect(jump.hypothesis_window).toBe("[-1, 1]");
    const expected = (await eventStudyForEvent(m.eventA, studyParamsSchema.parse({ model: "market-adjusted", car: "-2,2" })))!;
    expect(num(jump.car_m2_p2)).toBe(expected.assets.find((a) => a.asset.symbol === "JUMP")!.study!.windows.find((w) => w.label === "[−2, +2]")!.car);
    const bad = await download(viewer, "event-study", { eventId: String(m.eventA), model: "magic", est: "-5,-1" });
    expect(bad.status).toBe(422);
    expect(Object.keys((await bad.json()).error.fieldErrors)).toContain("model");
  });

  it("long form: AR and CAR per relative day, as the event page's chart", async () => {
    const { rows } = await records(await download(viewer, "event-study-days", { eventId: String(m.eventA) }));
    const report = (await eventStudyForEvent(m.eventA))!;
    const jump = report.assets.find((a) => a.asset.symbol === "JUMP")!.study!;
    const jumpRows = rows.filter((r) => r.asset_symbol === "JUMP");
    expect(jumpRows.map((r) => [Number(r.relative_day), r.date, num(r.ar), num(r.car), num(r.car_band_high)])).toEqual(
      jump.path.map((p) => [p.tau, p.date, p.ar, p.car, p.carHigh]),
    );
  });
});

describe("risk snapshot", () => {
  it("matches the risk panel as of a date, with trailing returns from the adjusted closes", async () => {
    const asOf = SESSIONS[300]!;
    const { rows } = await records(await download(viewer, "risk-snapshot", { asOf, assets: "JUMP,SHORT" }));
    expect(rows.map((r) => r.symbol)).toEqual(["JUMP", "SHORT"]);
    const r = rows[0]!;
    const risk = (await riskForAsset(m.jumpId, asOf))!;
    const closes = (await loadAdjustedCloses([m.jumpId], asOf)).get(m.jumpId)!;
    const n = closes.values.length;
    expect(r.as_of).toBe(asOf);
    expect([num(r.vol_20d), num(r.vol_60d), num(r.ewma_vol), num(r.vol_zscore)]).toEqual([risk.latest.vol20, risk.latest.vol60, risk.latest.ewma, risk.latest.zScore]);
    expect([num(r.var_hist_95), num(r.es_normal_99)]).toEqual([risk.valueAtRisk[0]!.historicalVaR, risk.valueAtRisk[2]!.parametricES]);
    expect(num(r.return_5d)).toBe(closes.values[n - 1]! / closes.values[n - 6]! - 1);
    expect(num(r.last_adj_close)).toBe(closes.values[n - 1]);
    expect(num(r.beta_60d)).toBe(risk.beta!.beta);
    expect(r.synthetic).toBe("true");
    // The drawdown is negative, as every page shows it: the trough's close over the peak's, minus one.
    const at = (d: string) => closes.values[closes.dates.indexOf(d)]!;
    expect(num(r.max_drawdown)).toBeLessThan(0);
    expect(num(r.max_drawdown)).toBeCloseTo(at(r.drawdown_trough!) / at(r.drawdown_peak!) - 1, 14);
    // SHORT starts 61 sessions before the end of the data: nothing by SESSIONS[300].
    expect(rows[1]).toMatchObject({ status: "no-prices", as_of: "", vol_20d: "" });
  });
});

describe("annotations", () => {
  it("exports an event's live notes with thread links, neutralised bodies and authors", async () => {
    const { rows } = await records(await download(viewer, "annotations", { eventId: String(m.eventA) }));
    expect(rows.map((r) => [r.body, r.author, r.parent_id === "" ? null : "reply"])).toEqual([
      ["'=SUM(1,2) looks odd", "Ana Analyst", null],
      ["A reply", "Vera Viewer", "reply"],
    ]);
    const pinned = (await records(await download(viewer, "annotations", { asset: "JUMP", from: SESSIONS[5]!, to: SESSIONS[20]! }))).rows;
    expect(pinned.map((r) => [r.asset_symbol, r.pinned_date, r.body])).toEqual([["JUMP", SESSIONS[10], "Pinned on the chart"]]);
  });
});

describe("delivery", () => {
  it("bundles the CSV with a manifest: parameters, settings, data source and data-as-of per asset, app version, who and when", async () => {
    const res = await download(viewer, "event-study", { eventId: String(m.eventA), car: "-2,2", bundle: "true" });
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(/filename="faultline-event-study-.*\.zip"/);
    const files = unzip(Buffer.from(await res.arrayBuffer()));
    expect([...files.keys()][0]).toBe("manifest.json");
    const manifest = JSON.parse(files.get("manifest.json")!.toString("utf8"));
    const csvName = [...files.keys()][1]!;
    expect(csvName).toMatch(/^faultline-event-study-.*\.csv$/);
    expect(manifest).toMatchObject({
      report: "event-study",
      file: csvName,
      rows: 4,
      parameters: { eventId: String(m.eventA), car: "-2,2" },
      settings: { model: "market", estimationWindow: [-250, -11], eventWindow: [-10, 10], placeboSeed: 1 },
      synthetic: true,
      app: { name: "faultline", version: packageJson.version },
      generatedBy: { id: viewer.principal.id, name: "Vera Viewer", via: "session" },
    });
    expect(manifest.settings.windows).toContainEqual([-2, 2]);
    expect(manifest.data.map((d: { symbol: string; role: string }) => [d.symbol, d.role])).toEqual([
      ["BENCH", "benchmark"], ["FXX", "asset"], ["JUMP", "asset"], ["SAME", "asset"], ["SHORT", "asset"],
    ]);
    expect(manifest.data.find((d: { symbol: string }) => d.symbol === "JUMP")).toMatchObject({ source: "DEMO", synthetic: true, dataAsOf: SESSIONS.at(-1) });
    expect(manifest.columns).toContain("car_m2_p2");
    const csv = files.get(csvName)!.toString("utf8");
    const plain = await (await download(viewer, "event-study", { eventId: String(m.eventA), car: "-2,2" })).text();
    expect(csv).toBe(plain);
  });

  it("accepts long selections by POST, as JSON or as a form", async () => {
    const json = await downloadPost(viewer, "risk-snapshot", { assets: ["JUMP", "BENCH"], asOf: SESSIONS[200] });
    expect((await records(json)).rows.map((r) => r.symbol)).toEqual(["BENCH", "JUMP"]);
    const form = new URLSearchParams([["assets", "JUMP"], ["assets", "FXX"], ["bom", "on"], ...Array.from({ length: 400 }, (_, i) => [`padding${i}`, "x".repeat(50)] as [string, string])]);
    const req = new Request("http://localhost:3000/api/reports/prices-with-events", {
      method: "POST",
      headers: { cookie: viewer.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
    });
    const res = await POST(req, { params: Promise.resolve({ report: "prices-with-events" }) });
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new Set(bytes.toString("utf8").split("\r\n").slice(1, -1).map((l) => l.split(",")[0]))).toEqual(new Set(["FXX", "JUMP"]));
  });

  it("answers unknown reports with 404 and unreadable bodies with 400", async () => {
    expect((await download(viewer, "nope")).status).toBe(404);
    const res = await POST(requestAs(viewer, "/api/reports/events", { method: "POST", body: "{not json" }), {
      params: Promise.resolve({ report: "events" }),
    });
    expect(res.status).toBe(400);
  });
});

describe("who may download", () => {
  it("anonymous 401, viewer and analyst 200, READ token 200, revoked or unknown token 401", async () => {
    expect((await download(null, "events")).status).toBe(401);
    expect((await download(viewer, "events")).status).toBe(200);
    expect((await download(analyst, "events")).status).toBe(200);
    const read = await issueApiToken(admin.principal, { name: "reports", userId: viewer.principal.id, scope: "READ" });
    const ok = await download({ token: read.token }, "prices-with-events", { assets: "JUMP" });
    expect(ok.status).toBe(200);
    expect((await records(ok)).rows.length).toBe(SESSIONS.length);
    await revokeApiToken(admin.principal, read.id);
    expect((await download({ token: read.token }, "events")).status).toBe(401);
    expect((await download({ token: "flt_not-a-token" }, "events")).status).toBe(401);
    // Authentication comes before anything else: an anonymous request for a missing report is still 401.
    expect((await download(null, "nope")).status).toBe(401);
  });
});
