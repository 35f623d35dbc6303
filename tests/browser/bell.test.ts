// The header's bell stays current without the root layout rendering again: an analyst logs an event in a theme the
// admin follows, and the admin's bell counts it after a client-side navigation (the same document, no reload), after
// a minute on the same page, and at once when a hidden tab is shown again — while a hidden tab and a signed-out
// visitor ask the server nothing. Time is moved with Playwright's clock, so the minute does not have to pass.
import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./app-server";
import { auditAfterEachTest } from "./axe";
import { launchBrowser } from "./browser";
import { signInAs, createAccountThroughAdmin } from "./sign-in";

const ANA = { name: "Ana Bell", email: "ana.bell@example.test", password: "correct horse battery 2024", role: "ANALYST" };
const UNREAD = "/api/v1/notifications/unread";

let app: AppServer;
let browser: Browser;
let lastPage: Page | undefined;
let ana: BrowserContext;
let themeId = "";
let logged = 0;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

auditAfterEachTest(() => lastPage);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signedIn(who?: { email: string; password: string }, { clock = false } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  if (clock) await context.clock.install();
  const page = await context.newPage();
  lastPage = page;
  await signInAs(page, app.baseUrl, who);
  return page;
}

/** The bell's number, or 0 when it shows none. */
async function bellCount(page: Page): Promise<number> {
  const badge = page.getByTestId("bell-count");
  return (await badge.count()) ? Number(await badge.textContent()) : 0;
}

/** Every request the page sends for the unread count, as it is sent. */
function unreadRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === UNREAD) seen.push(r);
  });
  return seen;
}

/** The analyst logs an event in the followed theme over the API (with her session): the admin is told once. */
async function logEvent(): Promise<void> {
  logged++;
  const res = await ana.request.post(`${app.baseUrl}/api/v1/events`, {
    headers: { origin: app.baseUrl },
    data: { title: `Border incident ${logged} (bell journey)`, occurredAt: "2024-11-05", category: "MILITARY", severity: 3, countries: ["KP"], themeId: Number(themeId) },
  });
  expect(res.status()).toBe(201);
}

/** Makes the page believe its tab was hidden or shown again, as switching tabs does. */
async function setVisibility(page: Page, state: "hidden" | "visible"): Promise<void> {
  await page.evaluate((s) => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => s });
    document.dispatchEvent(new Event("visibilitychange"));
  }, state);
}

describe("the bell", () => {
  it("the admin creates an analyst and follows a theme", async () => {
    const admin = await signedIn();
    await admin.goto(`${app.baseUrl}/admin/users`);
    await createAccountThroughAdmin(admin, ANA);

    await admin.goto(`${app.baseUrl}/themes`);
    await admin.locator("main a[href^='/themes/']").first().click();
    await admin.waitForURL(/\/themes\/\d+$/);
    const themeName = (await admin.locator("h1").textContent())!.trim();
    themeId = new URL(admin.url()).pathname.split("/").pop()!;
    await admin.getByRole("button", { name: `Subscribe to ${themeName}` }).click();
    await admin.getByRole("button", { name: `Unsubscribe from ${themeName}` }).waitFor();

    ana = (await signedIn(ANA)).context();
    await admin.context().close();
  });

  it("counts a notification that arrived since the page loaded after a client-side navigation, without a reload", async () => {
    const admin = await signedIn();
    await admin.goto(`${app.baseUrl}/themes/${themeId}`);
    const before = await bellCount(admin);
    const asked = unreadRequests(admin);
    await admin.evaluate(() => Object.assign(window, { sameDocument: true }));

    await logEvent();
    expect(await bellCount(admin)).toBe(before);

    await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Events", exact: true }).click();
    await admin.waitForURL(/\/events$/);
    await expect.poll(() => bellCount(admin), { timeout: 10_000 }).toBe(before + 1);
    expect(await admin.getByTestId("bell").getAttribute("aria-label")).toBe(`Inbox, ${before + 1} unread notification${before + 1 === 1 ? "" : "s"}`);
    // The layout was not rendered again: the same document asked the API.
    expect(await admin.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(asked.length).toBeGreaterThanOrEqual(1);
    await admin.getByTestId("bell").screenshot({ path: "test-results/bell-after-navigation-1440-light.png" });

    // The inbox's own announcement still sets the bell: marking all read empties it without a reload.
    await admin.getByTestId("bell").click();
    await admin.waitForURL(/\/inbox$/);
    await admin.getByRole("button", { name: "Mark all read" }).click();
    await expect.poll(() => bellCount(admin), { timeout: 10_000 }).toBe(0);
  });

  it("asks every minute while the tab is visible, nothing while it is hidden, and at once when it is shown again", async () => {
    const admin = await signedIn(undefined, { clock: true });
    await admin.goto(`${app.baseUrl}/themes/${themeId}`);
    await admin.getByTestId("bell").waitFor();
    const before = await bellCount(admin);
    const asked = unreadRequests(admin);

    await logEvent();
    await admin.clock.fastForward(61_000);
    await expect.poll(() => bellCount(admin), { timeout: 10_000 }).toBe(before + 1);
    expect(asked.length).toBe(1);
    expect(new URL(admin.url()).pathname).toBe(`/themes/${themeId}`);

    await setVisibility(admin, "hidden");
    await logEvent();
    await admin.clock.fastForward(61_000);
    await admin.clock.fastForward(61_000);
    await admin.clock.fastForward(61_000);
    await admin.waitForTimeout(1_000);
    expect(asked.length).toBe(1);
    expect(await bellCount(admin)).toBe(before + 1);

    await setVisibility(admin, "visible");
    await expect.poll(() => bellCount(admin), { timeout: 10_000 }).toBe(before + 2);
    expect(asked.length).toBe(2);
  });

  it("asks nothing when nobody is signed in", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.clock.install();
    const page = await context.newPage();
    lastPage = page;
    const asked = unreadRequests(page);
    await page.goto(`${app.baseUrl}/login`);
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    await page.clock.fastForward(61_000);
    await page.clock.fastForward(61_000);
    await page.waitForTimeout(1_000);
    expect(asked).toEqual([]);
    expect(await page.getByTestId("bell").count()).toBe(0);
  });
});
