// Faultline on a phone (390 × 844), as an analyst asked "did KOSPI react?" in a meeting would use it: the menu by
// keyboard, the overview's first screen, the asset page and an event's verdicts; plus the skip link and the theme
// choice. Each test ends on a page axe audits (signed-in-page.ts).
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "./axe";
import { signedInPageForFile } from "./signed-in-page";

const session = signedInPageForFile({ width: 390, height: 844 });
const url = (path: string) => `${session.app.baseUrl}${path}`;

/** Nothing on the page is wider than the screen (a sideways-scrolling page is the classic phone failure). */
async function expectNoPageOverflow(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.doc).toBeLessThanOrEqual(widths.view);
}

describe("on a phone", () => {
  it("the menu opens from its button by keyboard, closes on Escape and gives focus back", async () => {
    const page = session.page;
    await page.goto(url("/"));
    const menu = page.getByRole("button", { name: "Menu" });
    const events = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Events", exact: true });
    await expect(menu.getAttribute("aria-expanded")).resolves.toBe("false");
    expect(await events.isVisible()).toBe(false);

    // Tab order: skip link, the brand, the inbox bell (outside the menu, at every width), then the menu button.
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Skip to main content");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("href"))).resolves.toBe("/inbox");
    await page.keyboard.press("Tab");
    await expect(menu.evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    await page.keyboard.press("Enter");
    await expect(menu.getAttribute("aria-expanded")).resolves.toBe("true");
    await events.waitFor({ state: "visible" });
    // Focus moves on into the menu's links.
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Overview");

    await page.keyboard.press("Escape");
    await expect(menu.getAttribute("aria-expanded")).resolves.toBe("false");
    await events.waitFor({ state: "hidden" });
    await expect(menu.evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    // Space opens it too; following a link closes it on the next page.
    await page.keyboard.press(" ");
    await events.click();
    await page.waitForURL(/\/events$/);
    await expect(menu.getAttribute("aria-expanded")).resolves.toBe("false");
    expect(await events.isVisible()).toBe(false);
  });

  it("the skip link takes keyboard focus past the header to the page", async () => {
    const page = session.page;
    await page.goto(url("/assets"));
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("main");
  });

  it("the overview's first screen shows what moved (returns, asset column fixed) and then why (recent events), before the counts", async () => {
    const page = session.page;
    await page.goto(url("/"));
    const table = page.locator("[data-testid=watchlist]");
    await table.waitFor();
    const first = await table.boundingBox();
    expect(first!.y).toBeLessThan(844 / 2);
    // The 1d return is on screen without scrolling sideways.
    const oneDay = await page.locator("[data-testid=watchlist] th", { hasText: /^1d/ }).boundingBox();
    expect(oneDay!.x + oneDay!.width).toBeLessThanOrEqual(390);

    // It says it scrolls; scrolled to the end, the asset column is still there and the hint is gone.
    await page.getByTestId("scroll-hint").waitFor();
    const region = page.getByRole("region", { name: "Watchlist table" });
    const assetBefore = await page.locator("[data-testid=watchlist] tbody th").first().boundingBox();
    await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await page.getByTestId("scroll-hint").waitFor({ state: "detached" });
    const assetAfter = await page.locator("[data-testid=watchlist] tbody th").first().boundingBox();
    expect(Math.abs(assetAfter!.x - assetBefore!.x)).toBeLessThan(2);
    const lastColumn = await page.locator("[data-testid=watchlist] thead th").last().boundingBox();
    expect(lastColumn!.x + lastColumn!.width).toBeLessThanOrEqual(390 + 1);

    // Reading order: watchlist, then the moves around recent events, then the KPI cards.
    const moves = await page.getByTestId("recent-moves").boundingBox();
    const kpis = await page.getByTestId("kpi-cards").boundingBox();
    expect(moves!.y).toBeGreaterThan(first!.y);
    expect(kpis!.y).toBeGreaterThan(moves!.y);
    await expectNoPageOverflow(page);
  });

  it("the asset page fits the screen, with its chart and its summary for screen readers", async () => {
    const page = session.page;
    await page.goto(url("/assets/%5EKS11"));
    await page.locator("[data-testid=price-chart]").waitFor();
    await expect(page.locator("h1").textContent()).resolves.toBe("^KS11");
    await expect(page.locator("#price-chart-summary").textContent()).resolves.toMatch(
      /^Price chart: \^KS11 \(KOSPI Composite Index\), \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d, \d+ events?; largest move [−+]\d+\.\d % on \d{4}-\d\d-\d\d\.$/,
    );
    const chart = await page.locator("[data-testid=price-chart]").boundingBox();
    expect(chart!.width).toBeGreaterThan(250);
    expect(chart!.x + chart!.width).toBeLessThanOrEqual(390);
    await expectNoPageOverflow(page);
  });

  it("an event's verdicts come first, its settings fold after the chart, and the statistics keep their details", async () => {
    const page = session.page;
    await page.goto(url("/events?q=partnership+treaty"));
    await page.getByRole("link", { name: /Comprehensive Strategic Partnership Treaty/ }).first().click();
    await page.waitForURL(/\/events\/\d+$/);
    const aggregate = page.getByTestId("event-aggregate");
    await aggregate.waitFor({ timeout: 30_000 });
    await expect(aggregate.textContent()).resolves.toMatch(/No detectable effect on average|Abnormal average move|One asset only/);
    const ks11 = page.locator("[data-testid='study-^KS11']");
    await expect(ks11.textContent()).resolves.toMatch(/No detectable effect|Abnormal move/);

    // Settings: after the chart they change, folded.
    const settings = page.getByTestId("study-settings");
    const chartBox = await page.getByTestId("caar-chart").boundingBox();
    const settingsBox = await settings.boundingBox();
    expect(settingsBox!.y).toBeGreaterThan(chartBox!.y);
    await expect(settings.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
    expect(await page.getByLabel("Estimation window").isVisible()).toBe(false);
    await settings.locator("summary").click();
    await page.getByLabel("Estimation window").waitFor({ state: "visible" });

    // Key columns on screen; the rest behind "Details".
    const patellHeader = ks11.getByRole("columnheader", { name: "Patell Z (p)" });
    expect(await patellHeader.isVisible()).toBe(false);
    const details = ks11.locator("details", { has: page.locator("summary", { hasText: "Details" }) }).first();
    await details.locator("summary").click();
    await details.getByText("Patell Z (p)").waitFor({ state: "visible" });
    await expectNoPageOverflow(page);
  });

  it("remembers a chosen dark theme across pages, rendered by the server without a flash", async () => {
    const page = session.page;
    await page.goto(url("/"));
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByTestId("theme-select").selectOption("dark");
    await expect(page.evaluate(() => document.documentElement.className)).resolves.toContain("dark");
    // The next page arrives dark in its HTML, before any script runs.
    const res = await page.request.get(url("/events"));
    expect(await res.text()).toMatch(/<html[^>]*class="dark"/);
    await page.goto(url("/events"));
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number);
    expect((r! + g! + b!) / 3).toBeLessThan(64);
    await expectAccessible(page, "events, dark theme chosen");

    // Back to the system's choice (light here): the class goes, the cookie says so.
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByTestId("theme-select").selectOption("system");
    await expect(page.evaluate(() => document.documentElement.className)).resolves.toBe("");
    const after = await page.request.get(url("/events"));
    expect(await after.text()).not.toMatch(/<html[^>]*class="(light|dark)"/);
  });
});
