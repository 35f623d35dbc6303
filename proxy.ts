// Runs before every page render. Two jobs for pages:
// 1. Visitors without a session cookie go to /login before any rendering, so they get a real redirect instead of a
//    streamed page that redirects in the browser. Only an optimistic check: the cookie may be stale or forged, and
//    every page, action and route still verifies the session and role itself (requireUser / authenticateRequest).
// 2. A Content Security Policy with a fresh nonce per request: Next.js puts the nonce on its own scripts, and no
//    inline or injected script without it runs ('strict-dynamic' lets the nonced bootstrap load the app's chunks).
//    Styles stay 'unsafe-inline' because the chart library positions elements with inline styles; styles cannot
//    run code.
// First of all (0.) it refuses page requests that must not reach the router: PUT/PATCH/DELETE, forged or malformed
// form posts (lib/http/request-guard). The API (/api) does not pass through here: it authenticates every request
// itself (apiHandler), and the front door at the Node server (lib/runtime/http-front-door.mjs) gives every request,
// page or API, its id and refuses methods and paths that Next cannot route.
import { NextResponse, type NextRequest } from "next/server";
import { redirectWithoutSession } from "@/lib/auth/session-cookie";
import { config as appConfig } from "@/lib/config/env";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/http/request-id";
import { databaseOutagePage, databaseReachable } from "@/lib/http/database-outage";
import { refuseAtTheDoor } from "@/lib/http/request-guard";

function contentSecurityPolicy(nonce: string): string {
  const dev = appConfig().NODE_ENV !== "production";
  return [
    "default-src 'self'",
    // React's development build evaluates code for its debugging features; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export async function proxy(request: NextRequest): Promise<Response> {
  // 3. The request id the front door gave the request (kept as is), passed on to server actions' logs and sent back.
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  // 0. Refused at the door, with the request id.
  const refused = await refuseAtTheDoor(request, requestId);
  if (refused) return refused;
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);

  const toLogin = redirectWithoutSession(request);
  if (toLogin) return toLogin;

  // 4. While PostgreSQL is unreachable, pages answer 503 with Retry-After instead of rendering into a 500 each.
  if (!(await databaseReachable(appConfig().DATABASE_URL))) return databaseOutagePage(requestId);

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // Pages only. The API answers 401 itself and serves JSON and CSV: a pass through here only added per-request cost
  // (docs/performance.md, "Load and write durability"). Next's assets carry no scripts of their own.
  matcher: ["/((?!api/|_next/|favicon\\.ico|icon\\.svg|robots\\.txt).*)"],
};
