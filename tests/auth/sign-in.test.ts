import { describe, expect, it, vi } from "vitest";
import { isAPIError } from "better-auth/api";
import { auth } from "@/lib/auth/better-auth";
import { THROTTLE } from "@/lib/auth/login-throttle";
import { authenticateRequest, requireUser } from "@/lib/auth/session";
import { revokeAllSessions } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { actAs, createSignedInUser, redirectTarget, requestAs, signIn, TEST_PASSWORD } from "../helpers/request-context";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);

describe("sign-in with better-auth", () => {
  it("stores an argon2id hash and a session in PostgreSQL, with an httpOnly SameSite=Lax cookie", async () => {
    const analyst = await createSignedInUser("ANALYST", "ana");
    const account = await db().account.findFirstOrThrow({ where: { userId: analyst.principal.id } });
    expect(account.password).toMatch(/^\$argon2id\$/);
    expect(await db().session.count({ where: { userId: analyst.principal.id } })).toBe(1);

    const res = await auth().api.signInEmail({ body: { email: analyst.principal.email, password: TEST_PASSWORD }, headers: new Headers(), asResponse: true });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("faultline.session_token"))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);

    actAs(analyst);
    await expect(requireUser("ANALYST")).resolves.toMatchObject({ id: analyst.principal.id, role: "ANALYST" });
    const p = await authenticateRequest(requestAs(analyst, "/api/v1/events"));
    expect(p.role).toBe("ANALYST");
  });

  it("redirects anonymous visitors to /login and a too-low role to /forbidden", async () => {
    const viewer = await createSignedInUser("VIEWER");
    actAs(null);
    expect(redirectTarget(await requireUser().catch((e: unknown) => e))).toBe("/login");
    actAs(viewer);
    expect(redirectTarget(await requireUser("ANALYST").catch((e: unknown) => e))).toBe("/forbidden");
  });

  it("ends every session on sign out everywhere", async () => {
    const user = await createSignedInUser("VIEWER");
    await signIn(user.principal.email, TEST_PASSWORD);
    expect(await revokeAllSessions(user.principal.id)).toBe(2);
    await expect(authenticateRequest(requestAs(user, "/api/v1/events"))).rejects.toMatchObject({ kind: "unauthenticated" });
  });

  it("locks an account after repeated failures, even with the right password, and per IP", async () => {
    const user = await createSignedInUser("VIEWER");
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount; i++) {
      await expect(signIn(user.principal.email, "wrong password 123", `198.51.100.${i}`)).rejects.toThrow(/401/);
    }
    await expect(signIn(user.principal.email, TEST_PASSWORD, "198.51.100.99")).rejects.toThrow(/Too many failed sign-ins/);

    const other = await createSignedInUser("VIEWER");
    for (let i = 0; i < THROTTLE.maxFailuresPerIp; i++) {
      await signIn(`nobody${i}@example.test`, "wrong password 123", "192.0.2.50").catch(() => undefined);
    }
    await expect(signIn(other.principal.email, TEST_PASSWORD, "192.0.2.50")).rejects.toThrow(/Too many failed sign-ins/);
    await expect(signIn(other.principal.email, TEST_PASSWORD, "192.0.2.51")).resolves.toContain("faultline.session_token");
  });

  it("checks at most the allowed number of passwords when wrong attempts arrive all at once", async () => {
    const user = await createSignedInUser("VIEWER");
    // Thirty attempts in parallel, each from its own address so only the account's lock can stop them.
    const statuses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        auth().api.signInEmail({
          body: { email: user.principal.email, password: `wrong password ${i} xyz` },
          headers: new Headers({ "x-forwarded-for": `198.18.0.${i + 1}` }),
          asResponse: true,
        }).then(
          (res) => res.status,
          // A refusal by the throttle's hook is thrown rather than answered when called in-process.
          (err: unknown) => (isAPIError(err) ? err.statusCode : 500),
        ),
      ),
    );
    // 401 = the password was checked and was wrong; 429 = refused before any check.
    expect(statuses.filter((s) => s === 401)).toHaveLength(THROTTLE.maxFailuresPerAccount);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - THROTTLE.maxFailuresPerAccount);
    await expect(signIn(user.principal.email, TEST_PASSWORD, "198.18.1.1")).rejects.toThrow(/Too many failed sign-ins/);
  });

  it("refuses self sign-up", async () => {
    const res = await auth().api.signUpEmail({ body: { email: "self@example.test", password: "a long enough password", name: "Self" }, asResponse: true });
    expect(res.status).toBe(400);
    expect(await db().user.count({ where: { email: "self@example.test" } })).toBe(0);
  });
});
