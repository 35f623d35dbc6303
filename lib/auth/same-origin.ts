// CSRF defence for the JSON API and downloads when they are called with the session cookie. SameSite=Lax keeps the
// cookie off cross-site POSTs, but not off requests from a sibling subdomain or port (same site, other origin), and
// a `text/plain` form can post a JSON-shaped body without a CORS preflight. Browsers label every such request with
// Origin and Sec-Fetch-Site, so a write whose origin is not this app's is refused. Requests without those headers
// come from scripts and curl, which cannot carry a victim's cookie. Server actions get the same check from Next.
import { ForbiddenError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The hosts (host:port) this app answers as: the Host it was asked for, and BETTER_AUTH_URL's. */
function ownHosts(req: Request): Set<string> {
  const hosts = new Set<string>([new URL(req.url).host]);
  for (const h of [req.headers.get("host"), req.headers.get("x-forwarded-host")]) if (h) hosts.add(h.split(",")[0]!.trim().toLowerCase());
  const configured = process.env.BETTER_AUTH_URL;
  if (configured) {
    try {
      hosts.add(new URL(configured).host);
    } catch {
      // env.ts validates BETTER_AUTH_URL at start; a bad value here adds nothing
    }
  }
  return hosts;
}

export function assertSameOriginWrite(req: Request): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  const site = req.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") {
    throw new ForbiddenError("Refused a cross-site request made with your session cookie. Use the app's own pages, or an API token.");
  }
  const origin = req.headers.get("origin");
  if (origin === null) return;
  let host: string | null = null;
  try {
    host = origin === "null" ? null : new URL(origin).host;
  } catch {
    host = null;
  }
  if (host === null || !ownHosts(req).has(host)) {
    throw new ForbiddenError(`Refused a request from another origin (${origin.slice(0, 100)}) made with your session cookie. Use the app's own pages, or an API token.`);
  }
}
