// Building a portfolio from CSV: the import flags bad rows and writes nothing, the fixed file creates the portfolio,
// whose page shows each position's value, weight and data-as-of and the portfolio's risk; a base currency without a
// stored FX series is named with a link to add it. The example portfolio is photographed at 1440 and 390 px, light
// and dark (into FAULTLINE_SCREENSHOT_DIR, or the system's temporary folder).
import os from "node:os";
import path from "node:path";
import { mkdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { signInAs } from "./sign-in";
import { signedInPageForFile } from "./signed-in-page";

const session = signedInPageForFile({ width: 1440, height: 900 });
const numberIn = (text: string) => Number(text.replace(/[^0-9.-]/g, ""));

describe("portfolios", () => {
  it("flags the bad rows of an imported CSV and writes nothing", async () => {
    const { page, app } = session;
    await page.goto(`${app.baseUrl}/portfolios/import`);
    await page.getByLabel("Name").fill("Journey book");
    await page.getByLabel("…or paste it here").fill("symbol,quantity\nEWY,100\nNOPE,5\n005930.KS,0\nEWY,3");
    await page.getByRole("button", { name: "Check" }).click();
    const preview = page.getByTestId("import-preview");
    await preview.waitFor();
    expect(await preview.locator("tr[data-flagged=true]").count()).toBe(3);
    expect(await preview.textContent()).toMatch(/There is no asset NOPE/);
    expect(await preview.textContent()).toMatch(/Quantity must be greater than zero/);
    expect(await preview.textContent()).toMatch(/EWY is listed twice/);
    expect(await page.getByRole("button", { name: "Create portfolio" }).isDisabled()).toBe(true);
    await page.goto(`${app.baseUrl}/portfolios`);
    expect(await page.getByRole("link", { name: "Journey book" }).count()).toBe(0);
  });

  it("creates the portfolio from the fixed CSV and shows its values, weights, data-as-of and risk", async () => {
    const { page, app } = session;
    await page.goto(`${app.baseUrl}/portfolios/import`);
    await page.getByLabel("Name").fill("Journey book");
    await page.getByLabel("…or paste it here").fill("symbol,quantity\nEWY,100\n005930.KS,50\nGC=F,2");
    await page.getByRole("button", { name: "Check" }).click();
    await page.getByTestId("import-preview").getByText("3 positions ready").waitFor();
    await page.getByRole("button", { name: "Create portfolio" }).click();
    await page.waitForURL(/\/portfolios\/\d+$/);

    const rows = page.locator("[data-testid=positions-table] tbody tr");
    expect(await rows.count()).toBe(3);
    // EWY is in USD: value = 100 × close (the close is shown to the cent, so allow half a cent per unit).
    const ewy = page.locator("tr[data-symbol=EWY] td");
    const value = numberIn((await ewy.nth(1).textContent()) ?? "");
    const close = numberIn((await ewy.nth(5).textContent()) ?? "");
    expect(close).toBeGreaterThan(0);
    expect(Math.abs(value - 100 * close)).toBeLessThanOrEqual(0.5 + 0.01);
    expect(await ewy.nth(3).textContent()).toMatch(/^\d{4}-\d\d-\d\d$/);
    // Samsung is in KRW: converted by dividing by KRW=X, named in its row.
    expect(await page.locator("tr[data-symbol='005930.KS'] td").nth(6).textContent()).toMatch(/÷ KRW=X \d{4}-\d\d-\d\d/);
    const shares = await rows.evaluateAll((trs) => trs.map((tr) => Number((tr.children[2]?.textContent ?? "").replace(/ %.*/, ""))));
    expect(shares.reduce((s, x) => s + x, 0)).toBeCloseTo(100, 1);

    const risk = page.getByTestId("risk-panel");
    await risk.getByText("Historical VaR").waitFor({ timeout: 30_000 });
    const text = (await risk.textContent()) ?? "";
    expect(text).toMatch(/\d+ daily returns in USD/);
    expect((text.match(/\d+\.\d\d %/g) ?? []).length).toBeGreaterThanOrEqual(16);

    // Editing it: the form holds the positions as CSV; the change is in the page's history.
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await page.waitForURL(/\/edit$/);
    const box = page.getByLabel(/^Positions/);
    expect(await box.inputValue()).toBe("symbol,quantity\n005930.KS,50\nEWY,100\nGC=F,2");
    await box.fill("symbol,quantity\n005930.KS,50\nEWY,120\nGC=F,2");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(/\/portfolios\/\d+$/);
    expect(await page.getByTestId("portfolio-history").textContent()).toMatch(/Admin changed positions.*Admin created it/);
    expect(await page.locator("tr[data-symbol=EWY] td").nth(4).textContent()).toBe("120");
  });

  it("names a missing FX series and links to adding it", async () => {
    const { page, app } = session;
    await page.goto(`${app.baseUrl}/portfolios/new`);
    await page.getByLabel("Name").fill("Euro book");
    await page.getByLabel("Base currency").fill("EUR");
    await page.getByLabel(/^Positions/).fill("symbol,quantity\nEWY,10");
    await page.getByRole("button", { name: "Create portfolio" }).click();
    await page.waitForURL(/\/portfolios\/\d+$/);
    const banner = page.getByTestId("missing-fx");
    expect(await banner.textContent()).toMatch(/no stored FX series EURUSD=X/);
    expect(await banner.getByRole("link", { name: "Add EURUSD=X" }).getAttribute("href")).toBe("/assets?q=EURUSD%3DX");
    expect(await page.locator("tr[data-symbol=EWY] td").nth(1).textContent()).toMatch(/missing FX EURUSD=X/);
  });

  it("shows the example portfolio at 1440, 1024 and 390 px, light and dark", async () => {
    const { browser, app } = session;
    const dir = process.env.FAULTLINE_SCREENSHOT_DIR ?? path.join(os.tmpdir(), "faultline-portfolio-screenshots");
    await mkdir(dir, { recursive: true });
    const list = session.page;
    await list.goto(`${app.baseUrl}/portfolios`);
    const href = await list.getByRole("link", { name: /^Example: / }).getAttribute("href");
    for (const scheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
      const page = await context.newPage();
      await signInAs(page, app.baseUrl);
      for (const width of [1440, 1024, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${app.baseUrl}${href}`);
        await page.getByTestId("risk-panel").getByText("Historical VaR").waitFor({ timeout: 30_000 });
        expect(await page.getByText("example", { exact: true }).count()).toBeGreaterThan(0);
        await page.screenshot({ path: path.join(dir, `portfolio-${width}-${scheme}.png`), fullPage: true });
      }
      await context.close();
    }
  });
});
