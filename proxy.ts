// Sends visitors without a session cookie to /login before any rendering, so they get a real redirect instead of
// a streamed page that redirects in the browser. Only an optimistic check: the cookie may be stale or forged, and
// every page, action and route still verifies the session and role itself (requireUser / authenticateRequest).
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["faultline.session_token", "__Secure-faultline.session_token"];

export function proxy(request: NextRequest): NextResponse {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  return NextResponse.redirect(new URL("/login", request.url));
}

export const config = {
  // Public: sign-in, first run, the forbidden page, the API (answers 401 itself), Next's assets.
  matcher: ["/((?!login|setup|forbidden|api/|_next/|favicon\\.ico|robots\\.txt).*)"],
};
