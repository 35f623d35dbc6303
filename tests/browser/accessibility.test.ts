// Every page, audited by axe-core in both themes at phone and desktop widths. Dark and light are reached both ways a
// user reaches them: the operating system's preference (prefers-color-scheme) and the colour scheme chosen in the header
// (a cookie the server renders into <html>). Fails on any serious or critical violation, and on any Content
// Security Policy violation the theme or the menu could cause.
//
// `WRITE_A11Y_REPORT=1 npx vitest run --config vitest.browser.config.ts tests/browser/accessibility.test.ts`
// also rewrites docs/accessibility.md from the results; without it the report goes to test-results/.
import { mkdir, writeFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./app-server";
import { axeAudit, describeBlocking, IMPACTS, type AxeSummary } from "./axe";
import { launchBrowser } from "./browser";
import { signInAs } from "./sign-in";
import { THEME_COOKIE } from "@/lib/preferences/theme";

interface Variant {
  name: string;
  width: number;
  /** What the operating system prefers. */
  system: "light" | "dark";
  /** The colour scheme picked in the header, if any. */
  chosen?: "light" | "dark";
}

// Each theme once per width, each reached once through the system preference and once through the header's choice
// (against the opposite system preference, so an override that did not apply would show).
const VARIANTS: Variant[] = [
  { name: "1440 px, light (system)", width: 1440, system: "light" },
  { name: "1440 px, dark (chosen, system light)", width: 1440, system: "light", chosen: "dark" },
  { name: "390 px, dark (system)", width: 390, system: "dark" },
  { name: "390 px, light (chosen, system dark)", width: 390, system: "dark", chosen: "light" },
];

interface PageSpec {
  name: string;
  /** Path, or a function finding it in the running app (ids differ per install). */
  path: string | ((page: Page) => Promise<string>);
  signedOut?: boolean;
  /** Something the page shows once its streamed parts arrived. */
  ready?: string;
}

let treatyPath = "";
async function treaty(page: Page, base: string): Promise<string> {
  if (treatyPath) return treatyPath;
  await page.goto(`${base}/events?q=partnership+treaty`);
  const href = await page.getByRole("link", { name: /Comprehensive Strategic Partnership Treaty/ }).first().getAttribute("href");
  treatyPath = href ?? "";
  return treatyPath;
}

let themePath = "";
async function firstTheme(page: Page, base: string): Promise<string> {
  if (themePath) return themePath;
  // The themes list names themes without linking them; the treaty's page links its theme.
  await page.goto(`${base}${await treaty(page, base)}`);
  themePath = (await page.locator("main a[href^='/themes/']").first().getAttribute("href")) ?? "";
  return themePath;
}

let portfolioPath = "";
async function examplePortfolio(page: Page, base: string): Promise<string> {
  if (portfolioPath) return portfolioPath;
  await page.goto(`${base}/portfolios`);
  portfolioPath = (await page.getByRole("link", { name: /^Example: / }).first().getAttribute("href")) ?? "";
  return portfolioPath;
}

function pages(base: string): PageSpec[] {
  return [
    { name: "Overview", path: "/", ready: "[data-testid=event-timeline] .recharts-surface" },
    { name: "Events", path: "/events" },
    { name: "Event", path: (p) => treaty(p, base), ready: "[data-testid=event-aggregate]" },
    { name: "New event", path: "/events/new" },
    { name: "Edit event", path: async (p) => `${await treaty(p, base)}/edit` },
    { name: "Import events", path: "/events/import" },
    { name: "Assets", path: "/assets" },
    { name: "Asset", path: "/assets/%5EKS11", ready: "[data-testid=price-chart]" },
    { name: "Themes", path: "/themes" },
    { name: "Theme", path: (p) => firstTheme(p, base) },
    { name: "Portfolios", path: "/portfolios" },
    { name: "Portfolio", path: (p) => examplePortfolio(p, base), ready: "[data-testid=risk-panel]" },
    { name: "New portfolio", path: "/portfolios/new" },
    { name: "Edit portfolio", path: async (p) => `${await examplePortfolio(p, base)}/edit` },
    { name: "Import portfolio", path: "/portfolios/import" },
    { name: "Reports", path: "/reports" },
    { name: "Triage", path: "/triage", ready: "[data-testid=triage-filters]" },
    { name: "Account", path: "/account" },
    { name: "Inbox", path: "/inbox" },
    { name: "Admin: accounts", path: "/admin/users" },
    { name: "Admin: API tokens", path: "/admin/tokens" },
    { name: "Admin: jobs", path: "/admin/jobs" },
    { name: "Admin: webhooks", path: "/admin/webhooks" },
    { name: "Admin: deleted records", path: "/admin/deleted" },
    { name: "Admin: account history", path: "/admin/history" },
    { name: "Not allowed", path: "/forbidden" },
    { name: "Not found", path: "/events/999999999" },
    { name: "Sign in", path: "/login", signedOut: true },
  ];
}

let app: AppServer;
let browser: Browser;
const results: { variant: string; page: string; path: string; summary: AxeSummary }[] = [];
const cspViolations: string[] = [];

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (results.length) await writeReport();
});

async function contextFor(v: Variant, signedOut: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: v.width, height: 900 }, colorScheme: v.system });
  if (v.chosen) await context.addCookies([{ name: THEME_COOKIE, value: v.chosen, url: app.baseUrl }]);
  if (!signedOut) await signInAs(await context.newPage(), app.baseUrl);
  return context;
}

function watchConsole(page: Page): void {
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(`${page.url()}: ${m.text()}`);
  });
}

describe("every page passes axe-core (no serious or critical violation)", () => {
  for (const variant of VARIANTS) {
    it(`at ${variant.name}`, { timeout: 900_000 }, async () => {
      const signedIn = await contextFor(variant, false);
      const signedOut = await contextFor(variant, true);
      const failures: string[] = [];
      try {
        const page = await signedIn.newPage();
        const anonymous = await signedOut.newPage();
        watchConsole(page);
        watchConsole(anonymous);
        for (const spec of pages(app.baseUrl)) {
          const tab = spec.signedOut ? anonymous : page;
          const path = typeof spec.path === "string" ? spec.path : await spec.path(tab);
          expect(path, `${spec.name}: found its address`).toMatch(/^\//);
          await tab.goto(`${app.baseUrl}${path}`);
          if (spec.ready) await tab.locator(spec.ready).first().waitFor({ timeout: 30_000 });
          await tab.waitForLoadState("load");
          // The theme really is the one this variant asks for (else the dark audits would audit light pages).
          const dark = await tab.evaluate(() => {
            const bg = getComputedStyle(document.body).backgroundColor;
            const [r, g, b] = (bg.match(/\d+/g) ?? ["255", "255", "255"]).map(Number);
            return (r! + g! + b!) / 3 < 128;
          });
          expect(dark, `${spec.name} renders ${variant.chosen ?? variant.system}`).toBe((variant.chosen ?? variant.system) === "dark");
          const summary = await axeAudit(tab);
          results.push({ variant: variant.name, page: spec.name, path, summary });
          const blocking = describeBlocking(summary);
          if (blocking) failures.push(`${spec.name} (${path}):\n${blocking}`);
        }
      } finally {
        await signedIn.close();
        await signedOut.close();
      }
      expect(failures.join("\n\n")).toBe("");
    });
  }

  it("ran under the nonce Content Security Policy without a single violation", () => {
    expect(results.length).toBeGreaterThan(0);
    expect(cspViolations).toEqual([]);
  });
});

async function writeReport(): Promise<void> {
  const byPage = new Map<string, typeof results>();
  for (const r of results) byPage.set(r.page, [...(byPage.get(r.page) ?? []), r]);
  const lines = [
    "# Accessibility",
    "",
    "Generated by the browser journey `tests/browser/accessibility.test.ts`; regenerate with:",
    "",
    "```sh",
    "npm run build   # the journey serves the production build",
    "WRITE_A11Y_REPORT=1 npx vitest run --config vitest.browser.config.ts tests/browser/accessibility.test.ts",
    "```",
    "",
    "Every page is audited by [axe-core](https://github.com/dequelabs/axe-core) (rules for WCAG 2.0, 2.1 and 2.2 at",
    "levels A and AA, plus best practices) in four variants: 1440 px and 390 px wide, each in light and dark mode, with",
    "dark and light reached once through the operating system's `prefers-color-scheme` and once through the colour",
    "scheme chosen in the header. The browser suite (`npm run test:browser`, run by CI) fails on any `serious` or",
    "`critical` violation, on this journey and on every other journey's pages (`tests/browser/axe.ts`).",
    "",
    "**Score** is a Lighthouse-style accessibility score from axe's results: the share of applicable rules the page",
    "passes, each rule weighted by its impact (critical 10, serious 7, moderate 3, minor 1; a passing rule whose impact",
    "axe does not report counts as moderate). Columns give violated rules by impact as critical / serious / moderate /",
    "minor, with the number of failing elements in brackets when it differs.",
    "",
    `**This run:** ${byPage.size} pages × ${VARIANTS.length} variants = ${results.length} audits; violated rules summed over the audits: ${IMPACTS.map((i) => `${results.reduce((n, r) => n + r.summary.rules[i], 0)} ${i}`).join(", ")}.`,
    "",
    `| Page | Path | ${VARIANTS.map((v) => v.name).join(" | ")} |`,
    `| --- | --- | ${VARIANTS.map(() => "---").join(" | ")} |`,
  ];
  for (const [page, rows] of byPage) {
    const cells = VARIANTS.map((v) => {
      const r = rows.find((x) => x.variant === v.name);
      if (!r) return "not run";
      const counts = IMPACTS.map((i) => (r.summary.rules[i] === r.summary.elements[i] ? `${r.summary.rules[i]}` : `${r.summary.rules[i]} (${r.summary.elements[i]})`)).join(" / ");
      return `${counts} · score ${r.summary.score}`;
    });
    const path = rows[0]!.path.replace(/\/\d+/g, "/:id");
    lines.push(`| ${page} | \`${path}\` | ${cells.join(" | ")} |`);
  }
  const remaining = new Map<string, { impact: string; help: string; pages: Set<string> }>();
  for (const r of results) {
    for (const v of r.summary.violations) {
      const entry = remaining.get(v.id) ?? { impact: v.impact, help: v.help, pages: new Set<string>() };
      entry.pages.add(r.page);
      remaining.set(v.id, entry);
    }
  }
  lines.push("", "## Remaining moderate and minor findings", "");
  if (remaining.size === 0) lines.push("None.");
  for (const [id, e] of remaining) lines.push(`- \`${id}\` (${e.impact}): ${e.help} — ${[...e.pages].join(", ")}`);
  lines.push(
    "",
    "The sign-up page (`/setup`) exists only until the first account is created, so a running install cannot reach it;",
    "it uses the same layout and form components as the sign-in page.",
    "",
  );
  const text = lines.join("\n");
  if (process.env.WRITE_A11Y_REPORT === "1") await writeFile("docs/accessibility.md", text);
  await mkdir("test-results", { recursive: true });
  await writeFile("test-results/accessibility.md", text);
}
