// Finding an event and reading its study: search the log, open the treaty, see the study across assets and per asset;
// then the storyline's theme page: the hit rate, the category legend and the CAAR series that can be switched off.
import { describe, expect, it } from "vitest";
import { signedInPageForFile } from "./signed-in-page";

const session = signedInPageForFile();

describe("the event log and an event's study", () => {
  it("searches the log, with the search in the URL", async () => {
    await session.page.goto(`${session.app.baseUrl}/events`);
    await session.page.getByLabel("Search").fill("partnership treaty");
    await session.page.getByRole("button", { name: "Filter" }).click();
    await session.page.waitForURL(/q=partnership\+treaty/);
    const titles = await session.page.locator("table tbody tr td:nth-child(2) a").allTextContents();
    expect(titles.length).toBeGreaterThanOrEqual(1);
    expect(titles.every((t) => /treaty/i.test(t))).toBe(true);
  });

  it("opens the treaty and shows the study across assets and per asset, with its parameters", async () => {
    await session.page.getByRole("link", { name: /sign the Comprehensive Strategic Partnership Treaty/ }).click();
    await session.page.waitForURL(/\/events\/\d+$/);
    await session.page.locator("[data-testid=event-aggregate]").waitFor({ timeout: 30_000 });
    await session.page.locator("[data-testid=caar-chart] .recharts-surface").first().waitFor();
    const ks11 = session.page.locator("[data-testid='study-^KS11']");
    await ks11.waitFor();
    await ks11.locator("[data-testid='car-chart-^KS11'] .recharts-surface").first().waitFor();
    const text = (await ks11.textContent()) ?? "";
    // Every figure says its parameters and gives a verdict in words.
    expect(text).toMatch(/market model|constant-mean/i);
    expect(text).toMatch(/\[−250, −11\]|\[-250, -11\]/);
    expect(text).toMatch(/No detectable effect|Abnormal move/);
  });

  it("changes the model through the URL and shows the constant-mean study", async () => {
    const url = new URL(session.page.url());
    url.searchParams.set("model", "constant-mean");
    await session.page.goto(url.toString());
    const ks11 = session.page.locator("[data-testid='study-^KS11']");
    await ks11.waitFor({ timeout: 30_000 });
    expect(await ks11.textContent()).toMatch(/constant-mean/i);
  });

  it("shows the theme's hit rate per asset and overall, a category legend, and CAAR series that can be toggled", async () => {
    const page = session.page;
    // Still on the treaty's page, which links its theme.
    await page.locator("main a[href^='/themes/']").first().click();
    await page.waitForURL(/\/themes\/\d+/);
    const table = page.locator("[data-testid=theme-caar-table]");
    await table.waitFor({ timeout: 30_000 });
    expect(await page.locator("[data-testid=theme-hit-rate]").textContent()).toMatch(/Hit rate of hypotheses: (\d+ %|—) \(\d+ confirmed, \d+ contradicted, \d+ inconclusive of \d+ scored/);
    const perAsset = await table.locator("[data-testid^=hit-rate-]").allTextContents();
    expect(perAsset.length).toBeGreaterThan(1);
    expect(perAsset.every((t) => /^(\d+ %|—)\d+ of \d+ confirmed/.test(t))).toBe(true);
    // The legend names each category the timeline draws, in the colour of its dots.
    const legend = await page.locator("[data-testid=theme-timeline-legend] li").allTextContents();
    expect(legend).toContain("Treaty");
    const chart = page.locator("[data-testid=theme-caar-chart]");
    await chart.locator(".recharts-line").first().waitFor();
    const lines = await chart.locator(".recharts-line").count();
    const toggles = page.getByRole("group", { name: "Series shown" }).getByRole("button");
    expect(await toggles.count()).toBe(lines);
    const first = toggles.first();
    expect(await first.getAttribute("aria-pressed")).toBe("true");
    await first.click();
    expect(await first.getAttribute("aria-pressed")).toBe("false");
    await expect.poll(() => chart.locator(".recharts-line").count()).toBe(lines - 1);
    await first.click();
    await expect.poll(() => chart.locator(".recharts-line").count()).toBe(lines);
    expect(await page.getByLabel("Scale without outliers").isChecked()).toBe(true);
    expect(await page.locator("[data-testid=theme-caar-scale]").textContent()).toMatch(/beyond the scale|inside the scale/);
  });
});
