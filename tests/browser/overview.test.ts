import { mkdir } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./app-server";
import { auditAfterEachTest } from "./axe";
import { launchBrowser } from "./browser";
import { signInAs } from "./sign-in";

let app: AppServer;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  await signInAs(page, app.baseUrl);
  await mkdir("test-results", { recursive: true });
});

auditAfterEachTest(() => page);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the overview", () => {
  it("shows the KPI cards, the watchlist of every seeded asset and both charts", async () => {
    const res = await page.goto(`${app.baseUrl}/`);
    expect(res?.status()).toBe(200);
    await page.getByText("Events, last 30 days").waitFor();
    await page.getByText("Exposed assets in an elevated-volatility regime").waitFor();
    const rows = page.locator("[data-testid=watchlist] tbody tr");
    expect(await rows.count()).toBe(11);
    await page.locator("[data-testid=intensity-chart] .recharts-surface").first().waitFor();
    await page.locator("[data-testid=event-timeline] .recharts-symbols").first().waitFor();
    expect(await page.locator("[data-testid=event-timeline] .recharts-symbols").count()).toBeGreaterThanOrEqual(20);
    await page.screenshot({ path: "test-results/overview.png", fullPage: true });
  });

  it("sorts the watchlist through the URL", async () => {
    await page.getByRole("link", { name: /^Vol 20d/ }).click();
    await page.waitForURL(/sort=vol20&dir=desc/);
    const vols = await page.locator("[data-testid=watchlist] tbody tr td:nth-child(7)").allTextContents();
    const numbers = vols.map((v) => Number.parseFloat(v)).filter((v) => Number.isFinite(v));
    expect(numbers.length).toBeGreaterThan(5);
    expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
  });

  it("filters the timeline by category, keeping the filter in the URL", async () => {
    await page.goto(`${app.baseUrl}/`);
    await page.getByLabel("Category").selectOption("TREATY");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/category=TREATY/);
    const labels = await page.locator("form[aria-label='Filter events'] ~ ul li span.rounded").allTextContents();
    expect(labels.length).toBeGreaterThanOrEqual(5);
    expect(new Set(labels)).toEqual(new Set(["Treaty"]));
  });

  it("explains a bad filter instead of failing", async () => {
    const res = await page.goto(`${app.baseUrl}/?from=2025-01-01&to=2024-01-01`);
    expect(res?.status()).toBe(200);
    const message = page.getByRole("alert").filter({ hasText: "to must be on or after from" });
    await message.waitFor({ timeout: 15_000 });
    expect(await message.textContent()).toContain("to: to must be on or after from");
  });

  it("is served with a nonce-based Content Security Policy and runs no script outside it", async () => {
    const res = await page.goto(`${app.baseUrl}/`);
    const headers = res!.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // The page hydrated (a client chart drew) under the policy, and the browser reported no violation.
    await page.locator("[data-testid=intensity-chart] .recharts-surface").first().waitFor();
    expect(consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  });
});
