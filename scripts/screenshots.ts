// Regenerates docs/screenshots/*.png from a running Faultline: signs in and captures the main pages.
//   FAULTLINE_URL=http://localhost:3000 FAULTLINE_EMAIL=… FAULTLINE_PASSWORD=… node --import tsx scripts/screenshots.ts
// Uses Debian's Chromium (apt-get install chromium) through playwright-core.
import { mkdir } from "node:fs/promises";
import { chromium } from "playwright-core";

const base = process.env.FAULTLINE_URL ?? "http://localhost:3000";
const email = process.env.FAULTLINE_EMAIL;
const password = process.env.FAULTLINE_PASSWORD;
if (!email || !password) {
  console.error("set FAULTLINE_EMAIL and FAULTLINE_PASSWORD to an account of the running app");
  process.exit(2);
}

const PAGES: { name: string; path: string; width?: number; wait?: string }[] = [
  { name: "overview", path: "/", wait: "[data-testid=event-timeline] .recharts-symbols" },
  { name: "asset-ks11", path: "/assets/%5EKS11?range=5Y", wait: "[data-testid=price-chart][data-visible-from]" },
  { name: "overview-mobile", path: "/", width: 390, wait: "main" },
  { name: "asset-ks11-mobile", path: "/assets/%5EKS11?range=1Y", width: 390, wait: "[data-testid=price-chart][data-visible-from]" },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--disable-gpu", "--disable-background-networking"],
});
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.fill("input[name=email]", email);
  await page.fill("input[name=password]", password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/login")), page.click("button[type=submit]")]);
  await mkdir("docs/screenshots", { recursive: true });
  for (const p of PAGES) {
    // Phones get their first screen (what the user sees before scrolling), desktops the full page.
    const phone = (p.width ?? 1440) < 500;
    await page.setViewportSize({ width: p.width ?? 1440, height: phone ? 844 : 1000 });
    await page.goto(`${base}${p.path}`);
    if (p.wait) await page.locator(p.wait).first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/screenshots/${p.name}.png`, fullPage: !phone });
    console.log(`docs/screenshots/${p.name}.png`);
  }
  // The event page of the treaty: found through the events list.
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`${base}/events`);
  await page.getByRole("link", { name: /Comprehensive Strategic Partnership Treaty/ }).first().click();
  await page.waitForURL(/\/events\/\d+/);
  await page.waitForTimeout(1500);
  // The top of the event page: details, exposures and the study across assets (the full page is very long).
  await page.screenshot({ path: "docs/screenshots/event-treaty.png", fullPage: false });
  console.log("docs/screenshots/event-treaty.png");
  // The same event on a phone, in dark mode: verdicts first, the study settings folded after the chart.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.locator("[data-testid=event-aggregate]").waitFor({ timeout: 30_000 });
  await page.locator("[data-testid=event-aggregate]").scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await page.screenshot({ path: "docs/screenshots/event-treaty-mobile-dark.png", fullPage: false });
  console.log("docs/screenshots/event-treaty-mobile-dark.png");
  await page.setViewportSize({ width: 1440, height: 1000 });
  // Dark mode follows the operating system (or the theme chosen in the header).
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`${base}/assets/%5EKS11?from=2024-01-02&to=2025-06-30&compare=EWY,%5EGSPC`);
  await page.locator("[data-testid=price-chart][data-visible-from]").first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: "docs/screenshots/asset-compare-dark.png", fullPage: false });
  console.log("docs/screenshots/asset-compare-dark.png");
} finally {
  await browser.close();
}
