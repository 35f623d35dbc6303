/**
 * The ONE way server code learns who is acting. Use it in every page, server action and route handler.
 *
 * - `requireUser(minRole = "VIEWER"): Promise<Principal>` — server components (pages, layouts) and server actions.
 *   No valid session → redirects to /login. Signed in with a lower role → redirects to /forbidden.
 *   Call it first, before reading anything.
 * - `authenticateRequest(req: Request, minRole = "VIEWER"): Promise<Principal>` — route handlers (JSON API, CSV
 *   downloads). Accepts the session cookie OR `Authorization: Bearer <api token>`. Throws `AuthenticationError`
 *   (→ 401) or `ForbiddenError` (→ 403); wrap the handler body in try/catch and answer with
 *   `toErrorResponse(err)` from `@/lib/http/errors`.
 * - `currentUser(): Promise<Principal | null>` — for UI that only changes with the user (the header), never for a
 *   permission decision.
 *
 * Roles: VIEWER (read, download) < ANALYST (write events, exposures, themes, annotations) < ADMIN (users, roles,
 * restore, API tokens). A READ-scoped token acts as VIEWER; a READ_WRITE token as its account's role, at most ANALYST.
 */
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { principalForToken, recordTokenUse } from "@/lib/auth/api-tokens";
import { auth } from "@/lib/auth/better-auth";
import { assertSameOriginWrite } from "@/lib/auth/same-origin";
import { sessionPrincipal } from "@/lib/auth/session-lookup";
import type { Principal } from "@/lib/auth/principal";
import { hasRole, type Role } from "@/lib/auth/roles";
import { AuthenticationError, ForbiddenError } from "@/lib/errors";

export type { Principal };

/** The signed-in user behind these request headers (session cookie), or null. */
export async function principalFromSession(requestHeaders: Headers): Promise<Principal | null> {
  const settled = await sessionPrincipal(requestHeaders);
  if (settled !== undefined) return settled;
  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { user } = session;
  // The session row may outlive a suspension (a sign-in racing the admin's click): the account's state, read with
  // the session on every request, decides.
  if (user.banned !== false && user.banned !== null) return null;
  const role = (user.role ?? "VIEWER") as Role;
  return { id: user.id, name: user.name, email: user.email, role, via: "session", sessionId: session.session.id };
}

/** Once per request however many components ask (the page, the layout's user menu). */
export const currentUser = cache(async (): Promise<Principal | null> => principalFromSession(await headers()));

export async function requireUser(minRole: Role = "VIEWER"): Promise<Principal> {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (!hasRole(user.role, minRole)) redirect("/forbidden");
  return user;
}

export async function authenticateRequest(req: Request, minRole: Role = "VIEWER"): Promise<Principal> {
  const authorization = req.headers.get("authorization");
  let principal: Principal | null;
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    principal = match ? await principalForToken(match[1]!) : null;
    if (!principal) throw new AuthenticationError("The API token is missing, malformed, unknown or revoked.");
  } else {
    principal = await principalFromSession(req.headers);
    if (!principal) throw new AuthenticationError();
    // Only the cookie rides along on a forged cross-site request; a bearer token never does.
    assertSameOriginWrite(req);
  }
  if (!hasRole(principal.role, minRole)) {
    throw new ForbiddenError(
      principal.via === "token"
        ? `This token's scope does not allow this (needs ${minRole.toLowerCase()} rights).`
        : `Your role (${principal.role.toLowerCase()}) does not allow this; it needs ${minRole.toLowerCase()}.`,
    );
  }
  if (principal.via === "token" && principal.tokenId !== undefined) recordTokenUse(principal.tokenId);
  return principal;
}
