// Recording an event: a failed save keeps every field (selects included) in the new and the edit form; the time is
// entered in a chosen zone with its UTC instant shown first; exposures are stated with the event; the summary
// renders as Markdown.
import { describe, expect, it } from "vitest";
import { signedInPageForFile } from "./signed-in-page";

const session = signedInPageForFile();

async function formState() {
  const p = session.page;
  return {
    title: await p.getByLabel("Title").inputValue(),
    category: await p.getByLabel("Category").inputValue(),
    theme: await p.getByLabel("Theme").inputValue(),
    countries: await p.getByLabel(/^Countries/).inputValue(),
    tags: await p.getByLabel(/^Tags/).inputValue(),
    summary: await p.getByLabel(/^Summary/).inputValue(),
  };
}

describe("the event form", () => {
  let eventUrl = "";

  it("keeps every field after a failed save, shows the UTC instant, and creates the event with its exposures", async () => {
    const p = session.page;
    await p.goto(`${session.app.baseUrl}/events/new`);
    await p.getByLabel("Title").fill("Treaty ratified in Pyongyang");
    await p.getByLabel("Category").selectOption("TREATY");
    const themeValue = await p.getByLabel("Theme").locator("option").nth(1).getAttribute("value");
    expect(themeValue).toBeTruthy();
    await p.getByLabel("Theme").selectOption(themeValue!);
    await p.getByLabel("Exact time").check();
    await p.getByLabel(/^Date and time/).fill("2024-06-19T10:00");
    await p.getByLabel("Time zone").selectOption("Asia/Seoul");
    await expect.poll(() => p.getByTestId("utc-preview").textContent()).toMatch(/Stored as 2024-06-19 01:00 UTC/);
    await p.getByLabel(/^Countries/).fill("RU, ZZ");
    await p.getByLabel(/^Tags/).fill("treaty, ratification");
    await p.getByLabel(/^Summary/).fill("The **Supreme People's Assembly** ratified it.\n\n- mutual defence\n- technology");
    await p.getByRole("button", { name: "Add an exposed asset" }).click();
    await p.getByLabel("Asset 1").selectOption("^KS11");
    await p.getByLabel("Direction 1").selectOption("DOWN");
    await p.getByLabel("Rationale 1").fill("Risk-off in Seoul");
    const typed = await formState();

    await p.getByRole("button", { name: "Create event" }).click();
    await p.locator("[data-field-error=countries]").waitFor();
    expect(await p.locator("[data-field-error=countries]").textContent()).toMatch(/ZZ is not an ISO 3166-1/);
    expect(await formState()).toEqual(typed);
    expect(typed).toMatchObject({ category: "TREATY", theme: themeValue });
    expect(await p.getByLabel("Time zone").inputValue()).toBe("Asia/Seoul");
    expect(await p.getByLabel(/^Date and time/).inputValue()).toBe("2024-06-19T10:00");
    expect(await p.getByLabel("Direction 1").inputValue()).toBe("DOWN");
    expect(await p.getByLabel("Rationale 1").inputValue()).toBe("Risk-off in Seoul");

    await p.getByLabel(/^Countries/).fill("RU, KP");
    await p.getByRole("button", { name: "Create event" }).click();
    await p.waitForURL(/\/events\/\d+$/);
    eventUrl = p.url();
    expect(await p.locator("time").first().textContent()).toBe("2024-06-19 01:00 UTC");
    expect(await p.getByTestId("event-summary").locator("strong").textContent()).toBe("Supreme People's Assembly");
    expect(await p.getByTestId("event-summary").locator("li").allTextContents()).toEqual(["mutual defence", "technology"]);
    expect(await p.getByTestId("hypotheses").textContent()).toMatch(/\^KS11 expected down — Risk-off in Seoul/);
  });

  it("keeps every field after a failed save in the edit form too", async () => {
    const p = session.page;
    await p.goto(`${eventUrl}/edit`);
    await p.getByLabel("Time zone").selectOption("Asia/Seoul");
    await p.getByLabel(/^Date and time/).fill("2024-06-19T11:30");
    await p.getByLabel("Category").selectOption("SUMMIT");
    await p.getByLabel("Theme").selectOption("");
    await p.getByLabel(/^Countries/).fill("KP, XX");
    const typed = await formState();
    await p.getByRole("button", { name: "Save changes" }).click();
    await p.locator("[data-field-error=countries]").waitFor();
    expect(await formState()).toEqual(typed);
    expect(typed).toMatchObject({ category: "SUMMIT", theme: "" });
    expect(await p.getByLabel(/^Date and time/).inputValue()).toBe("2024-06-19T11:30");

    await p.getByLabel("Day only (time unknown)").check();
    await expect.poll(() => p.getByTestId("utc-preview").textContent()).toMatch(/2024-06-19 \(a calendar day, no time\)/);
    await p.getByLabel(/^Countries/).fill("KP");
    await p.getByRole("button", { name: "Save changes" }).click();
    await p.waitForURL(/\/events\/\d+$/);
    expect(await p.locator("time").first().getAttribute("datetime")).toBe("2024-06-19T00:00:00.000Z");
  });
});
