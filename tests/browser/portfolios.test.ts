// Building a portfolio from CSV: the import flags bad rows and writes nothing, the fixed file creates the portfolio,
// whose page shows each position's value, weight and data-as-of and the portfolio's risk; a base currency without a
// stored FX series is named with a link to add it. The example portfolio is photographed at 1440 and 390 px, light
// and dark (into FAULTLINE_SCREENSHOT_DIR, or the system's temporary folder).
import os from "node:os";
import path from "node:path";
import { mkdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { unzip } from "../reports/helpers";
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

  it("runs both scenarios on the CSV-built portfolio, saves one and downloads its bundle", async () => {
    const { page, app } = session;
    await page.goto(`${app.baseUrl}/portfolios`);
    await page.getByRole("link", { name: "Journey book" }).click();
    await page.waitForURL(/\/portfolios\/\d+$/);
    const portfolioUrl = page.url();

    // Bad input: the 422 message sits beside the field, and nothing runs.
    const analogueForm = page.getByTestId("analogue-form");
    await analogueForm.getByLabel("Countries").fill("XX");
    await analogueForm.getByRole("button", { name: "Run analogues" }).click();
    await page.waitForURL(/countries=XX/);
    expect(await page.locator("[data-field-error=countries]").textContent()).toMatch(/XX is not an ISO 3166-1 alpha-2 country code/);
    expect(await page.getByTestId("analogue-results").count()).toBe(0);

    // Scenario 1 on the seeded North Korea events, [0, +5].
    await page.getByTestId("analogue-form").getByLabel("Countries").fill("KP");
    await page.getByTestId("analogue-form").getByRole("button", { name: "Run analogues" }).click();
    await page.waitForURL(/countries=KP/);
    expect(page.url()).toMatch(/horizon=0%2C5/);
    const summary = (await page.getByTestId("analogue-summary").textContent()) ?? "";
    const n = Number(/^Across (\d+) analogues?/.exec(summary)?.[1]);
    expect(n).toBeGreaterThanOrEqual(3);
    expect(summary).toMatch(/over \[0, ?\+5\]/);
    expect(await page.locator("[data-testid=analogue-table] tbody tr").count()).toBe(n);
    expect(await page.locator("[data-testid=analogue-table] a[href^='/events/']").count()).toBe(n);
    expect(await page.getByTestId("analogue-stats").textContent()).toMatch(/Tail ratio.*Placebo p/);

    // Scenario 2: a KOSPI shock propagated to every position, with its band and the book's P&L.
    const shockForm = page.getByTestId("shock-form");
    await shockForm.getByLabel("Shocked asset 1").fill("^KS11");
    await shockForm.getByLabel("Move %").first().fill("-5");
    await shockForm.getByRole("button", { name: "Run shocks" }).click();
    await page.waitForURL(/ss=%5EKS11/);
    // The analogue view stays: both scenarios live in the one URL.
    expect(page.url()).toMatch(/countries=KP/);
    await page.getByTestId("shock-results").waitFor();
    expect(await page.locator("[data-testid=shock-table] tbody tr").count()).toBe(4); // three positions and the book
    expect(await page.locator("[data-testid=shock-table] tr[data-symbol=EWY] td").nth(3).textContent()).toMatch(/−?\d+\.\d\d % … −?\d+\.\d\d %/);
    // The book's P&L is the sum of the positions' (each shown to the cent).
    const bookPnl = numberIn((await page.getByTestId("shock-book-pnl").textContent()) ?? "");
    const positionPnls = await page.locator("[data-testid=shock-table] tbody tr[data-symbol]").evaluateAll((trs) => trs.map((tr) => tr.children[2]?.textContent ?? ""));
    expect(positionPnls).toHaveLength(3);
    expect(Math.abs(positionPnls.reduce((s, t) => s + Number(t.replace(/[^0-9.-]/g, "")), 0) - bookPnl)).toBeLessThanOrEqual(0.02);
    expect(bookPnl).not.toBe(0);

    // The shortcut fills Scenario 2 with the analogues' median moves.
    await page.getByTestId("median-shocks").click();
    await page.waitForURL(/ss=/);
    expect(await page.getByTestId("shock-summary").textContent()).toMatch(/^Given /);

    // Reproducible: the same URL in a fresh load shows the same summary.
    const url = page.url();
    await page.goto(url);
    expect(await page.getByTestId("analogue-summary").textContent()).toBe(summary);

    // Save Scenario 1 and download its bundle.
    const save = page.getByTestId("save-analogues");
    await save.getByLabel("Save as").fill("KP analogues, journey");
    await save.getByRole("button", { name: "Save scenario" }).click();
    await page.waitForURL(/\/portfolios\/\d+\/scenarios\/\d+$/);
    expect(await page.getByTestId("saved-name").textContent()).toBe("KP analogues, journey");
    expect(await page.getByTestId("analogue-summary").textContent()).toBe(summary);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("saved-bundle").click()]);
    const files = unzip(await readFile((await download.path())!));
    const manifest = JSON.parse(files.get("manifest.json")!.toString("utf8")) as { report: string; rows: number; parameters: { kind: string; horizon: number[] } };
    expect(manifest).toMatchObject({ report: "saved-scenario", parameters: { kind: "analogues", horizon: [0, 5] } });
    const csvName = [...files.keys()].find((k) => k.endsWith(".csv"))!;
    const lines = files.get(csvName)!.toString("utf8").trim().split("\r\n");
    expect(lines[0]).toBe("section,event_id,event,date,symbol,metric,value,proxied,text");
    expect(lines).toHaveLength(manifest.rows + 1);
    expect(lines.filter((l) => l.startsWith("analogue,") && l.includes(",pnl,"))).toHaveLength(n);

    // The portfolio lists it, with the link that re-runs it on today's data.
    await page.goto(portfolioUrl);
    const saved = page.getByTestId("saved-scenarios");
    await saved.getByRole("link", { name: "KP analogues, journey" }).waitFor();
    expect(await saved.getByRole("link", { name: "KP analogues, journey" }).count()).toBe(1);
    expect(await saved.getByRole("link", { name: "Re-run on today's data" }).getAttribute("href")).toMatch(/countries=KP&horizon=0%2C5#scenarios$/);
  });

  it("picks analogues by ticking boxes, runs them from the URL, saves the run and deletes the saved one", async () => {
    const { page, app } = session;
    await page.goto(`${app.baseUrl}/portfolios`);
    await page.getByRole("link", { name: "Journey book" }).click();
    await page.waitForURL(/\/portfolios\/\d+$/);
    const portfolioUrl = page.url();

    // The treaty events by filter first: the picker lists them, all ticked.
    await page.getByTestId("analogue-form").getByLabel("Category").selectOption({ label: "Treaty" });
    await page.getByTestId("analogue-form").getByRole("button", { name: "Run analogues" }).click();
    await page.waitForURL(/category=TREATY/);
    await page.getByTestId("open-picker").click();
    const picker = page.getByTestId("analogue-picker");
    const boxes = picker.getByTestId("picker-list").locator("input[type=checkbox]");
    const listed = await boxes.count();
    expect(listed).toBeGreaterThanOrEqual(4);
    expect(await picker.getByTestId("picker-list").textContent()).toMatch(/Treaty/);
    expect(await picker.getByTestId("picked-count").textContent()).toMatch(new RegExp(`^${listed} of ${listed} ticked`));

    // Untick the first two, then add a military event found by searching.
    const ids = await boxes.evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-pick-id"))));
    await boxes.nth(0).uncheck();
    await boxes.nth(1).uncheck();
    await picker.getByTestId("picker-search").fill("Kursk");
    const results = picker.getByTestId("picker-results");
    await results.getByText("Ukraine captures two North Korean soldiers in the Kursk region").waitFor();
    const added = results.getByRole("checkbox", { name: /Ukraine captures two North Korean soldiers/ });
    const addedId = Number(await added.getAttribute("data-pick-id"));
    await added.check();
    expect(await picker.getByTestId("picked-count").textContent()).toMatch(new RegExp(`^${listed - 1} of ${listed + 1} ticked`));
    const expected = [...ids.slice(2), addedId].sort((a, b) => a - b);

    await page.getByTestId("analogue-form").getByRole("button", { name: "Run analogues" }).click();
    await page.waitForURL(/events=/);
    const picked = (new URL(page.url()).searchParams.get("events") ?? "").split(",").map(Number).sort((a, b) => a - b);
    expect(picked).toEqual(expected);
    // Every picked event is an analogue or left out with its reason; the unticked ones are neither.
    const inTable = await page.locator("[data-testid=analogue-table] tbody tr").evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute("data-event-id"))));
    expect(inTable.length).toBeGreaterThan(0);
    expect(inTable.every((id) => expected.includes(id))).toBe(true);
    expect(inTable).not.toContain(ids[0]);
    expect(inTable).not.toContain(ids[1]);
    const summary = (await page.getByTestId("analogue-summary").textContent()) ?? "";

    // Reproduced from its URL: the same picks ticked and the same result.
    await page.goto(page.url());
    const again = page.getByTestId("analogue-picker").locator("[data-testid=picker-list] input[type=checkbox]");
    const ticked = await again.evaluateAll((els) => els.filter((el) => (el as HTMLInputElement).checked).map((el) => Number(el.getAttribute("data-pick-id"))));
    expect(ticked.sort((a, b) => a - b)).toEqual(expected);
    expect(await page.getByTestId("analogue-summary").textContent()).toBe(summary);

    // Saved with its picks, then deleted from the portfolio page after the confirmation.
    const save = page.getByTestId("save-analogues");
    await save.getByLabel("Save as").fill("Treaties and Kursk, picked");
    await save.getByRole("button", { name: "Save scenario" }).click();
    await page.waitForURL(/\/portfolios\/\d+\/scenarios\/\d+$/);
    const savedId = /\/scenarios\/(\d+)$/.exec(page.url())![1]!;
    expect(await page.getByTestId("analogue-summary").textContent()).toBe(summary);
    expect(await page.getByTestId("analogue-results").textContent()).toContain(`Analogues picked one by one (${expected.length} events)`);
    const api = await page.request.get(`${app.baseUrl}/api/v1/scenarios/${savedId}`);
    expect(((await api.json()) as { parameters: { analogues: { eventIds: number[] } } }).parameters.analogues.eventIds.slice().sort((a, b) => a - b)).toEqual(expected);

    await page.goto(portfolioUrl);
    const item = page.locator(`[data-testid=saved-scenarios] li[data-saved-id="${savedId}"]`);
    await item.getByTestId("delete-saved").click();
    // Cancel keeps it; the second time it goes.
    await item.getByRole("button", { name: "Cancel" }).click();
    await item.getByTestId("delete-saved").click();
    expect(await item.getByTestId("confirm-delete-saved").textContent()).toMatch(/Delete “Treaties and Kursk, picked”\?/);
    const dir = process.env.FAULTLINE_SCREENSHOT_DIR ?? path.join(os.tmpdir(), "faultline-portfolio-screenshots");
    await mkdir(dir, { recursive: true });
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.getByTestId("saved-scenarios").screenshot({ path: path.join(dir, `saved-delete-${width}.png`) });
    }
    await item.getByRole("button", { name: "Delete scenario" }).click();
    await item.waitFor({ state: "detached" });
    expect(await page.getByTestId("saved-scenarios").getByRole("link", { name: "KP analogues, journey" }).count()).toBe(1);
    expect((await page.request.get(`${app.baseUrl}/api/v1/scenarios/${savedId}`)).status()).toBe(404);

    // The admin's Deleted page lists it and brings it back.
    await page.goto(`${app.baseUrl}/admin/deleted`);
    const row = page.locator(`[data-testid=deleted-scenarios] li[data-saved-id="${savedId}"]`);
    expect(await row.textContent()).toMatch(/Treaties and Kursk, picked.*on Journey book.*by Admin/);
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: path.join(dir, `deleted-${width}.png`), fullPage: true });
    }
    await row.getByRole("button", { name: "Restore" }).click();
    // Restored, it leaves the Deleted page.
    await row.waitFor({ state: "detached" });
    expect((await page.request.get(`${app.baseUrl}/api/v1/scenarios/${savedId}`)).status()).toBe(200);
  });

  it("shows the analogue picker at 1440 and 390 px, light and dark", async () => {
    const { browser, app } = session;
    const dir = process.env.FAULTLINE_SCREENSHOT_DIR ?? path.join(os.tmpdir(), "faultline-portfolio-screenshots");
    await mkdir(dir, { recursive: true });
    await session.page.goto(`${app.baseUrl}/portfolios`);
    const href = await session.page.getByRole("link", { name: /^Example: / }).getAttribute("href");
    for (const scheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
      const page = await context.newPage();
      await signInAs(page, app.baseUrl);
      for (const width of [1440, 390]) {
        await page.setViewportSize({ width, height: 900 });
        // A fresh load each time (the same URL again would keep the opened picker).
        await page.goto("about:blank");
        await page.goto(`${app.baseUrl}${href}?countries=KP&severity=4&horizon=0%2C5`);
        await page.getByTestId("analogue-summary").waitFor({ timeout: 30_000 }).catch(async (err: unknown) => {
          throw new Error(`${page.url()}: ${(await page.locator("main").textContent())?.slice(0, 500)}`, { cause: err });
        });
        await page.getByTestId("open-picker").click();
        await page.getByTestId("picker-search").fill("treaty");
        await page.getByTestId("picker-results").waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await page.getByTestId("analogue-form").screenshot({ path: path.join(dir, `picker-${width}-${scheme}.png`) });
        await page.screenshot({ path: path.join(dir, `portfolio-picker-${width}-${scheme}.png`), fullPage: true });
      }
      await context.close();
    }
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
        // The example opens with both scenarios run on the seeded North Korea events and a KOSPI/won shock.
        await page.getByTestId("analogue-summary").waitFor();
        await page.getByTestId("shock-summary").waitFor();
        expect(await page.getByTestId("shock-summary").textContent()).toMatch(/\^KS11 −5\.0 %, KRW=X 3\.0 %/);
        if (width !== 1024) await page.getByTestId("scenarios").screenshot({ path: path.join(dir, `scenarios-${width}-${scheme}.png`) });
      }
      await context.close();
    }
  });
});
