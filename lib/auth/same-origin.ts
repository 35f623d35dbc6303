// CSRF defence for the JSON API and downloads when they are called with the session cookie. SameSite=Lax keeps the
// cookie off cross-site POSTs, but not off requests from a sibling subdomain or port (same site, other origin), and
// a `text/plain` form can post a JSON-shaped body without a CORS preflight. Browsers label every such request with
// Origin and Sec-Fetch-Site, so a write whose origin is not this app's is refused. Requests without those headers
// come from scripts and curl, which cannot carry a victim's cookie. Server actions get the same check from Next.
import { ForbiddenError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The origins (scheme://host:port) this app answers as: the URL it was asked for, the Host / X-Forwarded-Host it
 * was asked under with the scheme it was reached by (X-Forwarded-Proto behind a TLS proxy), and BETTER_AUTH_URL's.
 * A whole origin, not a host: an http deployment must not take a write labelled https://same-host, and the other
 * way round (a page served over another scheme is another origin to the browser too).
 */
function ownOrigins(req: Request): Set<string> {
  const url = new URL(req.url);
  const origins = new Set<string>([url.origin]);
  const forwardedProto = req.headers.get("x-forwarded-proto")?.split(",")[0]!.trim().toLowerCase();
  const scheme = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : url.protocol.slice(0, -1);
  for (const h of [req.headers.get("host"), req.headers.get("x-forwarded-host")]) {
    const origin = h ? originOf(`${scheme}://${h.split(",")[0]!.trim()}`) : null;
    if (origin) origins.add(origin);
  }
  const configured = originOf(process.env.BETTER_AUTH_URL);
  if (configured) origins.add(configured);
  return origins;
}

/** The serialised origin of a URL (default ports dropped, host lower-cased), or null for anything unparsable. */
function originOf(value: string | null | undefined): string | null {
  if (!value || value === "null") return null;
  try {
    const { origin } = new URL(value);
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

export function assertSameOriginWrite(req: Request): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  const site = req.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") {
    throw new ForbiddenError("Refused a cross-site request made with your session cookie. Use the app's own pages, or an API token.");
  }
  const origin = req.headers.get("origin");
  if (origin === null) return;
  const sent = originOf(origin);
  if (sent === null || !ownOrigins(req).has(sent)) {
    throw new ForbiddenError(`Refused a request from another origin (${origin.slice(0, 100)}) made with your session cookie. Use the app's own pages, or an API token.`);
  }
}
