// better-auth configured for Faultline: email + password only (no self sign-up: admins create accounts),
// argon2id hashes, sessions in PostgreSQL through the Prisma adapter, httpOnly SameSite=Lax cookies that are Secure
// when BETTER_AUTH_URL is https, and login rate limiting per IP and per account. Roles live in our own `role`
// column (VIEWER/ANALYST/ADMIN), which better-auth carries but never lets a client set.
import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, getIP, isAPIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { db, type PrismaClient } from "@/lib/db/client";
import { hashPassword, verifyPassword } from "@/lib/auth/password-hash";
import { clearAccountFailures, lockedUntil, recordFailedSignIn } from "@/lib/auth/login-throttle";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/validation/password-policy";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { logger } from "@/lib/logger";

const SIGN_IN_PATH = "/sign-in/email";

function emailOf(body: unknown): string | null {
  const email = (body as { email?: unknown } | null)?.email;
  return typeof email === "string" ? email : null;
}

function logAuthEvent(level: "debug" | "info" | "warn" | "error", message: string, ...args: unknown[]): void {
  const err = args.find((a) => a instanceof Error);
  if (err && isDatabaseUnavailable(err)) {
    logger().warn({ source: "better-auth", reason: err.message.split("\n").filter(Boolean).at(-1) }, "database unavailable");
    return;
  }
  logger()[level]({ source: "better-auth", ...(err ? { err } : {}) }, message);
}

function createAuth(client: PrismaClient) {
  const publicUrl = process.env.BETTER_AUTH_URL || undefined;
  return betterAuth({
    appName: "Faultline",
    // "Invalid password" warnings would log every failed sign-in twice; the throttle already counts them.
    // Through pino, as JSON with the rest of the app's logs; a database outage is one warning line, not a stack per
    // request (the request itself answers 503).
    logger: { level: "error" as const, log: logAuthEvent },
    secret: resolveAuthSecret(),
    baseURL: publicUrl,
    database: prismaAdapter(client, { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      revokeSessionsOnPasswordReset: true,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    user: {
      additionalFields: {
        role: { type: "string" as const, input: false, defaultValue: "VIEWER", required: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      // No cookie cache: a revoked session ("sign out everywhere", a role change) takes effect on the next request.
      cookieCache: { enabled: false },
    },
    advanced: {
      cookiePrefix: "faultline",
      useSecureCookies: publicUrl?.startsWith("https://") ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH) return;
        const ip = ctx.headers ? getIP(ctx.headers, ctx.context.options) : null;
        const until = await lockedUntil(ip, emailOf(ctx.body));
        if (until) {
          const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
          throw new APIError("TOO_MANY_REQUESTS", {
            message: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
          });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH) return;
        const email = emailOf(ctx.body);
        const returned = ctx.context.returned;
        if (isAPIError(returned)) {
          if (returned.statusCode === 401 || returned.statusCode === 400) {
            await recordFailedSignIn(ctx.headers ? getIP(ctx.headers, ctx.context.options) : null, email);
          }
        } else if (email) {
          await clearAccountFailures(email);
        }
      }),
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { faultlineAuth?: { client: PrismaClient; auth: Auth } };

/** The better-auth instance bound to the current Prisma client (recreated when the database URL changes). */
export function auth(): Auth {
  const client = db();
  if (globalForAuth.faultlineAuth?.client !== client) globalForAuth.faultlineAuth = { client, auth: createAuth(client) };
  return globalForAuth.faultlineAuth.auth;
}
