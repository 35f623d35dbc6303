// The Reports page and the download buttons, rendered to HTML from PostgreSQL: filters, preview with the row count and
// the first rows as the file holds them, field errors, and buttons that carry the page's filters.
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { beforeAll, describe, expect, it, vi } from "vitest";
import ReportsPage from "@/app/reports/page";
import { ReportDownloads, assetReportLinks, eventReportLinks } from "@/app/_components/report-downloads";
import { actAs, createSignedInUser } from "../helpers/request-context";
import { buildMarket, SESSIONS, type Market } from "../studies/fixtures";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);

const router = { push: () => undefined, replace: () => undefined, refresh: () => undefined, prefetch: () => undefined, back: () => undefined, forward: () => undefined } as unknown as AppRouterInstance;
// React separates adjacent text with <!-- --> markers; they are not part of what a reader sees.
const html = (element: ReactElement) => renderToString(<AppRouterContext.Provider value={router}>{element}</AppRouterContext.Provider>).replace(/<!-- -->/g, "");
const page = async (searchParams: Record<string, string | string[]>) => html(await ReportsPage({ searchParams: Promise.resolve(searchParams) }));

let m: Market;

beforeAll(async () => {
  m = await buildMarket();
  actAs(await createSignedInUser("VIEWER"));
});

describe("Reports page", () => {
  it("offers every report and the filters of the chosen one, without running it", async () => {
    const out = await page({ report: "prices-with-events" });
    for (const title of ["Events", "Prices with events", "Event study", "Risk snapshot", "Annotations"]) expect(out).toContain(title);
    expect(out).toContain('name="assets"');
    expect(out).toContain("JUMP — JUMP test asset (synthetic)");
    expect(out).not.toContain("Report preview");
    // A download needs no preview: the filter form itself posts to the report's endpoint.
    expect(out).toMatch(/<button type="submit"[^>]*formAction="\/api\/reports\/prices-with-events" formMethod="post">Download CSV<\/button>/);
    expect(out).toContain('href="/help/reports#prices-with-events"');
  });

  it("previews the row count and first rows, and downloads by POST with the same parameters", async () => {
    const out = await page({ report: "prices-with-events", preview: "1", assets: ["JUMP"], from: SESSIONS[10]! });
    expect(out).toContain(`${(SESSIONS.length - 10).toLocaleString("en-US")} rows`);
    expect(out).toContain(SESSIONS[10]);
    expect(out).toMatch(/faultline-prices-with-events-jump-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv/);
    expect(out).toContain('action="/api/reports/prices-with-events"');
    expect(out).toMatch(/<input type="hidden" name="assets" value="JUMP"\/>/);
    expect(out).toContain('name="bundle"');
  });

  it("shows field errors instead of a preview", async () => {
    const out = await page({ report: "event-study", preview: "1", eventId: String(m.eventA), est: "-5,-1" });
    expect(out).toContain("the estimation window needs at least 30 sessions");
    expect(out).not.toContain("Report preview");
  });
});

describe("download buttons", () => {
  it("carry the asset's chart range and the event's study settings", () => {
    const asset = html(<ReportDownloads links={assetReportLinks("^KS11", "2024-01-01")} />);
    expect(asset).toContain('href="/api/reports/prices-with-events?assets=%5EKS11&amp;from=2024-01-01"');
    const event = html(<ReportDownloads links={eventReportLinks(7, { model: "constant-mean", car: "-2,2" })} />);
    expect(event).toContain('href="/api/reports/event-study?eventId=7&amp;model=constant-mean&amp;car=-2%2C2"');
  });
});
