// Login rate limiting in PostgreSQL, so it holds across restarts and processes: after too many failed sign-ins
// from one IP address or for one account within the window, further attempts are refused until the lock expires.
//
// Every attempt claims its place BEFORE the password is checked, in one atomic statement per key, and a success
// gives the place back. Reading the count and recording the failure afterwards would let parallel attempts all read
// "not locked" and each get a password check: thirty at once checked thirty passwords instead of five.
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

/**
 * Counts this attempt against the IP and the account, as if it had failed, and answers the time until which sign-in
 * is refused when one of them was already used up (null: the password may be checked). Each key is one
 * INSERT … ON CONFLICT DO UPDATE: PostgreSQL serialises concurrent attempts on the row, so the n-th attempt sees
 * the n-1 before it. While locked, refused attempts are counted but do not extend the lock; once the lock or the
 * window has expired, counting starts again from this attempt.
 */
export async function claimSignInAttempt(ip: string | null, email: string | null, now = new Date()): Promise<Date | null> {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMs);
  const lockUntil = new Date(now.getTime() + THROTTLE.lockMs);
  let refusedUntil: Date | null = null;
  for (const { key, max } of throttleKeys(ip, email)) {
    const [row] = await db().$queryRaw<{ failures: number; locked_until: Date | null }[]>`
      INSERT INTO login_throttle AS t (key, failures, window_start, locked_until)
      VALUES (${key}, 1, ${now}, CASE WHEN 1 >= ${max} THEN ${lockUntil}::timestamptz END)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE
          WHEN t.locked_until > ${now} THEN t.failures + 1
          WHEN t.locked_until IS NOT NULL OR t.window_start < ${windowStart} THEN 1
          ELSE t.failures + 1 END,
        window_start = CASE
          WHEN t.locked_until > ${now} THEN t.window_start
          WHEN t.locked_until IS NOT NULL OR t.window_start < ${windowStart} THEN ${now}
          ELSE t.window_start END,
        locked_until = CASE
          WHEN t.locked_until > ${now} THEN t.locked_until
          WHEN (CASE WHEN t.locked_until IS NOT NULL OR t.window_start < ${windowStart} THEN 1 ELSE t.failures + 1 END) >= ${max}
            THEN ${lockUntil}::timestamptz
          ELSE NULL END
      RETURNING failures, locked_until`;
    // Attempts up to `max` get their password checked (the max-th sets the lock); those after it are refused.
    if (row && row.failures > max && row.locked_until) {
      if (!refusedUntil || row.locked_until > refusedUntil) refusedUntil = row.locked_until;
    }
  }
  return refusedUntil;
}

/**
 * The password was right: the account starts afresh, and the IP gets back the place this attempt claimed (but not
 * the others: one good password must not reset a spray from that address).
 */
export async function settleSuccessfulSignIn(ip: string | null, email: string): Promise<void> {
  for (const { key, max } of throttleKeys(ip, email)) {
    if (key.startsWith("account:")) {
      await db().loginThrottle.deleteMany({ where: { key } });
    } else {
      await db().$executeRaw`
        UPDATE login_throttle SET
          failures = GREATEST(failures - 1, 0),
          locked_until = CASE WHEN failures - 1 < ${max} THEN NULL ELSE locked_until END
        WHERE key = ${key}`;
    }
  }
}
