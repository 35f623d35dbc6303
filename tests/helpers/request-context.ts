// Runs server actions and server components outside Next: `next/headers` answers with the headers of the user the
// test acts as (a real session cookie from a real sign-in), and `next/cache` revalidation is a no-op.
// Use in a test file:
//   vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);
//   vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheModule);
import { randomUUID } from "node:crypto";
import { auth } from "@/lib/auth/better-auth";
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/auth/roles";
import { createFirstAdmin, createUser } from "@/lib/auth/users";
import { db } from "@/lib/db/client";

process.env.BETTER_AUTH_SECRET ??= "test-secret-for-vitest-only-0123456789abcdef";

let current = new Headers();

function cookieStore(h: Headers) {
  const parsed = new Map(
    (h.get("cookie") ?? "")
      .split(/;\s*/)
      .filter(Boolean)
      .map((c) => [c.slice(0, c.indexOf("=")), c.slice(c.indexOf("=") + 1)] as const),
  );
  return {
    get: (name: string) => (parsed.has(name) ? { name, value: parsed.get(name)! } : undefined),
    getAll: () => [...parsed].map(([name, value]) => ({ name, value })),
    has: (name: string) => parsed.has(name),
    set: () => undefined,
    delete: () => undefined,
  };
}

export const nextHeadersModule = {
  headers: async () => current,
  cookies: async () => cookieStore(current),
  draftMode: async () => ({ isEnabled: false }),
};

export const nextCacheModule = {
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  updateTag: () => undefined,
  refresh: () => undefined,
  unstable_cache: <T>(fn: T) => fn,
};

export interface TestUser {
  principal: Principal;
  password: string;
  cookie: string;
}

export const TEST_PASSWORD = "correct horse battery staple";

/** Creates an account with this role and signs it in through better-auth, returning its session cookie. */
export async function createSignedInUser(role: Role, name = `${role.toLowerCase()}-${randomUUID().slice(0, 6)}`): Promise<TestUser> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9-]/g, "")}@example.test`;
  const hasAdmin = (await db().user.count({ where: { role: "ADMIN" } })) > 0;
  let user;
  if (!hasAdmin && role === "ADMIN") {
    user = await createFirstAdmin({ name, email, password: TEST_PASSWORD });
  } else {
    const admin = { id: "bootstrap", name: "bootstrap", email: "x@example.test", role: "ADMIN" as const, via: "session" as const };
    user = await createUser(admin, { name, email, password: TEST_PASSWORD, role });
  }
  const cookie = await signIn(email, TEST_PASSWORD);
  return { principal: { id: user.id, name: user.name, email: user.email, role: user.role, via: "session" }, password: TEST_PASSWORD, cookie };
}

export async function signIn(email: string, password: string, ip = "203.0.113.7"): Promise<string> {
  const res = await auth().api.signInEmail({
    body: { email, password },
    headers: new Headers({ "x-forwarded-for": ip }),
    asResponse: true,
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
}

/** Subsequent `headers()` calls answer as this user (or anonymously with null). */
export function actAs(user: TestUser | null, extra: Record<string, string> = {}): void {
  current = new Headers({ ...(user ? { cookie: user.cookie } : {}), ...extra });
}

/** A Request for a route handler, carrying the user's session cookie or a bearer token. */
export function requestAs(
  who: TestUser | { token: string } | null,
  url: string,
  init: { method?: string; body?: unknown } = {},
): Request {
  const headers = new Headers({ "content-type": "application/json" });
  if (who && "cookie" in who) headers.set("cookie", who.cookie);
  if (who && "token" in who) headers.set("authorization", `Bearer ${who.token}`);
  return new Request(new URL(url, "http://localhost:3000"), {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
}

/** The target of a Next redirect thrown by `redirect()`, or null when the error is something else. */
export function redirectTarget(err: unknown): string | null {
  const digest = (err as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string" || !digest.startsWith("NEXT_REDIRECT")) return null;
  return digest.split(";")[2] ?? null;
}
