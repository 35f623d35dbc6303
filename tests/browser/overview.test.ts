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
const consoleErrors: string[] = [];

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  await signInAs(page, app.baseUrl);
  await mkdir("test-results", { recursive: true });
});

auditAfterEachTest(() => page);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the overview", () => {
  it("shows the KPI cards, the watchlist of every seeded asset and both charts", async () => {
    const res = await page.goto(`${app.baseUrl}/`);
    expect(res?.status()).toBe(200);
    await page.getByText("Events, last 30 days").waitFor();
    await page.getByText("Exposed assets in an elevated-volatility regime").waitFor();
    const rows = page.locator("[data-testid=watchlist] tbody tr");
    expect(await rows.count()).toBe(11);
    await page.locator("[data-testid=intensity-chart] .recharts-surface").first().waitFor();
    await page.locator("[data-testid=event-timeline] .recharts-symbols").first().waitFor();
    expect(await page.locator("[data-testid=event-timeline] .recharts-symbols").count()).toBeGreaterThanOrEqual(20);
    await page.screenshot({ path: "test-results/overview.png", fullPage: true });
  });

  it("judges freshness per exchange, marks rows ending on another date, colours moves by the hypothesis and says how old the latest event is", async () => {
    await page.goto(`${app.baseUrl}/`);
    const exchanges = page.locator("[data-testid=exchange-freshness]");
    await exchanges.first().waitFor();
    const lines = await exchanges.allTextContents();
    // The seeded assets trade in Seoul, New York (cash and futures), Chicago and on the FX London day.
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(lines.some((l) => l.startsWith("KRX regular session: latest bar"))).toBe(true);
    for (const l of lines) expect(l).toMatch(/: latest bar (\d{4}-\d{2}-\d{2}|none), last closed session \d{4}-\d{2}-\d{2}(Stale: .+|.+ up to date)$/);

    // Every row shows its last bar; the rows marked † are exactly those not ending on the date most rows end on.
    const dates = (await page.locator("[data-testid=watchlist] [data-testid=last-bar-date]").allTextContents()).map((t) => t.replace("†", ""));
    expect(dates).toHaveLength(11);
    const counts = new Map<string, number>();
    for (const d of dates) counts.set(d, (counts.get(d) ?? 0) + 1);
    const common = [...counts].sort((a, b) => b[1] - a[1] || b[0].localeCompare(a[0]))[0]![0];
    const marked = await page.locator("[data-testid=watchlist] tbody tr").evaluateAll((rows) => rows.map((r) => (r.querySelector("td")?.textContent ?? "").includes("†")));
    expect(marked).toEqual(dates.map((d) => d !== common));

    // Largest moves: green/"as expected" when the move has the hypothesis's sign, red/"against" otherwise.
    const moves = await page.locator("[data-testid=recent-moves] li").evaluateAll((items) =>
      items.map((li) => ({ agreement: li.getAttribute("data-agreement"), text: li.textContent ?? "" })),
    );
    expect(moves.length).toBeGreaterThan(0);
    for (const m of moves) {
      const direction = /expected (up|down|uncertain)/.exec(m.text)![1];
      const move = Number(/([+−-]?\d+\.\d+) %/.exec(m.text)![1]!.replace("−", "-"));
      if (move === 0 && direction !== "uncertain") continue; // rounded to 0.00 %: its sign is not on screen
      const expected = direction === "uncertain" ? "neither" : (direction === "up") === move > 0 ? "agrees" : "disagrees";
      expect(m.agreement).toBe(expected);
      expect(m.text).toContain({ agrees: "as expected", disagrees: "against the hypothesis", neither: "no direction stated" }[expected]);
    }

    // The seeded storyline ends in 2025: no event in the last 30 days, and the card says how long ago the latest was.
    const kpi = (await page.getByText(/None in the last 30 days/).first().textContent()) ?? "";
    const [, days, date] = /the latest was (\d+) days? ago \((\d{4}-\d{2}-\d{2})\)/.exec(kpi)!;
    const today = new Date().toISOString().slice(0, 10);
    expect(Number(days)).toBe(Math.round((Date.parse(today) - Date.parse(date!)) / 86_400_000));
  });

  it("sorts the watchlist through the URL", async () => {
    await page.getByRole("link", { name: /^Vol 20d/ }).click();
    await page.waitForURL(/sort=vol20&dir=desc/);
    const vols = await page.locator("[data-testid=watchlist] tbody tr td:nth-child(7)").allTextContents();
    const numbers = vols.map((v) => Number.parseFloat(v)).filter((v) => Number.isFinite(v));
    expect(numbers.length).toBeGreaterThan(5);
    expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
  });

  it("filters the timeline by category, keeping the filter in the URL", async () => {
    await page.goto(`${app.baseUrl}/`);
    await page.getByLabel("Category").selectOption("TREATY");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/category=TREATY/);
    const labels = await page.locator("form[aria-label='Filter events'] ~ ul li span.rounded").allTextContents();
    expect(labels.length).toBeGreaterThanOrEqual(5);
    expect(new Set(labels)).toEqual(new Set(["Treaty"]));
  });

  it("explains a bad filter instead of failing", async () => {
    const res = await page.goto(`${app.baseUrl}/?from=2025-01-01&to=2024-01-01`);
    expect(res?.status()).toBe(200);
    const message = page.getByRole("alert").filter({ hasText: "to must be on or after from" });
    await message.waitFor({ timeout: 15_000 });
    expect(await message.textContent()).toContain("to: to must be on or after from");
  });

  it("is served with a nonce-based Content Security Policy and runs no script outside it", async () => {
    const res = await page.goto(`${app.baseUrl}/`);
    const headers = res!.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // The page hydrated (a client chart drew) under the policy, and the browser reported no violation.
    await page.locator("[data-testid=intensity-chart] .recharts-surface").first().waitFor();
    expect(consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  });
});
