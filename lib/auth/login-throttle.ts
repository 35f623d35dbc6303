// Login rate limiting in PostgreSQL, so it holds across restarts and processes: after too many failed sign-ins
// from one IP address or for one account within the window, further attempts are refused until the lock expires.
import "server-only";
import { db } from "@/lib/db/client";

export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxFailuresPerAccount: 5,
  maxFailuresPerIp: 20,
} as const;

export function throttleKeys(ip: string | null, email: string | null): { key: string; max: number }[] {
  const keys: { key: string; max: number }[] = [];
  if (ip) keys.push({ key: `ip:${ip}`, max: THROTTLE.maxFailuresPerIp });
  if (email) keys.push({ key: `account:${email.trim().toLowerCase()}`, max: THROTTLE.maxFailuresPerAccount });
  return keys;
}

/** The time until which sign-in is refused for this IP or account, or null when it may proceed. */
export async function lockedUntil(ip: string | null, email: string | null, now = new Date()): Promise<Date | null> {
  const keys = throttleKeys(ip, email).map((k) => k.key);
  if (keys.length === 0) return null;
  const rows = await db().loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  const until = rows.map((r) => r.lockedUntil!.getTime());
  return until.length ? new Date(Math.max(...until)) : null;
}

/** Counts one failure for the IP and the account in a single statement each, safe under concurrent attempts. */
export async function recordFailedSignIn(ip: string | null, email: string | null, now = new Date()): Promise<void> {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMs);
  const lockUntil = new Date(now.getTime() + THROTTLE.lockMs);
  for (const { key, max } of throttleKeys(ip, email)) {
    await db().$executeRaw`
      INSERT INTO login_throttle (key, failures, window_start, locked_until)
      VALUES (${key}, 1, ${now}, CASE WHEN 1 >= ${max} THEN ${lockUntil}::timestamptz END)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN login_throttle.window_start < ${windowStart} THEN 1 ELSE login_throttle.failures + 1 END,
        window_start = CASE WHEN login_throttle.window_start < ${windowStart} THEN ${now} ELSE login_throttle.window_start END,
        locked_until = CASE
          WHEN (CASE WHEN login_throttle.window_start < ${windowStart} THEN 1 ELSE login_throttle.failures + 1 END) >= ${max}
          THEN ${lockUntil}::timestamptz ELSE login_throttle.locked_until END`;
  }
}

/** A successful sign-in clears the account's count (not the IP's: one good password must not reset a spray). */
export async function clearAccountFailures(email: string): Promise<void> {
  await db().loginThrottle.deleteMany({ where: { key: `account:${email.trim().toLowerCase()}` } });
}
