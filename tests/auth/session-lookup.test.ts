// The one-query session lookup against real sessions from better-auth: it settles live sessions itself, and leaves
// everything else (a forged signature, an expired or revoked session, one due for its daily extension) to better-auth,
// so the answers are the ones better-auth alone gave.
import { beforeAll, describe, expect, it } from "vitest";
import { principalFromSession } from "@/lib/auth/session";
import { sessionPrincipal, verifiedSessionToken } from "@/lib/auth/session-lookup";
import { db } from "@/lib/db/client";
import { createSignedInUser, type TestUser } from "../helpers/request-context";

const DAY = 86_400_000;
const cookieHeaders = (cookie: string) => new Headers({ cookie });
const tokenOf = (user: TestUser) => decodeURIComponent(/faultline\.session_token=([^;]+)/.exec(user.cookie)![1]!).split(".")[0]!;

let ana: TestUser;

beforeAll(async () => {
  ana = await createSignedInUser("ANALYST", "Ana");
});

describe("sessionPrincipal", () => {
  it("reads a live session and its account in one go", async () => {
    const p = await sessionPrincipal(cookieHeaders(ana.cookie));
    const row = await db().session.findUniqueOrThrow({ where: { token: tokenOf(ana) } });
    expect(p).toEqual({ id: ana.principal.id, name: "Ana", email: ana.principal.email, role: "ANALYST", via: "session", sessionId: row.id });
  });

  it("refuses a cookie whose signature does not match, and so does the full lookup", async () => {
    const forged = ana.cookie.replace(/session_token=([^.;]+)\.[^;]+/, (_m, token: string) => `session_token=${token}.${encodeURIComponent("A".repeat(43) + "=")}`);
    expect(forged).not.toBe(ana.cookie);
    expect(verifiedSessionToken(forged)).toBeNull();
    expect(await sessionPrincipal(cookieHeaders(forged))).toBeUndefined();
    expect(await principalFromSession(cookieHeaders(forged))).toBeNull();
  });

  it("leaves a session due for its daily extension to better-auth, which extends it", async () => {
    const user = await createSignedInUser("VIEWER");
    const token = tokenOf(user);
    const fiveDaysLeft = new Date(Date.now() + 5 * DAY);
    await db().session.update({ where: { token }, data: { expiresAt: fiveDaysLeft } });
    expect(await sessionPrincipal(cookieHeaders(user.cookie))).toBeUndefined();
    expect((await principalFromSession(cookieHeaders(user.cookie)))?.id).toBe(user.principal.id);
    const after = await db().session.findUniqueOrThrow({ where: { token } });
    expect(after.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6.9 * DAY);
  });

  it("answers no one for an expired, a revoked or a suspended account's session", async () => {
    const expired = await createSignedInUser("VIEWER");
    await db().session.update({ where: { token: tokenOf(expired) }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    expect(await principalFromSession(cookieHeaders(expired.cookie))).toBeNull();

    const revoked = await createSignedInUser("VIEWER");
    await db().session.delete({ where: { token: tokenOf(revoked) } });
    expect(await principalFromSession(cookieHeaders(revoked.cookie))).toBeNull();

    const suspended = await createSignedInUser("VIEWER");
    await db().user.update({ where: { id: suspended.principal.id }, data: { banned: true } });
    expect(await sessionPrincipal(cookieHeaders(suspended.cookie))).toBeNull();
    expect(await principalFromSession(cookieHeaders(suspended.cookie))).toBeNull();
  });

  it("sees a role change on the next request", async () => {
    const user = await createSignedInUser("VIEWER");
    await db().user.update({ where: { id: user.principal.id }, data: { role: "ADMIN" } });
    expect((await principalFromSession(cookieHeaders(user.cookie)))?.role).toBe("ADMIN");
  });
});
