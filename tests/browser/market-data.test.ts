// The market-data journey of a new user: find a symbol, add it with a benchmark, watch the backfill land, press
// Refresh now, import a CSV of their own, and read the data status and quality flags.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./app-server";
import { auditAfterEachTest } from "./axe";
import { launchBrowser } from "./browser";
import { signInAs } from "./sign-in";

let app: AppServer;
let browser: Browser;
let page: Page;
let tmp: string;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signInAs(page, app.baseUrl);
  tmp = await mkdtemp(path.join(os.tmpdir(), "faultline-csv-"));
});

auditAfterEachTest(() => page);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("adding an asset and managing its prices", () => {
  it("finds a symbol, shows what it is before adding, and adds it with a benchmark", async () => {
    await page.goto(`${app.baseUrl}/assets?q=oil`);
    const row = page.locator("tr", { hasText: "United States Oil Fund" });
    await row.waitFor();
    expect(await row.textContent()).toContain("USO");
    await row.getByLabel("Benchmark").selectOption("^GSPC");
    await row.getByRole("button", { name: "Add USO" }).click();
    await page.waitForURL(/\/assets\/USO$/);
  });

  it("backfills ten years in the background and shows them once stored", async () => {
    let bars = 0;
    for (let i = 0; i < 30 && bars === 0; i++) {
      await page.waitForTimeout(1000);
      await page.goto(`${app.baseUrl}/assets/USO?range=MAX`);
      const text = (await page.getByText(/\d+ sessions from/).textContent({ timeout: 2000 }).catch(() => null)) ?? "";
      bars = Number(text.match(/(\d+) sessions/)?.[1] ?? 0);
    }
    expect(bars).toBeGreaterThan(2500); // ten years of weekday sessions
    await page.locator("[data-testid=price-chart] .recharts-line-curve").waitFor();
  });

  it("queues a refresh on request, and says so", async () => {
    await page.getByRole("button", { name: "Refresh now" }).click();
    await page.getByRole("status").filter({ hasText: /Queued|requested moments ago/ }).waitFor();
  });

  it("rejects a bad CSV with the line and column of each problem and keeps the series", async () => {
    const bad = path.join(tmp, "bad.csv");
    await writeFile(bad, "date,open,high,low,close,adj_close,volume\n2024-01-02,1,2,0.5,1.5,1.5,10\n2024-13-01,1,2,0.5,1.5,1.5,10\n2024-01-04,1,2,0.5,abc,,10\n");
    await page.getByText("Import prices from a CSV file").click();
    await page.setInputFiles("input[name=file]", bad);
    await page.getByRole("button", { name: /^Import/ }).click();
    const errors = page.getByRole("alert").filter({ hasText: "Line" });
    await errors.first().waitFor();
    const text = (await errors.allTextContents()).join("\n");
    expect(text).toMatch(/Line 3, date/);
    expect(text).toMatch(/Line 4, close/);
    await expect(page.getByText("Yahoo Finance").or(page.getByText("synthetic demo data")).first().isVisible()).resolves.toBe(true);
  });

  it("imports a valid CSV all at once, takes the series over and flags what deserves a look", async () => {
    const good = path.join(tmp, "uso.csv");
    const lines = ["Date,Open,High,Low,Close,Adj Close,Volume"];
    let close = 70;
    for (let d = 0; d < 60; d++) {
      const date = new Date(Date.UTC(2024, 0, 2) + d * 86_400_000);
      if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
      close = d === 30 ? close * 1.4 : close * 1.001; // one +40 % day to be flagged
      lines.push(`${date.toISOString().slice(0, 10)},${close},${close * 1.01},${close * 0.99},${close},${close},1000`);
    }
    await writeFile(good, lines.join("\n") + "\n");
    await page.setInputFiles("input[name=file]", good);
    await page.getByRole("button", { name: /^Import/ }).click();
    await page.getByRole("status").filter({ hasText: /Imported: \d+ bars added/ }).waitFor();
    expect(await page.getByRole("status").filter({ hasText: "Imported" }).textContent()).toMatch(/provider bars replaced, 1 flagged for review/);
    await page.reload();
    await page.getByText("CSV import", { exact: true }).first().waitFor();
    await page.getByText(/Quality flags/).click();
    await page.getByText(/large move — The adjusted close moved \+40\.0%/).waitFor();
  });
});
