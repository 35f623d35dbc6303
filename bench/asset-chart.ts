// Asset chart interaction in Chromium against the production build, with the full page reload every control used to
// cost measured in the same run as the peer:
//   npm run build && node --import tsx bench/asset-chart.ts [--out bench/results/asset-chart.md] [--runs 7]
// Data: the demo install (^KS11 ≈ 10 years of daily bars, the seeded storyline's events).
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { Page } from "playwright-core";
import { startApp } from "../tests/browser/app-server";
import { launchBrowser } from "../tests/browser/browser";
import { signInAs } from "../tests/browser/sign-in";

const { values: args } = parseArgs({ options: { out: { type: "string" }, runs: { type: "string", default: "7" } } });
const RUNS = Number(args.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Click → two animation frames later (the canvas has painted the result). */
async function clickToPaint(page: Page, selector: string): Promise<number> {
  return page.evaluate(async (sel) => {
    const el = document.querySelector<HTMLElement>(sel)!;
    const t = performance.now();
    el.click();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - t;
  }, selector);
}

const app = await startApp();
const browser = await launchBrowser();
const rows: string[] = [];
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signInAs(page, app.baseUrl);
  const url = `${app.baseUrl}/assets/%5EKS11?range=5Y`;

  // Peer: the old way, a full document load of the page for each range change.
  const reloads: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = Date.now();
    await page.goto(`${app.baseUrl}/assets/%5EKS11?range=${i % 2 ? "1Y" : "3M"}`);
    await page.locator("[data-testid=price-chart][data-visible-from]").waitFor();
    reloads.push(Date.now() - t);
  }

  // First paint after the data are in the browser: library load + chart creation + all series and markers drawn.
  const firstPaint: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto(url);
    await page.locator("[data-testid=price-chart][data-visible-from]").waitFor();
    firstPaint.push(
      await page.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        const paint = performance.getEntriesByType("mark").find((m) => m.name === "faultline:chart-painted");
        return (paint?.startTime ?? NaN) - nav.responseEnd;
      }),
    );
  }

  const presets: number[] = [];
  for (let i = 0; i < RUNS; i++) presets.push(await clickToPaint(page, `[aria-label=Range] button:nth-child(${(i % 5) + 1})`));
  // The log button: found by its text.
  const logTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    logTimes.push(
      await page.evaluate(async () => {
        const el = [...document.querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent === "log")!;
        const t = performance.now();
        el.click();
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return performance.now() - t;
      }),
    );
  }

  // Panning: frame intervals while the mouse drags the chart.
  const chart = (await page.locator("[data-testid=price-chart]").boundingBox())!;
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[] };
    w.__frames = [];
    let last = performance.now();
    const tick = (t: number) => {
      w.__frames.push(t - last);
      last = t;
      if (w.__frames.length < 400) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(chart.x + chart.width * 0.7, chart.y + chart.height / 2);
  await page.mouse.down();
  await page.mouse.move(chart.x + chart.width * 0.2, chart.y + chart.height / 2, { steps: 60 });
  await page.mouse.move(chart.x + chart.width * 0.7, chart.y + chart.height / 2, { steps: 60 });
  await page.mouse.up();
  const frames = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames.slice(5, 120));

  // Adding a compare asset: pick → fetch → series drawn.
  const compares: number[] = [];
  for (const symbol of ["EWY", "^GSPC", "GC=F"]) {
    const input = page.getByRole("combobox", { name: "Compare with a stored asset" });
    await input.fill(symbol.replace("^", ""));
    const option = page.getByRole("option", { name: new RegExp(symbol.replace(/[\^=]/g, "\\$&")) }).first();
    await option.waitFor();
    const t = Date.now();
    const response = page.waitForResponse((r) => r.url().includes("/prices") && r.ok());
    await option.click();
    await response;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    compares.push(Date.now() - t);
  }

  const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
  rows.push(
    "| measure | median | goal |",
    "|---|---:|---:|",
    `| full page reload per range change (old behaviour, peer) | ${fmt(median(reloads))} | — |`,
    `| data arrival → chart painted (${RUNS} loads) | ${fmt(median(firstPaint))} | ≤ 100 ms |`,
    `| range preset click → painted | ${fmt(median(presets))} | ≤ 100 ms |`,
    `| log switch → painted | ${fmt(median(logTimes))} | ≤ 100 ms |`,
    `| frame time while panning (median; 95th pct ${fmt([...frames].sort((a, b) => a - b)[Math.floor(frames.length * 0.95)]!)}) | ${fmt(median(frames))} | ≤ 20 ms |`,
    `| add a compare asset incl. fetch → painted (3 assets) | ${fmt(median(compares))} | ≤ 300 ms |`,
  );
  console.log(rows.join("\n"));
  if (args.out) await writeFile(args.out, `${rows.join("\n")}\n`);
} finally {
  await browser.close();
  await app.stop();
}
