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

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signInAs(page, app.baseUrl);
  await mkdir("test-results", { recursive: true });
});

auditAfterEachTest(() => page);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the asset page on a fresh install", () => {
  it("sends a visitor who is not signed in to the login page", async () => {
    const anonymous = await browser.newPage();
    await anonymous.goto(`${app.baseUrl}/assets/%5EKS11`);
    expect(new URL(anonymous.url()).pathname).toBe("/login");
    await anonymous.close();
  });

  it("draws the KOSPI close series with the seeded events as markers", async () => {
    await page.goto(`${app.baseUrl}/assets/%5EKS11?range=MAX`);
    const line = page.locator("[data-testid=price-chart] .recharts-line-curve");
    await line.waitFor({ state: "visible" });
    const d = await line.getAttribute("d");
    // A drawn line is a path with many segments, not an empty or single-point path.
    expect((d ?? "").split("L").length).toBeGreaterThan(100);

    const markers = page.locator("[data-testid=price-chart] .event-marker");
    expect(await markers.count()).toBeGreaterThanOrEqual(1);
    const labels = await markers.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
    expect(labels.some((l) => l.includes("Comprehensive Strategic Partnership Treaty"))).toBe(true);
    await expect(page.getByText("synthetic demo data").first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: "test-results/asset-ks11.png", fullPage: true });
  });

  it("shows the event's title on hover and opens the event on click", async () => {
    const marker = page.locator("[data-testid=price-chart] .event-marker", {
      has: page.locator("title", { hasText: "Kim Jong Un receives Sergei Shoigu" }),
    });
    await marker.hover();
    expect(await marker.locator("title").textContent()).toContain("2024-09-13");
    await marker.click();
    await page.waitForURL(/\/events\/\d+$/);
    await expect(page.locator("h1").textContent()).resolves.toContain("Shoigu");
  });

  it("changes the range through the URL", async () => {
    await page.goto(`${app.baseUrl}/assets/%5EKS11`);
    await page.getByRole("link", { name: "1M", exact: true }).click();
    await page.waitForURL(/range=1M/);
    await page.locator("[data-testid=price-chart] .recharts-line-curve").waitFor();
    const sessions = await page.getByText(/\d+ sessions from/).textContent();
    const n = Number(sessions?.match(/(\d+) sessions/)?.[1]);
    expect(n).toBeGreaterThan(15);
    expect(n).toBeLessThan(25);
  });

  it("answers an unknown symbol with a 404 page", async () => {
    const res = await page.goto(`${app.baseUrl}/assets/NO-SUCH-SYMBOL`);
    expect(res?.status()).toBe(404);
    await expect(page.getByText("There is no asset or event at this address").isVisible()).resolves.toBe(true);
  });
});
