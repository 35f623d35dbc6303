// The asset chart's view lives in the URL: custom range, comparison assets rebased to 100, log scale, and the data
// table behind the chart.
import { describe, expect, it } from "vitest";
import { signedInPageForFile } from "./signed-in-page";

const session = signedInPageForFile();

const lines = () => session.page.locator("[data-testid=price-chart] .recharts-line-curve");

describe("the asset chart view", () => {
  it("compares assets rebased to 100 over a custom range, from the settings form", async () => {
    await session.page.goto(`${session.app.baseUrl}/assets/%5EKS11`);
    await session.page.getByLabel("From").first().fill("2024-01-02");
    await session.page.getByLabel("To").first().fill("2024-12-30");
    await session.page.getByLabel("Compare with (rebased to 100)").fill("ewy, ^gspc");
    await session.page.getByRole("button", { name: "Apply" }).click();
    await session.page.waitForURL(/from=2024-01-02/);
    await lines().first().waitFor();
    expect(await lines().count()).toBe(3);
    await session.page.getByText(/Rebased to 100 on 2024-01-02/).waitFor();
    // The first row of the data table is the base: every series at 100.
    const table = session.page.locator("[data-testid=price-data-table]");
    await table.locator("summary").click();
    const first = await table.locator("tbody tr").first().locator("td").allTextContents();
    expect(first).toEqual(["2024-01-02", "100.00", "100.00", "100.00"]);
    const lastDate = await table.locator("tbody tr").last().locator("td").first().textContent();
    expect(lastDate! <= "2024-12-30").toBe(true);
    // Event markers stay on the rebased line.
    expect(await session.page.locator("[data-testid=price-chart] .event-marker").count()).toBeGreaterThan(3);
  });

  it("switches to a log scale and back through the URL, keeping the rest of the view", async () => {
    await session.page.getByRole("link", { name: "log" }).click();
    await session.page.waitForURL(/scale=log/);
    expect(session.page.url()).toMatch(/compare=EWY%2C%5EGSPC/);
    await lines().first().waitFor();
    await session.page.getByRole("link", { name: "1Y" }).click();
    await session.page.waitForURL((u) => u.searchParams.get("range") === "1Y" && !u.searchParams.has("from"));
    expect(new URL(session.page.url()).searchParams.get("scale")).toBe("log");
  });

  it("says which comparison symbols are not tracked, and explains an impossible range", async () => {
    await session.page.goto(`${session.app.baseUrl}/assets/%5EKS11?compare=NOPE`);
    await session.page.getByRole("alert").filter({ hasText: "Not tracked, so not compared: NOPE" }).waitFor();
    await session.page.goto(`${session.app.baseUrl}/assets/%5EKS11?from=2024-06-01&to=2024-01-01`);
    await session.page.getByRole("alert").filter({ hasText: "The end date must be on or after the start date" }).waitFor();
    await lines().first().waitFor(); // the default view is still drawn
  });
});
