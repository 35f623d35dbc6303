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

  it("draws the KOSPI series on a canvas with the seeded events as markers", async () => {
    await page.goto(`${app.baseUrl}/assets/%5EKS11?range=MAX`);
    await page.locator("[data-testid=price-chart][data-visible-from]").waitFor();
    // A drawn chart: lightweight-charts paints its panes on canvases sized to the container.
    const canvas = page.locator("[data-testid=price-chart] canvas").first();
    expect((await canvas.boundingBox())!.width).toBeGreaterThan(600);

    const markers = page.locator("[data-testid=price-chart] .event-marker");
    expect(await markers.count()).toBeGreaterThanOrEqual(1);
    const labels = await markers.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
    expect(labels.some((l) => l.includes("Comprehensive Strategic Partnership Treaty"))).toBe(true);
    await expect(page.locator("[data-testid=price-chart]").getByText("Synthetic demo data").isVisible()).resolves.toBe(true);
    await expect(page.locator("[data-testid=price-chart]").getByText(/^Data as of \d{4}-\d\d-\d\d$/).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: "test-results/asset-ks11.png", fullPage: true });
  });

  it("opens on a range that shows the latest events, and says which rule chose it", async () => {
    await page.goto(`${app.baseUrl}/assets/%5EKS11`);
    await page.locator("[data-testid=price-chart][data-visible-from]").waitFor();
    const pressed = await page.getByRole("group", { name: "Range" }).locator("[aria-pressed=true]").textContent();
    expect(["1M", "3M", "6M", "1Y", "5Y", "MAX"]).toContain(pressed);
    await page.getByText(/opens on the shortest range preset .* shows the 3 latest events/).waitFor();
    // The three latest events are in view, so nothing later is hidden and the latest ones are not dimmed.
    expect(await page.getByRole("button", { name: /later events?: jump/ }).count()).toBe(0);
    const latest = await page.locator("[data-testid=chart-event-list] li").evaluateAll((els) => els.slice(0, 3).map((e) => e.getAttribute("data-session")));
    const from = (await page.locator("[data-testid=price-chart]").getAttribute("data-visible-from"))!;
    for (const s of latest) expect(s! >= from).toBe(true);
  });

  it("changes the range on the client, keeps it in the URL, and the server reads it back", async () => {
    await page.goto(`${app.baseUrl}/assets/%5EKS11`);
    await page.locator("[data-testid=price-chart][data-visible-from]").waitFor();
    await page.getByRole("button", { name: "1M", exact: true }).click();
    await page.waitForURL(/range=1M/);
    await page.reload();
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
