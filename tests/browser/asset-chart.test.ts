// The event overlay chart as an analyst uses it: tooltips on markers, grouped sessions, notes beside events, jumping
// to events outside the range, zoom kept in the URL, compare without reload, keyboard walk, phone sheet, dark mode, density clusters on a crowded chart.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signedInPageForFile } from "./signed-in-page";

const session = signedInPageForFile({ width: 1440, height: 1000 });
const KS11 = "/assets/%5EKS11";

const marker = (page: Page, title: string) => page.locator(`[data-testid=price-chart] [data-testid=event-marker][aria-label*="${title}"]`);
const tooltip = (page: Page) => page.locator("[data-testid=chart-tooltip]");

async function openChart(page: Page, query: string) {
  await page.goto(`${session.app.baseUrl}${KS11}${query}`);
  await page.locator("[data-testid=price-chart] canvas").first().waitFor();
  // The visible range is reported once the chart has drawn.
  await page.locator("[data-testid=price-chart][data-visible-from]").waitFor();
}

/** Counts top-level document requests from now on (a reload or a navigation would show up here). */
function documentRequests(page: Page): () => number {
  let n = 0;
  page.on("request", (r) => {
    if (r.resourceType() === "document") n++;
  });
  return () => n;
}

describe("the event overlay chart", () => {
  it("shows the event's title, times, day 0 and CAR verdict at once on hover, with no CSP violation", async () => {
    const { page } = session;
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await openChart(page, "?range=MAX");
    const m = marker(page, "Kim Jong Un receives Sergei Shoigu");
    await m.hover();
    const tip = tooltip(page);
    await tip.waitFor();
    await expect(tip.getByTestId("tooltip-title").textContent()).resolves.toBe("Kim Jong Un receives Sergei Shoigu in Pyongyang");
    const text = (await tip.textContent()) ?? "";
    expect(text).toMatch(/Asia\/Seoul/);
    expect(text).toMatch(/UTC/);
    expect(text).toMatch(/Day 0 2024-09-1\d/);
    await expect(tip.getByTestId("tooltip-verdict").textContent()).resolves.toMatch(/CAR\[−1,\+1\] [+−]\d+\.\d\d %.*(Hypothesis confirmed|Hypothesis contradicted|Inconclusive)/);
    // The list row of the hovered marker lights up.
    await page.locator("[data-testid=chart-event-list] li[data-highlighted=true]", { hasText: "Sergei Shoigu" }).waitFor();
    await m.click();
    await page.waitForURL(/\/events\/\d+$/);
    await expect(page.locator("h1").textContent()).resolves.toContain("Shoigu");
    expect(violations).toEqual([]);
  });

  it("lists both events that share a session in one marker", async () => {
    const { page } = session;
    await openChart(page, "?range=MAX");
    const group = marker(page, "General Staff acknowledges");
    await expect(group.getAttribute("aria-label")).resolves.toContain("North Korea confirms it sent troops");
    await group.hover();
    const titles = await tooltip(page).getByTestId("tooltip-title").allTextContents();
    expect(titles).toEqual(["Russia's General Staff acknowledges North Korean troops fought in Kursk", "North Korea confirms it sent troops to fight for Russia"]);
  });

  it("keeps an event's marker when a note is pinned on its session", async () => {
    const { page } = session;
    await openChart(page, "?range=MAX");
    const sessionOf = await marker(page, "Kim Jong Un receives Sergei Shoigu").getAttribute("data-session");
    await page.getByLabel("Date").last().fill(sessionOf!);
    await page.getByRole("textbox", { name: "Pin note" }).fill("Shoigu visit: watch the won.");
    await page.getByRole("button", { name: "Pin note" }).click();
    await page.locator(`[data-testid=note-marker][data-session="${sessionOf}"]`).waitFor({ state: "attached" });
    await openChart(page, "?range=MAX");
    const event = marker(page, "Kim Jong Un receives Sergei Shoigu");
    await expect(event.getAttribute("data-session")).resolves.toBe(sessionOf);
    await event.hover();
    await expect(tooltip(page).getByTestId("tooltip-title").textContent()).resolves.toContain("Shoigu");
    const note = page.locator(`[data-testid=note-marker][data-session="${sessionOf}"]`);
    await note.hover();
    await expect(tooltip(page).textContent()).resolves.toContain("watch the won");
  });

  it("counts events outside the visible range and jumps to one", async () => {
    const { page } = session;
    await openChart(page, "?range=1M");
    const jump = page.getByRole("button", { name: /earlier events?: jump to/ });
    const label = (await jump.textContent())!.match(/jump to (\w+)/)![1]!;
    const row = page.locator(`[data-testid=chart-event-list] li[data-label="${label}"]`);
    const eventId = await row.getAttribute("data-event-id");
    await jump.click();
    await page.waitForURL((u) => u.searchParams.get("event") === eventId && u.searchParams.has("from"));
    const sessionOf = await row.getAttribute("data-session");
    expect(sessionOf).toMatch(/^\d{4}-\d\d-\d\d$/);
    const chart = page.locator("[data-testid=price-chart]");
    await expect.poll(async () => (await chart.getAttribute("data-visible-from"))! <= sessionOf! && (await chart.getAttribute("data-visible-to"))! >= sessionOf!).toBe(true);
    await page.locator("[data-testid=event-window]").waitFor({ state: "attached" });
  });

  it("keeps a wheel zoom in the URL and restores it on reload", async () => {
    const { page } = session;
    await openChart(page, "?range=1Y");
    const chart = page.locator("[data-testid=price-chart]");
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -400);
    await page.waitForURL((u) => u.searchParams.has("from") && !u.searchParams.has("range"));
    const url = new URL(page.url());
    const from = url.searchParams.get("from")!;
    const to = url.searchParams.get("to")!;
    await expect.poll(() => chart.getAttribute("data-visible-from")).toBe(from);
    await page.reload();
    await page.locator("[data-testid=price-chart][data-visible-from]").waitFor();
    await expect.poll(() => page.locator("[data-testid=price-chart]").getAttribute("data-visible-from")).toBe(from);
    expect(await page.locator("[data-testid=price-chart]").getAttribute("data-visible-to")).toBe(to);
    expect(new URL(page.url()).searchParams.get("from")).toBe(from);
  });

  it("adds and removes compare assets from the stored ones without loading a document", async () => {
    const { page } = session;
    await openChart(page, "?range=1Y");
    const documents = documentRequests(page);
    const prices = page.waitForResponse((r) => r.url().includes("/api/v1/assets/EWY/prices") && r.ok());
    await page.getByRole("combobox", { name: "Compare with a stored asset" }).fill("ewy");
    await page.getByRole("listbox").getByRole("option", { name: /EWY/ }).click();
    await prices;
    await page.getByTestId("compare-chip").filter({ hasText: "EWY" }).waitFor();
    await page.waitForURL((u) => u.searchParams.get("compare") === "EWY");
    await page.getByText("Every series indexed to 100 at the first visible session").waitFor();
    await page.getByRole("combobox", { name: "Compare with a stored asset" }).fill("gsp");
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.searchParams.get("compare") === "EWY,^GSPC");
    await page.getByRole("button", { name: "Remove EWY from the comparison" }).click();
    await page.waitForURL((u) => u.searchParams.get("compare") === "^GSPC");
    await page.getByRole("button", { name: "Remove ^GSPC from the comparison" }).click();
    await page.waitForURL((u) => !u.searchParams.has("compare"));
    expect(await page.getByTestId("compare-chip").count()).toBe(0);
    // Presets, log, style and volume are client-side too.
    await page.getByRole("button", { name: "3M", exact: true }).click();
    await page.getByRole("button", { name: "log", exact: true }).click();
    await page.getByRole("button", { name: "candles", exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get("range") === "3M" && u.searchParams.get("scale") === "log" && u.searchParams.get("style") === "candles");
    expect(documents()).toBe(0);
  });

  it("compares on a log scale, every series indexed to 100 at the first visible session, following zoom", async () => {
    const { page } = session;
    await openChart(page, "?range=1Y&compare=EWY");
    const chart = page.locator("[data-testid=price-chart]");
    const canvas = chart.locator("[data-price-scale]");
    await expect.poll(() => canvas.getAttribute("data-price-scale")).toBe("indexed-to-100");
    const documents = documentRequests(page);
    const log = page.getByRole("button", { name: "log", exact: true });
    expect(await log.isEnabled()).toBe(true);
    await log.click();
    await page.waitForURL((u) => u.searchParams.get("scale") === "log" && u.searchParams.get("compare") === "EWY");
    expect(await log.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => canvas.getAttribute("data-price-scale")).toBe("log");
    const from = await chart.getAttribute("data-visible-from");
    await expect.poll(() => canvas.getAttribute("data-rebased-at")).toBe(from);
    expect(await page.getByTestId("compare-caption").textContent()).toMatch(/indexed to 100 at the first visible session, from adjusted closes, on a log scale/);
    // Zooming moves the first visible session, and the rebasing follows it.
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -400);
    await expect.poll(() => chart.getAttribute("data-visible-from")).not.toBe(from);
    const zoomed = await chart.getAttribute("data-visible-from");
    await expect.poll(() => canvas.getAttribute("data-rebased-at")).toBe(zoomed);
    // Log off: the chart's own indexed scale again, on the raw series.
    await log.click();
    await expect.poll(() => canvas.getAttribute("data-price-scale")).toBe("indexed-to-100");
    expect(await canvas.getAttribute("data-rebased-at")).toBe("");
    expect(documents()).toBe(0);
  });

  it("walks the markers with the arrow keys, naming the focused event on screen", async () => {
    const { page } = session;
    await openChart(page, "?range=MAX");
    const total = await page.locator("[data-testid=event-marker]").count();
    await page.locator("[data-testid=price-chart]").focus();
    await page.keyboard.press("ArrowRight");
    const named = page.getByTestId("focused-event");
    await expect.poll(() => named.textContent()).toMatch(new RegExp(`^Event 1 of ${total} \\(\\d{4}-\\d\\d-\\d\\d\\): A `));
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => named.textContent()).toMatch(new RegExp(`^Event 2 of ${total}.*: B `));
    await tooltip(page).waitFor();
    await page.keyboard.press("End");
    await expect.poll(() => named.textContent()).toMatch(new RegExp(`^Event ${total} of ${total}`));
    await page.keyboard.press("Home");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/events\/\d+$/);
  });
});

describe("the event page's mini charts", () => {
  it("shows each exposed asset around day 0 and opens the asset chart zoomed on that window", async () => {
    const { page } = session;
    await openChart(page, "?range=MAX");
    await marker(page, "Kim Jong Un receives Sergei Shoigu").click();
    await page.waitForURL(/\/events\/\d+$/);
    const eventId = new URL(page.url()).pathname.split("/").pop();
    const mini = page.getByTestId("event-window-chart-^KS11");
    await mini.locator("canvas").first().waitFor();
    await expect(mini.textContent()).resolves.toMatch(/day 0 2024-09-1\d/);
    await mini.click();
    await page.waitForURL((u) => u.pathname === "/assets/%5EKS11" && u.searchParams.get("event") === eventId && u.searchParams.has("from"));
    const from = new URL(page.url()).searchParams.get("from")!;
    await expect.poll(() => page.locator("[data-testid=price-chart]").getAttribute("data-visible-from")).toBe(from);
    await page.locator("[data-testid=event-window]").waitFor({ state: "attached" });
  });
});

describe("the chart on a phone and in dark mode", () => {
  it("puts the chart first at 390 px and opens a bottom sheet when a marker is tapped", async () => {
    const ctx = await session.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, storageState: await session.page.context().storageState() });
    const page = await ctx.newPage();
    try {
      await page.goto(`${session.app.baseUrl}${KS11}?range=MAX`);
      await page.locator("[data-testid=price-chart][data-visible-from]").waitFor();
      const chartBox = (await page.locator("[data-testid=price-chart]").boundingBox())!;
      const listBox = (await page.getByTestId("chart-event-list").boundingBox())!;
      expect(chartBox.y).toBeLessThan(listBox.y);
      expect(chartBox.width).toBeLessThanOrEqual(390);
      const m = page.locator("[data-testid=event-marker]:visible").last();
      const label = (await m.getAttribute("aria-label"))!;
      await m.tap();
      const sheet = page.getByTestId("event-sheet");
      await sheet.waitFor();
      await expect(sheet.getByTestId("tooltip-title").first().textContent()).resolves.toBe(label.split("; ")[0]!.replace(/^\w+: /, ""));
      await page.screenshot({ path: "test-results/asset-chart-390.png" });
    } finally {
      await ctx.close();
    }
  });

  it("draws on a dark canvas with its own palette in dark mode", async () => {
    const { page } = session;
    await page.emulateMedia({ colorScheme: "dark" });
    try {
      await openChart(page, "?range=5Y");
      await page.waitForTimeout(300);
      const pixel = await page.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>("[data-testid=price-chart] canvas")!;
        return [...canvas.getContext("2d")!.getImageData(4, 4, 1, 1).data];
      });
      // The pane background: dark navy, not the white of the light palette.
      expect(pixel[0]! + pixel[1]! + pixel[2]!).toBeLessThan(120);
      await page.screenshot({ path: "test-results/asset-chart-dark.png" });
    } finally {
      await page.emulateMedia({ colorScheme: "light" });
    }
  });
});

describe("a chart crowded with events", () => {
  it("merges close markers into counted clusters bounded by the width, lists one and zooms into it", async () => {
    const { page } = session;
    const start = Date.UTC(2024, 0, 2);
    for (let i = 0; i < 400; i++) {
      const occurredAt = new Date(start + i * 2 * 86_400_000).toISOString().slice(0, 10);
      const res = await page.request.post(`${session.app.baseUrl}/api/v1/events`, {
        headers: { origin: session.app.baseUrl },
        data: { title: `Crowded event ${i}`, occurredAt, category: i % 2 ? "MILITARY" : "ECONOMIC", severity: 3, countries: ["KP"], exposures: [{ assetSymbol: "^KS11", direction: "DOWN" }] },
      });
      expect(res.status()).toBeLessThan(300);
    }
    await openChart(page, "?range=MAX");
    const chart = page.locator("[data-testid=price-chart]");
    const width = await chart.evaluate((el) => el.getBoundingClientRect().width);
    // Markers stand at least 16 px apart across a width that holds the whole series.
    await expect.poll(async () => Number(await chart.getAttribute("data-event-markers"))).toBeLessThanOrEqual(Math.floor(width / 16) + 1);
    expect(await page.locator("[data-testid=event-marker]").count()).toBeLessThan(400);

    await chart.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.getByTestId("focused-event").textContent()).toMatch(/^Cluster 1 of \d+ \(\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\): \d+ events/);
    const heading = await tooltip(page).getByTestId("cluster-heading").textContent();
    const n = Number(/^(\d+) events/.exec(heading ?? "")?.[1]);
    expect(n).toBeGreaterThan(1);
    if (n > 10) await expect(tooltip(page).getByTestId("cluster-more").textContent()).resolves.toBe(`and ${n - 10} more`);
    const before = await chart.getAttribute("data-visible-from");
    await page.keyboard.press("Enter");
    await expect.poll(() => chart.getAttribute("data-visible-from")).not.toBe(before);
  });
});
