// Asset chart interaction in Chromium against the production build, with the full page reload every control used to
// cost measured in the same run as the peer:
//   npm run build && node --conditions=react-server --import tsx bench/asset-chart.ts [--runs 7] [--events 500] [--docs]
// Data: the demo install (^KS11 ≈ 10 years of daily bars, the seeded storyline's events) plus generated events exposing
// ^KS11 up to 500 in all, created through the API; first paint is measured with the whole history and 3 compare series.
// Writes bench/results/asset-chart.md; with --docs also the "Asset chart" section of docs/performance.md.
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { Page } from "playwright-core";
import { startApp } from "../tests/browser/app-server";
import { launchBrowser } from "../tests/browser/browser";
import { signInAs } from "../tests/browser/sign-in";
import { replaceSection } from "../scripts/reliability/sections";

const { values: args } = parseArgs({
  options: { docs: { type: "boolean", default: false }, runs: { type: "string", default: "7" }, events: { type: "string", default: "500" } },
});
const EVENTS = Number(args.events);
const COMPARE = ["EWY", "^GSPC", "GC=F"];
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

  // Events exposing ^KS11 up to EVENTS, spread over the last ten years (weekdays), through the API as an import would.
  const total = async () =>
    ((await (await page.request.get(`${app.baseUrl}/api/v1/events?pageSize=1`)).json()) as { total: number }).total;
  const existing = await total();
  for (let i = 0; i < EVENTS - existing; i++) {
    const day = new Date(Date.UTC(2016, 0, 4) + Math.floor((i * 3650 * 86_400_000) / EVENTS));
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 2);
    const res = await page.request.post(`${app.baseUrl}/api/v1/events`, {
      headers: { origin: app.baseUrl },
      data: {
        title: `Generated event ${i + 1}`,
        occurredAt: day.toISOString().slice(0, 10),
        category: ["MILITARY", "DIPLOMACY", "SANCTIONS", "ECONOMIC"][i % 4],
        severity: 1 + (i % 5),
        countries: ["KP"],
        exposures: [{ assetSymbol: "^KS11", direction: i % 3 ? "DOWN" : "UP" }],
      },
    });
    if (res.status() !== 201) throw new Error(`creating event ${i + 1}: ${res.status()} ${await res.text()}`);
  }
  const events = await total();
  const compare = COMPARE.map(encodeURIComponent).join(",");
  const url = `${app.baseUrl}/assets/%5EKS11?range=MAX&compare=${compare}`;

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
  // A string, not a function: tsx would wrap a named inner function in a helper the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (window.__frames.length < 400) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(chart.x + chart.width * 0.7, chart.y + chart.height / 2);
  await page.mouse.down();
  await page.mouse.move(chart.x + chart.width * 0.2, chart.y + chart.height / 2, { steps: 60 });
  await page.mouse.move(chart.x + chart.width * 0.7, chart.y + chart.height / 2, { steps: 60 });
  await page.mouse.up();
  const frames = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames.slice(5, 120));

  // Adding a compare asset: pick → fetch → series drawn.
  const compares: number[] = [];
  await page.goto(`${app.baseUrl}/assets/%5EKS11?range=5Y`);
  await page.locator("[data-testid=price-chart][data-visible-from]").waitFor();
  for (const symbol of COMPARE) {
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
  const verdict = (ms: number, goal: number) => (ms <= goal ? "met" : "**missed**");
  const frame95 = [...frames].sort((a, b) => a - b)[Math.floor(frames.length * 0.95)]!;
  const reload = median(reloads);
  const row = (what: string, ms: number, goal: number) => `| ${what} | ${fmt(ms)} | ≤ ${goal} ms | ${verdict(ms, goal)} | ${(reload / ms).toFixed(0)}× |`;
  rows.push(
    `Latest run (${new Date().toISOString().slice(0, 10)}; production build, Debian Chromium headless at 1440 px; ^KS11 with ${events} events in the database, ${RUNS} runs per measure, medians; the machine's 2 CPUs are shared by the server, its PostgreSQL and the browser):`,
    "",
    "| measure | median | goal | | faster than a reload |",
    "|---|---:|---:|---|---:|",
    `| peer: full page reload per range change (how every control worked before) | ${fmt(reload)} | — | | 1× |`,
    row(`data arrival → chart painted (whole history, ${COMPARE.length} compare series, every marker)`, median(firstPaint), 100),
    row("range preset click → painted", median(presets), 100),
    row("log switch → painted", median(logTimes), 100),
    `| frame time while panning (95th percentile ${fmt(frame95)}) | ${fmt(median(frames))} | ≤ 20 ms (50 fps) | ${verdict(median(frames), 20)} | |`,
    row(`add a compare asset, its fetch included (${COMPARE.length} assets)`, median(compares), 300),
    "",
  );
  const report = rows.join("\n");
  console.log(report);
  await writeFile(`bench/results/asset-chart${EVENTS === 500 ? "" : `-${events}-events`}.md`, `# Asset chart, measured\n\n${report}`);
  if (args.docs) await replaceSection("docs/performance.md", "bench:asset-chart", report);
} finally {
  await browser.close();
  await app.stop();
}
