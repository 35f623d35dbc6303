// axe-core on whatever a journey has on screen. Every journey calls `expectAccessible` on the pages it visits (the
// shared setups in signed-in-page.ts do it after each test), so a new page or a new component is checked without
// anyone remembering to: a `serious` or `critical` violation fails the test that showed it.
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterEach } from "vitest";

export type Impact = "minor" | "moderate" | "serious" | "critical";
export const IMPACTS: readonly Impact[] = ["critical", "serious", "moderate", "minor"];

/**
 * Weights of a rule by the impact axe gives it, as Lighthouse weighs its accessibility audits (a critical rule
 * counts ten times a minor one).
 */
const WEIGHT: Record<Impact, number> = { critical: 10, serious: 7, moderate: 3, minor: 1 };

export interface AxeViolation {
  id: string;
  impact: Impact;
  help: string;
  nodes: { target: string; summary: string }[];
}

export interface AxeSummary {
  url: string;
  /** Violated rules by impact (a rule failing on five elements counts once, as in Lighthouse). */
  rules: Record<Impact, number>;
  /** Elements failing, by impact. */
  elements: Record<Impact, number>;
  /** 0–100: the impact-weighted share of applicable rules the page passes. */
  score: number;
  violations: AxeViolation[];
}

function zero(): Record<Impact, number> {
  return { critical: 0, serious: 0, moderate: 0, minor: 0 };
}

/** Runs axe-core (WCAG 2.0–2.2 A/AA and best practices) on the page as it is now. */
export async function axeAudit(page: Page): Promise<AxeSummary> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    // Next's development overlay, present only under `next dev`.
    .exclude("nextjs-portal")
    // In-page mode: the journeys open pages with browser.newPage(), whose one-page context the default mode (which
    // opens a blank page to merge frame results) refuses. Faultline has no iframes, the one thing legacy mode skips.
    .setLegacyMode(true)
    .analyze();
  const rules = zero();
  const elements = zero();
  const violations: AxeViolation[] = results.violations.map((v) => {
    const impact = (v.impact ?? "minor") as Impact;
    rules[impact] += 1;
    elements[impact] += v.nodes.length;
    return {
      id: v.id,
      impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: (n.failureSummary ?? "").replace(/\s+/g, " ").trim() })),
    };
  });
  // A passing rule has no impact of its own; it weighs what its checks would weigh when failing (axe reports that
  // as the nodes' impact), else "moderate".
  const passWeight = results.passes.reduce((sum, r) => sum + WEIGHT[((r.impact ?? r.nodes[0]?.impact ?? "moderate") as Impact)], 0);
  const failWeight = violations.reduce((sum, v) => sum + WEIGHT[v.impact], 0);
  const score = passWeight + failWeight === 0 ? 100 : Math.round((100 * passWeight) / (passWeight + failWeight));
  return { url: page.url(), rules, elements, score, violations };
}

/** The serious and critical violations in words, one line per element, for a failing assertion's message. */
export function describeBlocking(summary: AxeSummary): string {
  return summary.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}) at ${n.target}: ${n.summary}`))
    .join("\n");
}

/** Fails when the page has any serious or critical axe violation; returns the audit for reporting. */
export async function expectAccessible(page: Page, label = page.url()): Promise<AxeSummary> {
  const summary = await axeAudit(page);
  const blocking = describeBlocking(summary);
  if (blocking) throw new Error(`axe: ${label} has serious or critical violations:\n${blocking}`);
  return summary;
}

/**
 * Registers an afterEach that audits the page each test ends on (skipped when the page is blank or closed). For
 * the shared journey setups; a journey that visits several pages in one test also calls `expectAccessible` itself.
 */
export function auditAfterEachTest(getPage: () => Page | undefined): void {
  afterEach(async () => {
    const page = getPage();
    if (!page || page.isClosed() || !/^https?:/.test(page.url())) return;
    // Let a page that is still streaming (Suspense) settle before judging it.
    await page.waitForLoadState("load");
    await expectAccessible(page);
  });
}
