// Notifications in a real browser: the admin follows a theme, an analyst logs an event in it, the admin's bell counts
// it and the inbox lists it; marking it read empties the bell. Screenshots of the inbox at desktop and phone width,
// light and dark, land in test-results/.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./app-server";
import { auditAfterEachTest } from "./axe";
import { launchBrowser } from "./browser";
import { signInAs, createAccountThroughAdmin } from "./sign-in";

const ANA = { name: "Ana Analyst", email: "ana.notify@example.test", password: "correct horse battery 2024", role: "ANALYST" };
const TITLE = "Naval drill announced off Wonsan (notification journey)";

let app: AppServer;
let browser: Browser;
let lastPage: Page | undefined;
let admin: Page;
let themeId = "";
let themeName = "";

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

auditAfterEachTest(() => lastPage);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signedIn(who?: { email: string; password: string }, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
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

describe("notifications", () => {
  it("the admin creates an analyst and subscribes to a theme", async () => {
    admin = await signedIn();
    await admin.goto(`${app.baseUrl}/admin/users`);
    await createAccountThroughAdmin(admin, ANA);

    await admin.goto(`${app.baseUrl}/themes`);
    await admin.locator("main a[href^='/themes/']").first().click();
    await admin.waitForURL(/\/themes\/\d+$/);
    themeName = (await admin.locator("h1").textContent())!.trim();
    themeId = new URL(admin.url()).pathname.split("/").pop()!;
    await admin.getByRole("button", { name: `Subscribe to ${themeName}` }).click();
    await admin.getByRole("button", { name: `Unsubscribe from ${themeName}` }).waitFor();
    expect(await admin.getByTestId("subscribe-button").getAttribute("aria-pressed")).toBe("true");

    await admin.goto(`${app.baseUrl}/account`);
    expect(await admin.getByTestId("subscriptions").textContent()).toContain(themeName);
  });

  it("another user logs an event in the theme: the bell counts it and the inbox lists it", async () => {
    await admin.goto(`${app.baseUrl}/inbox`);
    const before = await bellCount(admin);

    const ana = await signedIn(ANA);
    await ana.goto(`${app.baseUrl}/events/new`);
    await ana.getByLabel("Title").fill(TITLE);
    await ana.getByLabel("Day only (time unknown)").check();
    await ana.getByLabel("Date", { exact: true }).fill("2024-11-05");
    await ana.getByLabel("Category").selectOption("MILITARY");
    await ana.getByLabel("Theme").selectOption(themeId);
    await ana.getByLabel(/^Countries/).fill("KP");
    await ana.getByRole("button", { name: "Create event" }).click();
    await ana.waitForURL(/\/events\/\d+$/);
    const eventPath = new URL(ana.url()).pathname;
    // The author is not told about their own event.
    expect(await bellCount(ana)).toBe(0);

    lastPage = admin;
    await admin.reload();
    expect(await bellCount(admin)).toBe(before + 1);
    expect(await admin.getByTestId("bell").getAttribute("aria-label")).toBe(`Inbox, ${before + 1} unread notification${before + 1 === 1 ? "" : "s"}`);
    const item = admin.getByTestId("inbox").locator("li").filter({ hasText: TITLE });
    await expect(item.getAttribute("data-unread")).resolves.toBe("true");
    expect(await item.textContent()).toContain(`New event in ${themeName}`);
    expect(await item.getByRole("link").getAttribute("href")).toBe(eventPath);
  });

  it("looks right at desktop and phone width, light and dark", async () => {
    for (const [width, height] of [[1440, 900], [390, 844]] as const) {
      for (const scheme of ["light", "dark"] as const) {
        await admin.setViewportSize({ width, height });
        await admin.emulateMedia({ colorScheme: scheme });
        await admin.goto(`${app.baseUrl}/inbox`);
        await admin.getByTestId("bell-count").waitFor();
        await admin.screenshot({ path: `test-results/inbox-${width}-${scheme}.png` });
        // The bell stays in the header at every width, outside the phone menu.
        expect(await admin.getByTestId("bell").isVisible()).toBe(true);
      }
    }
    await admin.setViewportSize({ width: 1440, height: 900 });
    await admin.emulateMedia({ colorScheme: "light" });
  });

  it("mark all read empties the bell", async () => {
    lastPage = admin;
    await admin.goto(`${app.baseUrl}/inbox`);
    await admin.getByRole("button", { name: "Mark all read" }).click();
    await admin.getByRole("button", { name: "Mark all read" }).waitFor({ state: "detached" });
    await expect.poll(() => bellCount(admin), { timeout: 10_000 }).toBe(0);
    expect(await admin.getByTestId("bell").getAttribute("aria-label")).toBe("Inbox, no unread notifications");
    expect(await admin.getByTestId("inbox").locator("li[data-unread]").count()).toBe(0);
    await admin.reload();
    expect(await bellCount(admin)).toBe(0);
  });

  it("an admin creates a webhook: the secret is shown once", async () => {
    lastPage = admin;
    await admin.goto(`${app.baseUrl}/admin/webhooks`);
    const form = admin.locator("form", { has: admin.getByRole("button", { name: "Create webhook" }) });
    await form.getByLabel("Name").fill("Risk desk chat");
    await form.getByLabel("URL").fill("http://127.0.0.1:9/hooks/faultline");
    await form.getByRole("button", { name: "Create webhook" }).click();
    const secret = (await admin.getByTestId("new-webhook-secret").textContent())!;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    await admin.screenshot({ path: "test-results/webhooks-1440-light.png", fullPage: true });
    await admin.reload();
    expect(await admin.getByTestId("webhook").count()).toBe(1);
    expect(await admin.content()).not.toContain(secret);
    await admin.goto(`${app.baseUrl}/admin/jobs`);
    await admin.getByRole("heading", { name: "Webhook deliveries that failed every attempt" }).waitFor();
  });

  it("seeded events whose window has closed carry a stored verdict, with a Subscribe button beside the title", async () => {
    lastPage = admin;
    await admin.goto(`${app.baseUrl}/events?q=partnership+treaty`);
    const href = (await admin.getByRole("link", { name: /Comprehensive Strategic Partnership Treaty/ }).first().getAttribute("href"))!;
    // The worker scores due events once at start; give it a moment on a busy machine.
    await expect.poll(async () => {
      await admin.goto(`${app.baseUrl}${href}`);
      return admin.getByTestId("event-verdicts").count();
    }, { timeout: 60_000, interval: 2_000 }).toBe(1);
    expect(await admin.getByTestId("event-verdicts").textContent()).toMatch(/Scored .* UTC on prices up to \d{4}-\d{2}-\d{2} · market model/);
    expect(await admin.getByTestId("subscribe-button").textContent()).toContain("Subscribe");
    await admin.getByTestId("event-verdicts").screenshot({ path: "test-results/event-verdicts-1440-light.png" });
  });
});
