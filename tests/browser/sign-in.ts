import type { Page } from "playwright-core";
import { TEST_ADMIN } from "./app-server";

/** Signs in through the login form, as a user would. */
export async function signInAs(page: Page, baseUrl: string, who: { email: string; password: string } = TEST_ADMIN): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}
