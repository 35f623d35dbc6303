// A report downloaded as a new user would: the Reports page, a preview, the Download button; the file parsed with an
// independent CSV parser shows what the preview showed.
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./app-server";
import { auditAfterEachTest } from "./axe";
import { launchBrowser } from "./browser";
import { signInAs } from "./sign-in";

let app: AppServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await signInAs(page, app.baseUrl);
});

auditAfterEachTest(() => page);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("Reports page", () => {
  it("previews prices with events for KOSPI and downloads the same rows", async () => {
    await page.goto(`${app.baseUrl}/reports?report=prices-with-events`);
    await page.getByLabel(/Assets/).selectOption(["^KS11"]);
    await page.getByRole("button", { name: "Preview" }).click();
    const heading = page.getByText(/^[\d,]+ rows?$/);
    await heading.waitFor();
    const count = Number((await heading.textContent())!.replace(/\D/g, ""));
    expect(count).toBeGreaterThan(2000);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download", exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^faultline-prices-with-events-ks11-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(await readFile((await download.path())!), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(count);
    expect(rows[0]).toMatchObject({ symbol: "^KS11", synthetic: "true", data_source: "DEMO" });
    expect(rows.some((r) => r.event_count !== "0")).toBe(true);
  });

  it("downloads without a preview, and the help page names every column the file has", async () => {
    await page.goto(`${app.baseUrl}/reports?report=prices-with-events`);
    await page.getByLabel(/Assets/).selectOption(["^KS11"]);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^faultline-prices-with-events-ks11-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = parse(await readFile((await download.path())!)) as string[][];
    expect(rows.length).toBeGreaterThan(2000);
    expect(await page.getByText(/^[\d,]+ rows?$/).count()).toBe(0);

    await page.getByRole("link", { name: "report columns" }).click();
    await page.waitForURL(/\/help\/reports#prices-with-events$/);
    const section = page.locator("[data-testid=help-prices-with-events]");
    expect(await section.locator("tbody th").allTextContents()).toEqual(header);
    // The drawdown's sign is stated where it is defined.
    const drawdown = page.locator("[data-testid=help-risk-snapshot] tbody tr").filter({ has: page.locator("th", { hasText: /^max_drawdown$/ }) });
    expect(await drawdown.textContent()).toMatch(/negative fraction \(−0\.3 = a 30 % fall\)/);
  });

  it("downloads an event's study from the event page's button", async () => {
    await page.goto(`${app.baseUrl}/events/1`);
    const link = page.getByRole("link", { name: "⤓ Event study", exact: true });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^faultline-event-study-\d{4}-\d{2}-\d{2}-.*\.csv$/);
    const rows = parse(await readFile((await download.path())!), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.event_id === "1")).toBe(true);
  });
});
