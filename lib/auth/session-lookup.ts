// The session behind a request's cookie in one query, for the requests that only need to know who is asking.
// better-auth's own lookup runs its endpoint pipeline and two Prisma reads per request; here the signed cookie is
// checked with the same HMAC and the session and account come back in one join. Anything this path cannot settle
// alone — no or a badly signed cookie, no such session, an expired one, one due for its daily extension — returns
// `undefined`, and the caller asks better-auth, which then also clears, deletes or extends it as it always has.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { config, type Env } from "@/lib/config/env";
import { resolveAuthSecret } from "@/lib/auth/secret";
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/auth/roles";
import { pgPool } from "@/lib/db/pool";

/** How long a session lasts, and how old it must be before a request extends it (better-auth's expiresIn / updateAge). */
export const SESSION_EXPIRES_IN_S = 60 * 60 * 24 * 7;
export const SESSION_UPDATE_AGE_S = 60 * 60 * 24;
export const COOKIE_PREFIX = "faultline";

export function usesSecureCookies(env: Pick<Env, "BETTER_AUTH_URL"> = config()): boolean {
  return env.BETTER_AUTH_URL?.startsWith("https://") ?? false;
}

let signing: { env: Env; key: string } | undefined;

function signingKey(): string {
  const env = config();
  if (signing?.env !== env) signing = { env, key: resolveAuthSecret(env) };
  return signing.key;
}

function cookieValue(cookieHeader: string, name: string): string | null {
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** The session token of a `<token>.<base64 HMAC-SHA256>` cookie whose signature is right, else null. */
export function verifiedSessionToken(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  const raw = cookieValue(cookieHeader, `${usesSecureCookies() ? "__Secure-" : ""}${COOKIE_PREFIX}.session_token`);
  if (!raw) return null;
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const dot = value.lastIndexOf(".");
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith("=")) return null;
  const expected = createHmac("sha256", signingKey()).update(token).digest();
  const given = Buffer.from(signature, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

const SESSION_AND_ACCOUNT = `SELECT s.id AS session_id, s.expires_at, u.id, u.name, u.email, u.role::text AS role, u.banned
  FROM session s JOIN "user" u ON u.id = s.user_id WHERE s.token = $1`;

interface Row {
  session_id: string;
  expires_at: Date;
  id: string;
  name: string;
  email: string;
  role: string | null;
  banned: boolean | null;
}

/**
 * The principal of a live session (null for a suspended account), or `undefined` when better-auth must decide.
 * Read from the primary: a revoked session or a role change takes effect on the next request.
 */
export async function sessionPrincipal(requestHeaders: Headers, now = Date.now()): Promise<Principal | null | undefined> {
  const token = verifiedSessionToken(requestHeaders.get("cookie"));
  if (!token) return undefined;
  const { rows } = await pgPool().query<Row>(SESSION_AND_ACCOUNT, [token]);
  const row = rows[0];
  if (!row) return undefined;
  const expiresAt = row.expires_at.getTime();
  if (expiresAt <= now) return undefined;
  if (expiresAt - SESSION_EXPIRES_IN_S * 1000 + SESSION_UPDATE_AGE_S * 1000 <= now) return undefined;
  // The session row may outlive a suspension (a sign-in racing the admin's click): the account's state decides.
  if (row.banned !== false && row.banned !== null) return null;
  return { id: row.id, name: row.name, email: row.email, role: (row.role ?? "VIEWER") as Role, via: "session", sessionId: row.session_id };
}
