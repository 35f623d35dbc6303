// Read-your-writes bookkeeping for the read router (lib/db/read-routing.ts): every committed user write notes its
// time, so that caller's next reads stay on the primary until a replica has replayed past it. Kept apart from the
// router so the pools and the write queue can note writes without importing the router (which imports them).
import { config } from "@/lib/config/env";

/** Cookie holding the time (ms since the epoch) of the caller's latest write. */
export const WROTE_AT_COOKIE = "faultline-wrote-at";

/** How long the cookie lives: past it, the lag limit alone keeps a lagging replica away from the caller. */
export function wroteAtCookieSeconds(): number {
  return Math.ceil(config().DATABASE_READ_MAX_LAG_SECONDS * 2 + 60);
}

const globalForNotes = globalThis as unknown as { faultlineProcessWroteAt?: number };

/** Writes made outside any request (scripts, workers, tests): the process is the caller. */
export function processWroteAt(): number {
  return globalForNotes.faultlineProcessWroteAt ?? 0;
}

/**
 * Records a write by the current caller after it committed. Inside a server action or route handler it sets the
 * cookie on the response; outside a request it marks the process. Without replicas configured it does nothing.
 */
export async function noteWrite(): Promise<void> {
  if (!config().DATABASE_READ_URL) return;
  const now = Date.now();
  let jar: Awaited<ReturnType<typeof import("next/headers").cookies>>;
  try {
    const { cookies } = await import("next/headers");
    jar = await cookies();
  } catch {
    globalForNotes.faultlineProcessWroteAt = now;
    return;
  }
  try {
    jar.set(WROTE_AT_COOKIE, String(now), { httpOnly: true, sameSite: "lax", path: "/", maxAge: wroteAtCookieSeconds() });
  } catch {
    // While a page renders there is no response header left to set; the action or route that wrote has set it.
  }
}

/** The caller's latest write: the request's cookie inside a request, the process's own writes outside one. */
export async function callerWroteAt(): Promise<number> {
  try {
    const { cookies } = await import("next/headers");
    const value = Number((await cookies()).get(WROTE_AT_COOKIE)?.value ?? 0);
    return Number.isFinite(value) && value > 0 ? value : 0;
  } catch {
    return processWroteAt();
  }
}
