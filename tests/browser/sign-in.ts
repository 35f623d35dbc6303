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

/** Creates an account through the admin's Accounts page (`admin` is signed in as an admin and on /admin/users). */
export async function createAccountThroughAdmin(admin: Page, who: { name: string; email: string; password: string; role: string }): Promise<void> {
  const form = admin.locator("form", { has: admin.getByRole("button", { name: "Create account" }) });
  await form.getByLabel("Name").fill(who.name);
  await form.getByLabel("Email").fill(who.email);
  await form.getByLabel("Initial password").fill(who.password);
  await form.getByLabel("Role").selectOption(who.role);
  await form.getByRole("button", { name: "Create account" }).click();
  await admin.getByRole("status").filter({ hasText: `Account ${who.email} created` }).waitFor();
}
