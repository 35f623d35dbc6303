// The study widgets render from PostgreSQL (async server components called directly, then rendered to HTML with a
// router context for the client charts), and the two JSON endpoints answer through the shared auth and error layer.
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as riskGET } from "@/app/api/v1/assets/[symbol]/risk/route";
import { GET as studyGET } from "@/app/api/v1/events/[id]/study/route";
import { EventStudiesTable } from "@/app/assets/[symbol]/_components/event-studies-table";
import { VolatilityPanel } from "@/app/assets/[symbol]/_components/volatility-panel";
import { EventAggregatePanel, EventAssetStudies } from "@/app/events/[id]/_components/event-study-panels";
import { StudySettingsForm } from "@/app/events/[id]/_components/study-settings-form";
import { ThemeCaarPanel } from "@/app/themes/[id]/_components/theme-caar-panel";
import { issueApiToken } from "@/lib/auth/api-tokens";
import { createSignedInUser, requestAs } from "../helpers/request-context";
import { db } from "@/lib/db/client";
import { buildMarket, SESSIONS, type Market } from "./fixtures";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);

const router: AppRouterInstance = {
  back() {},
  forward() {},
  refresh() {},
  push() {},
  replace() {},
  prefetch() {},
  bfcacheId: "test",
};

async function html(node: Promise<ReactElement | null> | ReactElement | null): Promise<string> {
  const element = await node;
  if (!element) return "";
  return renderToString(<AppRouterContext.Provider value={router}>{element}</AppRouterContext.Provider>);
}

let m: Market;

beforeAll(async () => {
  m = await buildMarket();
});

describe("study widgets", () => {
  it("asset page: volatility panel and the events table with CARs, significance and placebo percentiles", async () => {
    const vol = await html(VolatilityPanel({ assetId: m.jumpId, markers: [] }));
    expect(vol).toContain("Volatility");
    expect(vol).toContain("EWMA (λ = <!-- -->0.94");
    expect(vol).toContain("β / ρ vs <!-- -->BENCH");
    const table = await html(EventStudiesTable({ assetId: m.jumpId, symbol: "JUMP" }));
    expect(table).toContain("CAR [−1, +1]");
    expect(table).toContain("100th percentile of");
    expect(table).toContain("Confirmed");
    expect(table).toContain("No JUMP session after the event");
    // Newest first: the event dates in the table's order are descending.
    const dates = [...table.matchAll(/<tr[^>]*>\s*<td[^>]*>(\d{4}-\d{2}-\d{2})</g)].map((m) => m[1]!);
    expect(dates.length).toBeGreaterThan(1);
    expect(dates).toEqual([...dates].sort().reverse());
    const fx = await html(EventStudiesTable({ assetId: m.fxId, symbol: "FXX" }));
    expect(fx).toContain("FXX has no benchmark, so the constant-mean model is used");
  });

  it("asset page: a history too short for risk figures says so", async () => {
    const tiny = await db().asset.create({
      data: { symbol: "TINY", name: "Ten bars", assetClass: "EQUITY", currency: "USD", exchange: "NYQ", timeZone: "America/New_York" },
    });
    await db().priceBar.createMany({ data: SESSIONS.slice(0, 10).map((d, i) => ({ assetId: tiny.id, date: new Date(`${d}T00:00:00Z`), close: 10 + i })) });
    const out = await html(VolatilityPanel({ assetId: tiny.id, markers: [] }));
    expect(out).toContain("10 prices stored; risk figures need at least 21");
    expect(out).not.toContain("Hist. VaR");
  });

  it("event page: settings form, aggregate and one card per asset with captions and plain verdicts", async () => {
    const query = { model: "market", win: "-5,5" };
    const form = await html(StudySettingsForm({ eventId: m.eventA, query }));
    expect(form).toContain('value="-5,5"');
    expect(await html(StudySettingsForm({ eventId: m.eventA, query: { est: "oops" } }))).toContain("settings were ignored");
    const agg = await html(EventAggregatePanel({ eventId: m.eventA, query }));
    expect(agg).toContain("Event study across <!-- -->3<!-- --> asset");
    expect(agg).toContain("Kolari–Pynnönen");
    const cards = await html(EventAssetStudies({ eventId: m.eventA, query }));
    expect(cards).toContain("Abnormal move — the asset rose");
    expect(cards).toContain("No detectable effect");
    expect(cards).toContain("synthetic demo data");
    expect(cards).toMatch(/market model<!-- -->, <!-- -->benchmark BENCH/);
    expect(cards).toContain("n = <!-- -->240");
    expect(cards).toContain("Not enough history before the event");
    expect(cards).toContain("Hypothesis <!-- -->confirmed");
  });

  it("theme page: CAAR per asset", async () => {
    const theme = await html(ThemeCaarPanel({ themeId: m.themeId }));
    expect(theme).toContain("CAAR per asset across the theme");
    expect(theme).toContain("JUMP");
    expect(theme).toMatch(/2<!-- --> of <!-- -->3/);
  });
});

describe("JSON API", () => {
  it("returns the event study and the risk panel to a token holder, with 404 and 422 in the shared error format", async () => {
    const admin = await createSignedInUser("ADMIN");
    const { token } = await issueApiToken(admin.principal, { name: "script", userId: admin.principal.id, scope: "READ" });
    const ctx = <P,>(p: P) => ({ params: Promise.resolve(p) });

    const res = await studyGET(requestAs({ token }, `/api/v1/events/${m.eventA}/study?win=-5,5&car=0,2`), ctx({ id: String(m.eventA) }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.settings).toMatchObject({ eventWindow: [-5, 5], verdictWindow: [-1, 1] }); // an extra window never becomes the headline
    expect(body.assets.find((a: { asset: { symbol: string } }) => a.asset.symbol === "JUMP").hypothesis.score).toBe("confirmed");

    const bad = await studyGET(requestAs({ token }, `/api/v1/events/${m.eventA}/study?model=garch`), ctx({ id: String(m.eventA) }));
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fieldErrors.model).toBeDefined();
    expect((await studyGET(requestAs({ token }, "/api/v1/events/999999/study"), ctx({ id: "999999" }))).status).toBe(404);
    expect((await studyGET(requestAs(null, `/api/v1/events/${m.eventA}/study`), ctx({ id: String(m.eventA) }))).status).toBe(401);

    const risk = await riskGET(requestAs({ token }, "/api/v1/assets/JUMP/risk?asOf=2023-06-30"), ctx({ symbol: "JUMP" }));
    expect(risk.status).toBe(200);
    const r = await risk.json();
    expect(r.asOf <= "2023-06-30").toBe(true);
    expect(r.beta.window).toBe(60);
    expect((await riskGET(requestAs({ token }, "/api/v1/assets/JUMP/risk?asOf=2023-02-30"), ctx({ symbol: "JUMP" }))).status).toBe(422);
    expect((await riskGET(requestAs({ token }, "/api/v1/assets/NOPE/risk"), ctx({ symbol: "NOPE" }))).status).toBe(404);
  });
});
