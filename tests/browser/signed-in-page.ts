// The setup most journeys share: Faultline started as `npm start` on its own data, Chromium, and one page signed in
// as the test admin. Registers its own beforeAll/afterAll, and an afterEach that audits the page each test ends on
// with axe-core (tests/browser/axe.ts); read the fields inside tests.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startApp, type AppServer } from "./app-server";
import { auditAfterEachTest } from "./axe";
import { launchBrowser } from "./browser";
import { signInAs } from "./sign-in";

export interface SignedInPage {
  app: AppServer;
  browser: Browser;
  page: Page;
}

export function signedInPageForFile(viewport = { width: 1280, height: 900 }): SignedInPage {
  const ctx = {} as SignedInPage;
  beforeAll(async () => {
    ctx.app = await startApp();
    ctx.browser = await launchBrowser();
    ctx.page = await ctx.browser.newPage({ viewport });
    await signInAs(ctx.page, ctx.app.baseUrl);
  });
  auditAfterEachTest(() => ctx.page);
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.app?.stop();
  });
  return ctx;
}
