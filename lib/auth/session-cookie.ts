// For proxy.ts: whether a request carries a session cookie at all, so visitors without one get a real redirect to
// /login before any rendering (pages stream their widgets, so a page-level redirect could only happen in the
// browser). Optimistic only: requireUser / authenticateRequest still verify the session and the role.
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["faultline.session_token", "__Secure-faultline.session_token"];
const PUBLIC_PATHS = /^\/(login|setup|forbidden|api\/|_next\/|favicon\.ico|robots\.txt)/;

/** A redirect to /login for a page request without a session cookie, or null to let it through. */
export function redirectWithoutSession(request: NextRequest): NextResponse | null {
  if (PUBLIC_PATHS.test(request.nextUrl.pathname)) return null;
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return null;
  return NextResponse.redirect(new URL("/login", request.url));
}
