// Finding an event and reading its study: search the log, open the treaty, see the study across assets and per asset.
import { describe, expect, it } from "vitest";
import { signedInPageForFile } from "./signed-in-page";

const session = signedInPageForFile();

describe("the event log and an event's study", () => {
  it("searches the log, with the search in the URL", async () => {
    await session.page.goto(`${session.app.baseUrl}/events`);
    await session.page.getByLabel("Search").fill("partnership treaty");
    await session.page.getByRole("button", { name: "Filter" }).click();
    await session.page.waitForURL(/q=partnership\+treaty/);
    const titles = await session.page.locator("table tbody tr td:nth-child(2) a").allTextContents();
    expect(titles.length).toBeGreaterThanOrEqual(1);
    expect(titles.every((t) => /treaty/i.test(t))).toBe(true);
  });

  it("opens the treaty and shows the study across assets and per asset, with its parameters", async () => {
    await session.page.getByRole("link", { name: /sign the Comprehensive Strategic Partnership Treaty/ }).click();
    await session.page.waitForURL(/\/events\/\d+$/);
    await session.page.locator("[data-testid=event-aggregate]").waitFor({ timeout: 30_000 });
    await session.page.locator("[data-testid=caar-chart] .recharts-surface").first().waitFor();
    const ks11 = session.page.locator("[data-testid='study-^KS11']");
    await ks11.waitFor();
    await ks11.locator("[data-testid='car-chart-^KS11'] .recharts-surface").first().waitFor();
    const text = (await ks11.textContent()) ?? "";
    // Every figure says its parameters and gives a verdict in words.
    expect(text).toMatch(/market model|constant-mean/i);
    expect(text).toMatch(/\[−250, −11\]|\[-250, -11\]/);
    expect(text).toMatch(/No detectable effect|Abnormal move/);
  });

  it("changes the model through the URL and shows the constant-mean study", async () => {
    const url = new URL(session.page.url());
    url.searchParams.set("model", "constant-mean");
    await session.page.goto(url.toString());
    const ks11 = session.page.locator("[data-testid='study-^KS11']");
    await ks11.waitFor({ timeout: 30_000 });
    expect(await ks11.textContent()).toMatch(/constant-mean/i);
  });
});
