// The triage queue on the seeded demo data: the open items by size, one dismissed with a reason (and findable under
// "dismissed"), one explained by an event created from it (it leaves the queue), and the page at both widths in both
// themes for a look.
import { mkdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "./axe";
import { signedInPageForFile } from "./signed-in-page";

const session = signedInPageForFile({ width: 1440, height: 1000 });

const items = () => session.page.locator("[data-testid=triage-item]");

describe("the triage page", () => {
  it("lists the open moves by size, each with its assets' z, returns and a sparkline", async () => {
    const p = session.page;
    // A first start stores the demo bars in the background: the queue fills as soon as they are in.
    for (let tries = 0; ; tries++) {
      const res = await p.goto(`${session.app.baseUrl}/triage`);
      expect(res?.status()).toBe(200);
      if ((await items().count()) > 0 || tries >= 60) break;
      await p.waitForTimeout(1000);
    }
    await items().first().waitFor();
    expect(await items().count()).toBeGreaterThan(3);
    const first = items().first();
    expect(await first.locator("[data-testid=move-row]").count()).toBeGreaterThan(0);
    expect(await first.locator("svg[role=img]").count()).toBeGreaterThan(0);
    // Largest first: the header's max |z| never grows down the page.
    const maxZ = (await items().locator("text=/max \\|z\\| /").allTextContents()).map((t) => Number(t.replace(/[^0-9.]/g, "")));
    expect(maxZ.every((z) => z >= 3)).toBe(true);
    expect(maxZ).toEqual([...maxZ].sort((a, b) => b - a));
    // Filters live in the URL.
    await p.getByLabel("Min |z|").fill("4");
    await p.getByRole("button", { name: "Filter" }).click();
    await p.waitForURL(/minZ=4/);
    const filtered = (await items().locator("text=/max \\|z\\| /").allTextContents()).map((t) => Number(t.replace(/[^0-9.]/g, "")));
    expect(filtered.every((z) => z >= 4)).toBe(true);
    // A filter that cannot be read lists nothing and says which one, instead of silently listing something else.
    const bad = await p.goto(`${session.app.baseUrl}/triage?minZ=high&from=2024-13-01`);
    expect(bad?.status()).toBe(200);
    const alert = p.getByTestId("triage-filter-errors");
    await expect.poll(() => alert.textContent()).toMatch(/Min \|z\| is a number/);
    expect(await alert.textContent()).toMatch(/YYYY-MM-DD|not a real calendar date/);
    expect(await items().count()).toBe(0);
  });

  it("dismisses an item with a reason; it leaves the queue and is found under dismissed", async () => {
    const p = session.page;
    await p.goto(`${session.app.baseUrl}/triage`);
    const item = items().first();
    const id = await item.getAttribute("data-item-id");
    await item.getByRole("button", { name: "Dismiss…" }).click();
    const form = item.locator("[data-testid=dismiss-move]");
    await form.getByLabel("Dismiss because").selectOption("OTHER");
    await form.getByLabel("Reason").fill("Quarter-end flows");
    await form.getByRole("button", { name: "Dismiss" }).click();
    await p.locator(`[data-testid=triage-item][data-item-id="${id}"]`).waitFor({ state: "detached" });
    await p.goto(`${session.app.baseUrl}/triage?status=DISMISSED`);
    const dismissed = p.locator(`[data-testid=triage-item][data-item-id="${id}"]`);
    await dismissed.waitFor();
    expect(await dismissed.textContent()).toContain("Dismissed (Other: Quarter-end flows)");
  });

  it("links an item to a logged event picked from those within ten days of its session; it leaves the queue as linked", async () => {
    const p = session.page;
    await p.goto(`${session.app.baseUrl}/triage`);
    const item = items().first();
    const id = await item.getAttribute("data-item-id");
    const day = (await item.getAttribute("data-session"))!;
    // An event two days later that exposes nothing: it does not explain the move, so the item stays open until linked.
    const when = new Date(Date.parse(`${day}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
    const title = `Logged two days after ${day}`;
    const res = await p.request.post(`${session.app.baseUrl}/api/v1/events`, {
      headers: { origin: session.app.baseUrl },
      data: { title, occurredAt: when, category: "OTHER", severity: 2 },
    });
    expect(res.status()).toBe(201);
    const eventId = ((await res.json()) as { id: number }).id;
    await p.reload();
    const open = p.locator(`[data-testid=triage-item][data-item-id="${id}"]`);
    await open.getByRole("button", { name: "Link to an event…" }).click();
    const picker = open.locator("[data-testid=link-move]").getByLabel("Event");
    expect(await picker.locator("option").allTextContents()).toContain(`${when} · ${title}`);
    await picker.selectOption(String(eventId));
    await open.getByRole("button", { name: "Link", exact: true }).click();
    await open.waitFor({ state: "detached" });
    await p.goto(`${session.app.baseUrl}/triage?status=LINKED`);
    const linked = p.locator(`[data-testid=triage-item][data-item-id="${id}"]`);
    await linked.waitFor();
    expect(await linked.textContent()).toContain(`Linked to event ${eventId}`);
  });

  it("creates an event from an item, prefilled with its session and assets, and the item leaves the queue", async () => {
    const p = session.page;
    await p.goto(`${session.app.baseUrl}/triage`);
    const item = items().first();
    const id = await item.getAttribute("data-item-id");
    const day = await item.getAttribute("data-session");
    const symbols = await item.locator("[data-testid=move-row] th a").allTextContents();
    await item.getByTestId("create-event-from-move").click();
    await p.waitForURL(new RegExp(`/events/new\\?fromMove=${id}`));
    await p.getByTestId("from-move").waitFor();
    expect(await p.locator("[data-testid=exposure-row]").count()).toBe(symbols.length);
    await p.getByLabel("Title").fill(`Unexplained move on ${day} explained`);
    await p.getByRole("button", { name: "Create event" }).click();
    await p.waitForURL(/\/events\/\d+$/);
    await p.goto(`${session.app.baseUrl}/triage`);
    await items().first().waitFor();
    expect(await p.locator(`[data-testid=triage-item][data-item-id="${id}"]`).count()).toBe(0);
    await p.goto(`${session.app.baseUrl}/triage?status=ALL&from=${day}&to=${day}`);
    const resolved = p.locator(`[data-testid=triage-item][data-item-id="${id}"]`);
    await resolved.waitFor();
    expect(await resolved.textContent()).toContain("Resolved by");
  });

  it("shows the open count and the largest items on the overview", async () => {
    const p = session.page;
    await p.goto(`${session.app.baseUrl}/`);
    const card = p.getByTestId("triage-card");
    await card.waitFor();
    expect(Number(await card.locator(".tremor-Metric-root, p").nth(1).textContent())).toBeGreaterThan(0);
    await mkdir("test-results", { recursive: true });
    await p.getByTestId("kpi-cards").screenshot({ path: "test-results/triage-overview-card.png" });
  });

  it("renders at 1440 and 390 px in light and dark, without overflow and with no axe violation", async () => {
    const p = session.page;
    await mkdir("test-results", { recursive: true });
    for (const width of [1440, 390]) {
      for (const scheme of ["light", "dark"] as const) {
        await p.setViewportSize({ width, height: 1000 });
        await p.emulateMedia({ colorScheme: scheme });
        await p.goto(`${session.app.baseUrl}/triage`);
        await items().first().waitFor();
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await p.screenshot({ path: `test-results/triage-${width}-${scheme}.png`, fullPage: false });
        await expectAccessible(p); // every width and theme, not only the page each test ends on
        // The filters' error state.
        await p.goto(`${session.app.baseUrl}/triage?status=OPNE&minZ=high`);
        await p.getByTestId("triage-filter-errors").waitFor();
        expect(await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
        await p.screenshot({ path: `test-results/triage-bad-filter-${width}-${scheme}.png`, fullPage: false });
        await expectAccessible(p);

      }
    }
    await p.emulateMedia({ colorScheme: "light" });
  });
});
