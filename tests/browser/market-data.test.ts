// The market-data journey of a new user: find a symbol, add it with a benchmark, watch the backfill land, press
// Refresh now, import a CSV of their own (a preview of what would change, then the write once confirmed; replace
// and merge doing what the preview said), and read the data status and quality flags. With Yahoo unreachable, the
// search opens the form that describes an asset by hand, whose prices then come from CSV imports.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./app-server";
import { auditAfterEachTest, expectAccessible } from "./axe";
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
    await page.locator("[data-testid=price-chart] canvas").first().waitFor();
    expect(await statusValue("Source")).toBe("synthetic demo data");
  });

  it("queues a refresh on request, and says so", async () => {
    await page.getByRole("button", { name: "Refresh now" }).click();
    await page.getByRole("status").filter({ hasText: /Queued|requested moments ago/ }).waitFor();
  });

  it("rejects a bad CSV at the preview with the line and column of each problem, and keeps the series", async () => {
    const before = await storedBars();
    const bad = path.join(tmp, "bad.csv");
    await writeFile(bad, "date,open,high,low,close,adj_close,volume\n2024-01-02,1,2,0.5,1.5,1.5,10\n2024-13-01,1,2,0.5,1.5,1.5,10\n2024-01-04,1,2,0.5,abc,,10\n");
    await openImport();
    await page.getByLabel(/^Price CSV/).setInputFiles(bad);
    await page.getByRole("button", { name: "Preview changes" }).click();
    const errors = page.getByRole("alert").filter({ hasText: "Line" });
    await errors.first().waitFor();
    const text = (await errors.allTextContents()).join("\n");
    expect(text).toMatch(/Line 3, column date/);
    expect(text).toMatch(/Line 4, column close/);
    // Only a preview was asked for: the banner says the file cannot go in as it is, not that an import failed.
    expect(await page.getByRole("alert").filter({ hasText: "cannot be imported as it is" }).count()).toBe(1);
    expect(await page.getByRole("alert").filter({ hasText: "Nothing was imported" }).count()).toBe(0);
    expect(await page.getByTestId("import-preview").count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Import \d+ changes|^Replace the series/ }).count()).toBe(0);
    await page.reload();
    expect(await storedBars()).toBe(before);
    expect(await statusValue("Source")).toBe("synthetic demo data");
  });

  it("lists the rows a preview flags, the first twenty and a count of the rest", async () => {
    // Closes alternating between 100 and 200: every row after the first is a one-day move of +100 % or -50 %.
    const rows = weekdays(25).map((date, i) => ({ date, close: i % 2 === 0 ? 100 : 200 }));
    const file = path.join(tmp, "zigzag.csv");
    await writeFile(file, csv(rows));
    await openImport();
    await page.getByLabel(/^Price CSV/).setInputFiles(file);
    await page.getByRole("button", { name: "Preview changes" }).click();
    const preview = page.getByTestId("import-preview");
    await preview.waitFor();
    expect(previewCounts(await preview.locator("p").first().textContent()).flagged).toBe(24);
    const items = await page.getByTestId("import-preview-flags").locator("li").allTextContents();
    expect(items).toHaveLength(21);
    expect(items[0]).toBe(`${rows[1]!.date} · one-day move over 25 % — The adjusted close moved +100.0% from ${rows[0]!.date}.`);
    expect(items[19]).toBe(`${rows[20]!.date} · one-day move over 25 % — The adjusted close moved -50.0% from ${rows[19]!.date}.`);
    expect(items[20]).toBe("and 4 more");
  });

  it("previews a valid CSV with its counts and flag, replaces the provider series once confirmed, and flags what deserves a look", async () => {
    const before = await storedBars();
    const rows = usoRows();
    const good = path.join(tmp, "uso.csv");
    await writeFile(good, csv(rows));
    await openImport();
    // The series came from a provider: replacing it is what the form proposes (two sources never mix).
    expect(await page.getByLabel(/^Replace:/).isChecked()).toBe(true);
    await page.getByLabel(/^Price CSV/).setInputFiles(good);
    await page.getByRole("button", { name: "Preview changes" }).click();
    const preview = page.getByTestId("import-preview");
    await preview.waitFor();
    const counts = previewCounts(await preview.locator("p").first().textContent());
    expect(counts.mode).toBe("replace");
    // Every row of the file is added, changed or unchanged; every stored bar the file does not list goes.
    expect(counts.added + counts.changed + counts.unchanged).toBe(rows.length);
    expect(counts.removed).toBe(before - counts.changed - counts.unchanged);
    expect(counts.flagged).toBe(1);
    // The flagged row itself, by date and kind: the +40 % day, 30 days after 2 January.
    expect(await page.getByTestId("import-preview-flags").locator("li").allTextContents()).toEqual([
      "2024-02-01 · one-day move over 25 % — The adjusted close moved +40.0% from 2024-01-31.",
    ]);
    expect(await preview.textContent()).toMatch(/Nothing is written yet/);
    expect(await preview.textContent()).toMatch(/scheduled refreshes leave it alone/);
    await expectAccessible(page, "the import preview");

    // Nothing is removed before the removals are confirmed.
    const replace = page.getByRole("button", { name: "Replace the series" });
    expect(await replace.isDisabled()).toBe(true);
    await page.getByLabel(`Remove the ${counts.removed} stored bars the file lacks`).check();
    await replace.click();
    const done = page.getByRole("status").filter({ hasText: /^Imported/ });
    await done.waitFor();
    expect(await done.textContent()).toBe(`Imported (replace): ${counts.added} bars added, ${counts.changed} updated, ${counts.removed} removed, 1 flagged for review.`);

    await page.reload();
    expect(await statusValue("Source")).toBe("CSV import");
    expect(await statusValue("Bars")).toBe(`${rows.length} (${rows[0]!.date} … ${rows.at(-1)!.date})`);
    await page.getByText(/Quality flags/).click();
    await page.getByText(/large move — The adjusted close moved \+40\.0%/).waitFor();
  });

  it("merges a correction as the preview says (keeping the other bars), and replace then makes the file the whole series", async () => {
    const first = usoRows();
    const correction = [
      { date: first.at(-2)!.date, close: 99.5 },
      { date: first.at(-1)!.date, close: 99.75 },
      { date: "2024-03-04", close: 100 },
      { date: "2024-03-05", close: 100.25 },
      { date: "2024-03-06", close: 100.5 },
    ];
    const file = path.join(tmp, "uso-correction.csv");
    await writeFile(file, csv(correction));
    await openImport();
    // A CSV series is merged unless the analyst says otherwise.
    expect(await page.getByLabel(/^Merge:/).isChecked()).toBe(true);
    await page.getByLabel(/^Price CSV/).setInputFiles(file);
    await page.getByRole("button", { name: "Preview changes" }).click();
    const preview = page.getByTestId("import-preview");
    await preview.waitFor();
    expect(previewCounts(await preview.locator("p").first().textContent())).toEqual({
      mode: "merge", added: 3, changed: 2, unchanged: 0, removed: 0, kept: first.length - 2, flagged: 0,
    });
    expect(await preview.textContent()).not.toMatch(/scheduled refreshes/);
    await page.getByRole("button", { name: "Import 5 changes" }).click();
    const done = page.getByRole("status").filter({ hasText: /^Imported/ });
    await done.waitFor();
    expect(await done.textContent()).toBe("Imported (merge): 3 bars added, 2 updated, 0 removed.");
    await page.reload();
    expect(await statusValue("Bars")).toBe(`${first.length + 3} (${first[0]!.date} … 2024-03-06)`);

    // The same file again, as the whole series: the preview names what goes, and the write does exactly that.
    await openImport();
    await page.getByLabel(/^Price CSV/).setInputFiles(file);
    await page.getByLabel(/^Replace:/).check();
    await page.getByRole("button", { name: "Preview changes" }).click();
    await preview.waitFor();
    expect(previewCounts(await preview.locator("p").first().textContent())).toEqual({
      mode: "replace", added: 0, changed: 0, unchanged: 5, removed: first.length - 2, kept: 0, flagged: 0,
    });
    // Switching the mode hides a preview made for the other one.
    await page.getByLabel(/^Merge:/).check();
    expect(await preview.count()).toBe(0);
    await page.getByLabel(/^Replace:/).check();
    await page.getByRole("button", { name: "Preview changes" }).click();
    await preview.waitFor();
    await page.getByLabel(`Remove the ${first.length - 2} stored bars the file lacks`).check();
    await page.getByRole("button", { name: "Replace the series" }).click();
    await done.waitFor();
    expect(await done.textContent()).toBe(`Imported (replace): 0 bars added, 0 updated, ${first.length - 2} removed.`);
    await page.reload();
    expect(await statusValue("Bars")).toBe(`5 (${correction[0]!.date} … 2024-03-06)`);
  });
});

describe("adding an asset by hand, without Yahoo", () => {
  it("adds a CSV asset from the by-hand form, with no provider asked", async () => {
    // The by-hand form, as an analyst uses it when Yahoo cannot be reached or does not carry the series; the search
    // route's 503 is tested in tests/api/symbol-search.test.tsx.
    await page.goto(`${app.baseUrl}/assets`);
    await page.getByText("Describe it yourself (no Yahoo needed)").click();
    const form = page.getByRole("form", { name: "Describe an asset yourself" });
    await form.waitFor();
    await form.getByLabel("Symbol").fill("KRX-DEF");
    await form.getByLabel("Name").fill("KRX defence basket");
    await form.getByLabel("Class").selectOption("EQUITY_INDEX");
    await form.getByLabel("Currency").fill("KRW");
    await form.getByLabel("Time zone").fill("Asia/Seoul");
    await form.getByRole("button", { name: "Add KRX-DEF" }).click();
    await page.waitForURL(/\/assets\/KRX-DEF$/);
    await page.getByText(/Its prices come from CSV imports/).waitFor();
    expect(await statusValue("Source")).toBe("CSV import");
  });
});

interface Row {
  date: string;
  close: number;
}

/** Weekdays from 2 January 2024 for 60 days, drifting up 0.1 % a day with one +40 % day to be flagged. */
function usoRows(): Row[] {
  const rows: Row[] = [];
  let close = 70;
  for (let d = 0; d < 60; d++) {
    const date = new Date(Date.UTC(2024, 0, 2) + d * 86_400_000);
    if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
    close = d === 30 ? close * 1.4 : close * 1.001;
    rows.push({ date: date.toISOString().slice(0, 10), close });
  }
  return rows;
}

/** The first `n` weekdays from 1 July 2024. */
function weekdays(n: number): string[] {
  const dates: string[] = [];
  for (let t = Date.UTC(2024, 6, 1); dates.length < n; t += 86_400_000) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

/** A Yahoo-style download of the rows. */
function csv(rows: Row[]): string {
  const lines = rows.map((r) => `${r.date},${r.close},${r.close * 1.01},${r.close * 0.99},${r.close},${r.close},1000`);
  return ["Date,Open,High,Low,Close,Adj Close,Volume", ...lines].join("\n") + "\n";
}

async function openImport(): Promise<void> {
  const summary = page.getByText("Import prices from a CSV file");
  if ((await summary.locator("xpath=..").getAttribute("open")) === null) await summary.click();
}

/** A value of the data status card ("Source", "Bars", …). */
async function statusValue(term: string): Promise<string> {
  return ((await page.locator("dt", { hasText: new RegExp(`^${term}$`) }).locator("xpath=following-sibling::dd[1]").textContent()) ?? "").trim();
}

async function storedBars(): Promise<number> {
  return Number((await statusValue("Bars")).match(/^\d+/)?.[0] ?? Number.NaN);
}

/** The counts the preview's first line states, read as a user reads them. */
function previewCounts(line: string | null) {
  const text = line ?? "";
  const n = (re: RegExp) => Number(text.match(re)?.[1] ?? 0);
  return {
    mode: text.match(/^Preview \((\w+)\)/)?.[1],
    added: n(/(\d+) bars added/),
    changed: n(/(\d+) changed/),
    unchanged: n(/(\d+) unchanged/),
    removed: n(/(\d+) removed/),
    kept: n(/(\d+) kept/),
    flagged: n(/(\d+) flagged/),
  };
}
