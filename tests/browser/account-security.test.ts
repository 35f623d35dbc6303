// Accounts through the real front door: the production build over HTTP.
// - Suspended and deleted accounts, for every role: sign-in is refused (no session cookie), and a session that
//   outlived the suspension (one created by a sign-in racing the admin's click) is refused on pages, the JSON API and
//   server actions, so a suspended admin can neither create accounts nor mint API tokens.
// - better-auth's own endpoints: no renaming or email change around the account page's rules, and a password change
//   applies the password policy and always ends the other sessions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { banUser, createUser, deleteUser } from "@/lib/auth/users";
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { ADMIN, startDatabase, startFaultline, type App, type Database } from "@/scripts/reliability/harness";
import { postServerAction, SESSION_COOKIE, signInOverHttp } from "./http-session";

const PASSWORD = "suspension journey password 2024";
const ROLES: Role[] = ["VIEWER", "ANALYST", "ADMIN"];
const STATES = ["suspended", "deleted"] as const;

let database: Database;
let app: App;
let admin: Principal;
let ipCounter = 0;
/** A new address per sign-in: better-auth limits sign-ins per address, and each test stands for its own user. */
const nextIp = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  database = await startDatabase();
  // One asset is enough for these tests, and it spares the first-run seed and price backfill (a minute of CPU).
  await db().asset.create({ data: { symbol: "ACCT", name: "Account tests", assetClass: "OTHER", currency: "USD", exchange: "NONE", timeZone: "UTC", source: "DEMO" } });
  app = await startFaultline(database.url);
  const row = await db().user.findUniqueOrThrow({ where: { email: ADMIN.email } });
  admin = { id: row.id, name: row.name, email: row.email, role: "ADMIN", via: "session" };
});

afterAll(async () => {
  await app?.stop();
  await database?.remove();
});

async function get(path: string, cookie: string) {
  return fetch(`${app.baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
}

/** Whether a page was served to a signed-in user (200 with the user menu) or sent to the sign-in page. */
async function pageServed(path: string, cookie: string): Promise<boolean> {
  const res = await get(path, cookie);
  const body = await res.text();
  if (res.status >= 300 && res.status < 400) {
    expect(res.headers.get("location")).toMatch(/\/login$/);
    return false;
  }
  expect(res.status).toBe(200);
  return body.includes('data-testid="signed-in-as"');
}

/**
 * What a racing sign-in leaves behind: the suspension deletes the sessions it sees, and a sign-in that passed its
 * checks a moment earlier writes its session just after. Kept rows are written back after the change.
 */
async function withSessionsSurviving(userId: string, change: () => Promise<void>): Promise<void> {
  const sessions = await db().session.findMany({ where: { userId } });
  expect(sessions.length).toBeGreaterThan(0);
  await change();
  await db().session.createMany({ data: sessions });
}

async function counts() {
  return { users: await db().user.count(), tokens: await db().apiToken.count() };
}

describe("a suspended or deleted account is locked out over HTTP", () => {
  let created = 0;

  for (const role of ROLES) {
    for (const state of STATES) {
      it(`${role.toLowerCase()}, ${state}: sign-in refused, surviving session refused on pages, API and actions`, async () => {
        const email = `${state}-${role.toLowerCase()}@example.test`;
        const user = await createUser(admin, { name: `${state} ${role.toLowerCase()}`, email, password: PASSWORD, role });

        const before = await signInOverHttp(app.baseUrl, email, PASSWORD, nextIp());
        expect(before.status).toBe(200);
        expect(before.cookie).toMatch(SESSION_COOKIE);
        const session = before.cookie;
        // The session works while the account is active, so the refusals below are the suspension's doing.
        expect((await get("/api/v1/events", session)).status).toBe(200);
        expect(await pageServed("/", session)).toBe(true);

        await withSessionsSurviving(user.id, () =>
          state === "suspended" ? banUser(admin, { userId: user.id, reason: "journey" }) : deleteUser(admin, { userId: user.id }),
        );

        const again = await signInOverHttp(app.baseUrl, email, PASSWORD, nextIp());
        expect(again.status).toBeGreaterThanOrEqual(400);
        expect(again.status).toBeLessThan(500);
        expect(again.cookie).not.toMatch(SESSION_COOKIE);

        expect((await get("/api/v1/events", session)).status).toBe(401);
        expect((await get("/api/v1/assets", session)).status).toBe(401);
        expect(await pageServed("/", session)).toBe(false);
        expect(await pageServed("/events", session)).toBe(false);
        expect(await pageServed("/account", session)).toBe(false);

        // Server actions: the least privileged one any role may use, and for admins the account and token ones.
        const changePassword = await postServerAction(app.baseUrl, "/account", "changePasswordAction",
          { currentPassword: PASSWORD, newPassword: "a brand new passphrase 77", confirmPassword: "a brand new passphrase 77" }, session);
        expect(changePassword.redirectedTo).toBe("/login");

        const start = await counts();
        const newAccount = await postServerAction(app.baseUrl, "/admin/users", "createUserAction",
          { name: `Made by ${email}`, email: `made-by-${state}-${role.toLowerCase()}@example.test`, password: PASSWORD, role: "ADMIN" }, session);
        const newToken = await postServerAction(app.baseUrl, "/admin/tokens", "issueTokenAction",
          { name: `minted by ${email}`, userId: user.id, scope: "READ_WRITE" }, session);
        expect(newAccount.redirectedTo).toBe("/login");
        expect(newToken.redirectedTo).toBe("/login");
        expect(await counts()).toEqual(start);
        created++;
      });
    }
  }

  it("the same actions work for an active admin, so the refusals above are not the test's own failure", async () => {
    const signedIn = await signInOverHttp(app.baseUrl, ADMIN.email, ADMIN.password, nextIp());
    expect(signedIn.cookie).toMatch(SESSION_COOKIE);
    const start = await counts();
    const newAccount = await postServerAction(app.baseUrl, "/admin/users", "createUserAction",
      { name: "Made by the admin", email: "made-by-admin@example.test", password: PASSWORD, role: "VIEWER" }, signedIn.cookie);
    expect(newAccount.redirectedTo).toBeNull();
    expect(newAccount.body).toContain("made-by-admin@example.test");
    const made = await db().user.findUniqueOrThrow({ where: { email: "made-by-admin@example.test" } });
    const newToken = await postServerAction(app.baseUrl, "/admin/tokens", "issueTokenAction",
      { name: "minted by the admin", userId: made.id, scope: "READ" }, signedIn.cookie);
    expect(newToken.body).toMatch(/flt_/);
    expect(await counts()).toEqual({ users: start.users + 1, tokens: start.tokens + 1 });
    expect(created).toBe(ROLES.length * STATES.length);
  });
});

/** A better-auth endpoint called the way the browser would, with the session cookie and the app's own Origin. */
async function authPost(path: string, cookie: string, body: unknown) {
  const res = await fetch(`${app.baseUrl}/api/auth${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.baseUrl, cookie },
    body: typeof body === "string" ? body : JSON.stringify(body),
    redirect: "manual",
  });
  return { status: res.status, cookie: res.headers.getSetCookie().map((c) => c.split(";")[0]!).filter((c) => !c.endsWith("=")).join("; "), body: await res.text() };
}

describe("better-auth's own endpoints follow Faultline's rules", () => {
  it("a signed-in user cannot rename themselves or change their email around the account page's rules", async () => {
    const email = "renamer@example.test";
    const user = await createUser(admin, { name: "Rene Namer", email, password: PASSWORD, role: "ANALYST" });
    const { cookie } = await signInOverHttp(app.baseUrl, email, PASSWORD, nextIp());
    expect(cookie).toMatch(SESSION_COOKIE);
    const names: unknown[] = ["x".repeat(5_000_000), "", "   ", "<img src=x onerror=alert(1)>", "=HYPERLINK(\"https://evil.example\")", "a\u0000b", { $ne: 1 }, ["a"], 42, null];
    for (const name of names) {
      const res = await authPost("/update-user", cookie, { name });
      expect(res.status, `name ${JSON.stringify(name)?.slice(0, 40)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `name ${JSON.stringify(name)?.slice(0, 40)}`).toBeLessThan(500);
    }
    for (const body of ['{"name":', "[]", '"text"', { image: "javascript:alert(1)" }, { role: "ADMIN" }, { banned: false }]) {
      const res = await authPost("/update-user", cookie, body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    const res = await authPost("/change-email", cookie, { newEmail: "taken-over@example.test" });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ name: "Rene Namer", email, role: "ANALYST", image: null });
  });

  it("a password change applies the password policy and always ends the other sessions", async () => {
    const email = "changer@example.test";
    const user = await createUser(admin, { name: "Cha Nger", email, password: PASSWORD, role: "VIEWER" });
    const here = (await signInOverHttp(app.baseUrl, email, PASSWORD, nextIp())).cookie;
    const elsewhere = (await signInOverHttp(app.baseUrl, email, PASSWORD, nextIp())).cookie;
    expect((await get("/api/v1/events", elsewhere)).status).toBe(200);

    for (const weak of ["aaaaaaaaaaaa", "abcdefghijkl", "short", "password1234567", PASSWORD]) {
      const res = await authPost("/change-password", here, { currentPassword: PASSWORD, newPassword: weak, revokeOtherSessions: false });
      expect(res.status, weak).toBe(400);
    }
    for (const body of [{ currentPassword: PASSWORD, newPassword: { length: 20 } }, { currentPassword: 1, newPassword: "a fine new passphrase 99" }, "[]"]) {
      expect((await authPost("/change-password", here, body)).status).toBe(400);
    }
    // Nothing changed: the old password still signs in.
    expect((await signInOverHttp(app.baseUrl, email, PASSWORD, nextIp())).status).toBe(200);

    const changed = await authPost("/change-password", here, { currentPassword: PASSWORD, newPassword: "a fine new passphrase 99", revokeOtherSessions: false });
    expect(changed.status).toBe(200);
    expect((await get("/api/v1/events", elsewhere)).status).toBe(401);
    // The session that made the change is replaced by a fresh one; nothing else of the account's survives.
    expect(changed.cookie).toMatch(SESSION_COOKIE);
    expect((await get("/api/v1/events", changed.cookie)).status).toBe(200);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(1);
    expect((await signInOverHttp(app.baseUrl, email, "a fine new passphrase 99", nextIp())).status).toBe(200);
  });
});
