// Finding an event and reading its study: search the log, open the treaty, see the study across assets and per asset.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./app-server";
import { launchBrowser } from "./browser";
import { signInAs } from "./sign-in";

let app: AppServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signInAs(page, app.baseUrl);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the event log and an event's study", () => {
  it("searches the log, with the search in the URL", async () => {
    await page.goto(`${app.baseUrl}/events`);
    await page.getByLabel("Search").fill("partnership treaty");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/q=partnership\+treaty/);
    const titles = await page.locator("table tbody tr td:nth-child(2) a").allTextContents();
    expect(titles.length).toBeGreaterThanOrEqual(1);
    expect(titles.every((t) => /treaty/i.test(t))).toBe(true);
  });

  it("opens the treaty and shows the study across assets and per asset, with its parameters", async () => {
    await page.getByRole("link", { name: /sign the Comprehensive Strategic Partnership Treaty/ }).click();
    await page.waitForURL(/\/events\/\d+$/);
    await page.locator("[data-testid=event-aggregate]").waitFor({ timeout: 30_000 });
    await page.locator("[data-testid=caar-chart] .recharts-surface").first().waitFor();
    const ks11 = page.locator("[data-testid='study-^KS11']");
    await ks11.waitFor();
    await ks11.locator("[data-testid='car-chart-^KS11'] .recharts-surface").first().waitFor();
    const text = (await ks11.textContent()) ?? "";
    // Every figure says its parameters and gives a verdict in words.
    expect(text).toMatch(/market model|constant-mean/i);
    expect(text).toMatch(/\[−250, −11\]|\[-250, -11\]/);
    expect(text).toMatch(/No detectable effect|Abnormal move/);
  });

  it("changes the model through the URL and shows the constant-mean study", async () => {
    const url = new URL(page.url());
    url.searchParams.set("model", "constant-mean");
    await page.goto(url.toString());
    const ks11 = page.locator("[data-testid='study-^KS11']");
    await ks11.waitFor({ timeout: 30_000 });
    expect(await ks11.textContent()).toMatch(/constant-mean/i);
  });
});
