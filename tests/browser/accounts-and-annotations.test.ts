// Issue 5's "Done when", walked in a real browser: the admin creates accounts, an analyst logs and annotates an event
// and pins a note to a chart, two analysts edit the same event, a viewer is stopped, and a CSV import reports a
// duplicate. Each person has a browser context of their own, so their cookies never mix.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./app-server";
import { auditAfterEachTest } from "./axe";
import { launchBrowser } from "./browser";
import { signInAs, createAccountThroughAdmin } from "./sign-in";

const PASSWORD = "correct horse battery 2024";
const ANA = { name: "Ana Analyst", email: "ana@example.test", password: PASSWORD, role: "ANALYST" };
const BEN = { name: "Ben Analyst", email: "ben@example.test", password: PASSWORD, role: "ANALYST" };
const VIC = { name: "Vic Viewer", email: "vic@example.test", password: PASSWORD, role: "VIEWER" };
type Person = typeof ANA;

const TITLE = "Pyongyang hosts Russian naval delegation (browser journey)";

let app: AppServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** The page opened last: each test ends on it, and axe audits it then. */
let lastPage: Page | undefined;
/** The event the analyst logs; later tests open it. */
let eventId = 0;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

auditAfterEachTest(() => lastPage);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** A fresh browser profile signed in as `who`. */
async function signedIn(who?: Person): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  lastPage = page;
  await signInAs(page, app.baseUrl, who);
  return page;
}


/** The event as the API reads it, with this page's session cookie. */
async function readEvent(page: Page, id: number): Promise<{ title: string; summary: string; version: number }> {
  const res = await page.request.get(`${app.baseUrl}/api/v1/events/${id}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as { title: string; summary: string; version: number };
}

describe("accounts, events and notes, as a new team would use them", () => {
  it("the admin creates an analyst, a second analyst and a viewer", async () => {
    const admin = await signedIn();
    await admin.goto(`${app.baseUrl}/admin/users`);
    for (const who of [ANA, BEN, VIC]) await createAccountThroughAdmin(admin, who);

    await admin.reload();
    for (const who of [ANA, BEN, VIC]) {
      const row = admin.getByRole("row").filter({ hasText: who.email });
      await expect(row.getByLabel("Role").inputValue()).resolves.toBe(who.role);
    }
    // The new analyst can sign in with the password the admin chose.
    const ana = await signedIn(ANA);
    await expect(ana.getByTestId("signed-in-as").textContent()).resolves.toContain("Ana Analyst · Analyst");
  });

  it("the analyst logs an event and links two exposed assets with their hypotheses", async () => {
    const ana = await signedIn(ANA);
    await ana.goto(`${app.baseUrl}/events/new`);
    await ana.getByLabel("Title").fill(TITLE);
    await ana.getByLabel("Day only (time unknown)").check();
    await ana.getByLabel("Date", { exact: true }).fill("2024-11-05");
    await ana.getByLabel("Category").selectOption("DIPLOMACY");
    await ana.getByLabel(/^Severity/).fill("3");
    await ana.getByLabel(/^Countries/).fill("RU, KP");
    await ana.getByLabel("Summary").fill("A delegation of the Pacific Fleet visits Wonsan.");
    await ana.getByRole("button", { name: "Create event" }).click();
    await ana.waitForURL(/\/events\/\d+$/);
    eventId = Number(new URL(ana.url()).pathname.split("/").pop());
    await expect(ana.locator("h1").textContent()).resolves.toBe(TITLE);

    const link = async (symbol: string, direction: string, rationale: string) => {
      const form = ana.locator("form", { has: ana.getByRole("button", { name: "Link or update" }) });
      await form.getByLabel("Asset").selectOption(symbol);
      await form.getByLabel("Expected direction").selectOption(direction);
      await form.getByLabel("Rationale").fill(rationale);
      await form.getByRole("button", { name: "Link or update" }).click();
      await ana.getByTestId("hypotheses").locator("li", { hasText: symbol }).waitFor();
    };
    await link("^KS11", "DOWN", "Peninsula risk premium widens");
    await link("KRW=X", "UP", "Won weakens on the headline");

    const hypotheses = ana.getByTestId("hypotheses").locator("li");
    await expect(hypotheses.count()).resolves.toBe(2);
    const ks11 = await hypotheses.filter({ hasText: "^KS11" }).textContent();
    expect(ks11).toContain("expected down");
    expect(ks11).toContain("set by Ana Analyst");
    // Stated in 2025 or later about a 2024 event: the page says it came after the fact.
    expect(ks11).toContain("after the event");
    await expect(hypotheses.filter({ hasText: "KRW=X" }).textContent()).resolves.toContain("expected up");
  });

  it("the analyst's Markdown note renders, and a <script> in it stays inert", async () => {
    expect(eventId).toBeGreaterThan(0);
    const ana = await signedIn(ANA);
    const dialogs: string[] = [];
    ana.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await ana.goto(`${app.baseUrl}/events/${eventId}`);
    const body = [
      "**Watch the won** before the open.",
      "",
      "<script>window.__pwned = 1; alert('xss')</script>",
      "",
      "<img src=x onerror=\"window.__pwned = 2\">",
      "",
      "[context](javascript:alert(1)) and [source](https://example.org/report)",
    ].join("\n");
    await ana.getByLabel("Add note").fill(body);
    await ana.getByRole("button", { name: "Add note" }).click();
    const note = ana.locator("li[data-note-id]", { hasText: "Watch the won" });
    await note.waitFor();

    await expect(note.locator("strong", { hasText: "Watch the won" }).count()).resolves.toBe(1);
    await expect(note.locator("script, img, iframe").count()).resolves.toBe(0);
    await expect(note.locator("a", { hasText: "source" }).getAttribute("href")).resolves.toBe("https://example.org/report");
    // The javascript: link loses its target, so clicking it runs nothing.
    expect((await note.locator("a", { hasText: "context" }).getAttribute("href")) ?? "").not.toMatch(/javascript/i);
    // Also after a reload, when the note comes from the server-rendered HTML.
    await ana.reload();
    await ana.locator("li[data-note-id]", { hasText: "Watch the won" }).waitFor();
    await expect(ana.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it("the analyst pins a note to an asset date and sees its marker on the chart", async () => {
    const ana = await signedIn(ANA);
    await ana.goto(`${app.baseUrl}/assets/EWY?range=1Y`);
    const form = ana.locator("form", { has: ana.getByRole("button", { name: "Pin note" }) });
    const pinned = await form.getByLabel("Date").inputValue();
    expect(pinned).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await form.getByLabel("Pin note").fill("Korea ETF outflows after the delegation");
    await form.getByRole("button", { name: "Pin note" }).click();

    await ana.getByTestId("pinned-notes").locator("li", { hasText: "Korea ETF outflows" }).waitFor();
    // The chart draws the note on its session, in the notes' own marker, named by its text.
    const marker = ana.locator(`[data-testid=note-marker][data-session="${pinned}"]`);
    await marker.waitFor({ state: "attached" });
    await expect(marker.getAttribute("aria-label")).resolves.toContain("Korea ETF outflows after the delegation");
  });

  it("two analysts edit the same event: the second save is refused, names who changed it and keeps their text", async () => {
    expect(eventId).toBeGreaterThan(0);
    const [ana, ben] = await Promise.all([signedIn(ANA), signedIn(BEN)]);
    await Promise.all([ana.goto(`${app.baseUrl}/events/${eventId}/edit`), ben.goto(`${app.baseUrl}/events/${eventId}/edit`)]);
    const startVersion = (await readEvent(ana, eventId)).version;

    await ana.getByLabel("Title").fill(`${TITLE} — confirmed`);
    await ana.getByRole("button", { name: "Save changes" }).click();
    await ana.waitForURL(new RegExp(`/events/${eventId}$`));

    const bensSummary = "Ben's reading: the visit was a port call, not a deployment.";
    await ben.getByLabel("Summary").fill(bensSummary);
    await ben.getByRole("button", { name: "Save changes" }).click();
    const conflict = ben.locator('[role=alert][data-status="409"]');
    await conflict.waitFor();
    const message = await conflict.textContent();
    expect(message).toContain("changed by Ana Analyst");
    expect(message).toMatch(/at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    expect(new URL(ben.url()).pathname).toBe(`/events/${eventId}/edit`);
    await expect(ben.getByLabel("Summary").inputValue()).resolves.toBe(bensSummary);

    // Ana's save is the one that counts; Ben's did not overwrite it.
    const stored = await readEvent(ben, eventId);
    expect(stored.version).toBe(startVersion + 1);
    expect(stored.title).toBe(`${TITLE} — confirmed`);
    expect(stored.summary).not.toBe(bensSummary);
  });

  it("the viewer reads but is stopped at every write", async () => {
    expect(eventId).toBeGreaterThan(0);
    const vic = await signedIn(VIC);
    await vic.goto(`${app.baseUrl}/events/${eventId}`);
    await vic.locator("h1").waitFor();
    for (const name of ["Edit event", "Delete", "Edit", "Link or update", "Add note", "New event", "Import"]) {
      await expect(vic.getByRole("link", { name, exact: true }).or(vic.getByRole("button", { name, exact: true })).count(), name).resolves.toBe(0);
    }
    await expect(vic.getByText("Watch the won").count()).resolves.toBeGreaterThan(0);

    const post = await vic.request.post(`${app.baseUrl}/api/v1/events`, {
      data: { title: "Viewer's event", occurredAt: "2024-11-06", category: "OTHER", severity: 2, countries: ["KP"] },
    });
    expect(post.status()).toBe(403);
    await expect(post.json()).resolves.toMatchObject({ error: { status: 403, code: "forbidden" } });
    const note = await vic.request.post(`${app.baseUrl}/api/v1/annotations`, { data: { eventId, body: "viewer note" } });
    expect(note.status()).toBe(403);

    await vic.goto(`${app.baseUrl}/events/new`);
    expect(new URL(vic.url()).pathname).toBe("/forbidden");
    await expect(vic.locator("h1").textContent()).resolves.toBe("Your role does not allow this");
    await vic.goto(`${app.baseUrl}/admin/users`);
    expect(new URL(vic.url()).pathname).toBe("/forbidden");
  });

  it("the analyst deletes an unused theme, and is told to merge one that events still use", async () => {
    const ana = await signedIn(ANA);
    await ana.goto(`${app.baseUrl}/themes`);
    const create = ana.locator("form", { has: ana.getByRole("button", { name: "Create theme" }) });
    await create.getByLabel("Name").fill("Journey scratch theme");
    await create.getByRole("button", { name: "Create theme" }).click();
    const remove = ana.getByRole("button", { name: "Delete theme Journey scratch theme" });
    await remove.waitFor();
    await remove.click();
    await remove.waitFor({ state: "detached" });
    await expect(ana.locator("input[name=name]").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).resolves.not.toContain("Journey scratch theme");

    const used = ana.locator("form", { has: ana.getByRole("button", { name: /^Delete theme / }) }).first();
    await used.getByRole("button").click();
    await expect(used.getByRole("alert").textContent()).resolves.toMatch(/still uses? the theme .*: merge it into another theme/);
  });

  it("the admin suspends the viewer, whose open session ends at once, then unbans them", async () => {
    const vic = await signedIn(VIC);
    const admin = await signedIn();
    await admin.goto(`${app.baseUrl}/admin/users`);
    const row = () => admin.getByRole("row").filter({ hasText: VIC.email });
    await row().getByLabel(`Reason to suspend ${VIC.name}`).fill("Contract ended");
    await row().getByRole("button", { name: "Suspend" }).click();
    await expect(row().getByText("Suspended: Contract ended").waitFor()).resolves.toBeUndefined();

    await vic.goto(`${app.baseUrl}/events`);
    expect(new URL(vic.url()).pathname).toBe("/login");
    await vic.getByLabel("Email").fill(VIC.email);
    await vic.getByLabel("Password").fill(VIC.password);
    await vic.getByRole("button", { name: "Sign in" }).click();
    await vic.getByRole("alert").filter({ hasText: "This account is suspended" }).waitFor();

    await row().getByRole("button", { name: "Unban" }).click();
    await row().getByRole("button", { name: "Suspend" }).waitFor();
    await signInAs(vic, app.baseUrl, VIC);
    await expect(vic.getByTestId("signed-in-as").textContent()).resolves.toContain("Vic Viewer · Viewer");
  });

  it("the analyst imports a small CSV: new rows are created and a duplicate of a logged event is reported, not doubled", async () => {
    const ana = await signedIn(ANA);
    await ana.goto(`${app.baseUrl}/events/import`);
    const csv = [
      "date,title,category,countries,source_url,severity",
      "2024-11-20,Journey import: Rason rail link reopens,economic,RU;KP,https://example.org/rason,2",
      "2024-06-19,Putin and Kim sign the Comprehensive Strategic Partnership Treaty in Pyongyang,treaty,RU;KP,https://example.org/treaty,5",
      "2024-12-02,Journey import: Moscow hosts DPRK trade fair,economic;diplomacy,RU;KP,https://example.org/fair,",
    ].join("\n");
    await ana.getByLabel("…or paste it here").fill(csv);
    await ana.getByRole("button", { name: "Import" }).click();
    const report = ana.getByTestId("import-report");
    await report.waitFor();
    const text = await report.textContent();
    expect(text).toContain("Imported 2 events; 1 duplicate skipped.");
    expect(text).toMatch(/Row 3 \(2024-06-19 .Putin and Kim sign the Comprehensive Strategic Partnership Treaty in Pyongyang.\) duplicates event \d+/);

    const res = await ana.request.get(`${app.baseUrl}/api/v1/events?from=2024-06-19&to=2024-06-19`);
    const page = (await res.json()) as { data: { title: string }[] };
    expect(page.data.filter((e) => e.title.startsWith("Putin and Kim sign"))).toHaveLength(1);
    const listed = (await (await ana.request.get(`${app.baseUrl}/api/v1/events?from=2024-11-20&to=2024-12-02`)).json()) as {
      data: { title: string; severity: number; category: string; tags: string[] }[];
    };
    const imported = listed.data.filter((e) => e.title.startsWith("Journey import:")).sort((a, b) => a.title.localeCompare(b.title));
    expect(imported.map((e) => e.title)).toEqual(["Journey import: Moscow hosts DPRK trade fair", "Journey import: Rason rail link reopens"]);
    // An empty severity takes the default, and a second category becomes a tag.
    expect(imported[0]).toMatchObject({ severity: 3, category: "ECONOMIC", tags: ["diplomacy"] });
  });

  it("the admin reaches Jobs from the menu, and a revoked token's secret leaves the screen; every page has an icon", async () => {
    const admin = await signedIn();
    await admin.goto(`${app.baseUrl}/admin/tokens`);
    await admin.getByRole("navigation").getByRole("link", { name: "Jobs", exact: true }).first().click();
    await admin.waitForURL(/\/admin\/jobs$/);
    await admin.getByRole("heading", { level: 1, name: "Jobs" }).waitFor();

    await admin.goto(`${app.baseUrl}/admin/tokens`);
    await admin.getByLabel("Name").fill("journey token");
    await admin.getByRole("button", { name: "Issue token" }).click();
    const secret = (await admin.getByTestId("new-token").textContent()) ?? "";
    expect(secret.length).toBeGreaterThan(20);
    const row = admin.getByRole("row").filter({ hasText: "journey token" });
    await row.getByRole("button", { name: "Revoke" }).click();
    await row.getByText(/^revoked /).waitFor();
    await admin.getByTestId("new-token-revoked").waitFor();
    expect(await admin.getByTestId("new-token").count()).toBe(0);
    expect(await admin.content()).not.toContain(secret);

    // The page links its icon, and /favicon.ico (asked for by browsers and feed readers) answers too, signed in or not.
    const icon = await admin.locator("link[rel=icon]").first().getAttribute("href");
    expect(icon).toBeTruthy();
    for (const path of [icon!, "/favicon.ico"]) {
      const res = await fetch(new URL(path, app.baseUrl));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^image\//);
    }
  });
});
