// better-auth configured for Faultline: email + password only (no self sign-up: admins create accounts),
// argon2id hashes, sessions in PostgreSQL through the Prisma adapter, httpOnly SameSite=Lax cookies that are Secure
// when BETTER_AUTH_URL is https, and login rate limiting per IP and per account. Roles live in our own `role`
// column (VIEWER/ANALYST/ADMIN), which better-auth carries but never lets a client set.
import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, getIP, isAPIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { config } from "@/lib/config/env";
import { db, type PrismaClient } from "@/lib/db/client";
import { hashPassword, verifyPassword } from "@/lib/auth/password-hash";
import { passwordChangeSchema, signInSchema } from "@/lib/auth/account-schemas";
import { claimSignInAttempt, settleSuccessfulSignIn } from "@/lib/auth/login-throttle";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/validation/password-policy";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { COOKIE_PREFIX, SESSION_EXPIRES_IN_S, SESSION_UPDATE_AGE_S, usesSecureCookies } from "@/lib/auth/session-lookup";
import { isBanned, SUSPENDED_MESSAGE } from "@/lib/auth/users";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { logger } from "@/lib/logger";

const SIGN_IN_PATH = "/sign-in/email";
const CHANGE_PASSWORD_PATH = "/change-password";

/**
 * Over HTTP, only what Faultline uses answers: sign-in, sign-out, the session, and a password change (held to the
 * password policy by the hook below). Everything else better-auth ships answers 404: renaming (`/update-user` took
 * a 5 MB name, HTML, formulas), email change, self-deletion, password-reset mails (there is no mailer), social
 * accounts, sessions lists. Admins manage accounts through Faultline's own pages, which validate every field.
 */
export const DISABLED_AUTH_PATHS = [
  "/update-user",
  "/change-email",
  "/delete-user",
  "/delete-user/callback",
  "/request-password-reset",
  "/reset-password",
  "/send-verification-email",
  "/verify-email",
  "/verify-password",
  "/sign-up/email",
  "/sign-in/social",
  "/link-social",
  "/unlink-account",
  "/list-accounts",
  "/account-info",
  "/get-access-token",
  "/refresh-token",
  "/update-session",
  "/list-sessions",
  "/revoke-session",
  "/revoke-sessions",
  "/revoke-other-sessions",
];

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
  const publicUrl = config().BETTER_AUTH_URL;
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
        // Declared so every session lookup carries the account's current state (read from the row on each request:
        // there is no cookie cache), and so no client can set it.
        banned: { type: "boolean" as const, input: false, defaultValue: false, required: false },
      },
    },
    databaseHooks: {
      session: {
        create: {
          // No session at all for a suspended or deleted account, whatever asks for one (sign-in, password change).
          // Only reached once the password was right, so the answer tells nothing to someone guessing.
          before: async (session) => {
            if (await isBanned(session.userId)) throw new APIError("FORBIDDEN", { message: SUSPENDED_MESSAGE });
          },
        },
      },
    },
    session: {
      expiresIn: SESSION_EXPIRES_IN_S,
      updateAge: SESSION_UPDATE_AGE_S,
      // No cookie cache: a revoked session ("sign out everywhere", a role change) takes effect on the next request.
      cookieCache: { enabled: false },
    },
    advanced: {
      cookiePrefix: COOKIE_PREFIX,
      useSecureCookies: usesSecureCookies(),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === CHANGE_PASSWORD_PATH) {
          // The account page's rules, and the other sessions always end: a changed password is often a suspected
          // leak, so a client cannot ask to keep them (`revokeOtherSessions: false`).
          const parsed = passwordChangeSchema.safeParse(ctx.body);
          if (!parsed.success) throw new APIError("BAD_REQUEST", { message: parsed.error.issues[0]?.message ?? "Invalid password change" });
          return { context: { body: { ...parsed.data, revokeOtherSessions: true } } };
        }
        if (ctx.path !== SIGN_IN_PATH) return;
        // The login form's rules before anything reaches the database: an address PostgreSQL cannot store (a NUL)
        // answered 500 from the throttle's insert.
        const signIn = signInSchema.safeParse(ctx.body);
        if (!signIn.success) throw new APIError("BAD_REQUEST", { message: signIn.error.issues[0]?.message ?? "Invalid sign-in" });
        const ip = ctx.headers ? getIP(ctx.headers, ctx.context.options) : null;
        // Claimed before the password is checked, in one statement: parallel attempts cannot all slip under the limit.
        const until = await claimSignInAttempt(ip, emailOf(ctx.body));
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
        if (email && !isAPIError(ctx.context.returned)) {
          await settleSuccessfulSignIn(ctx.headers ? getIP(ctx.headers, ctx.context.options) : null, email);
        }
      }),
    },
    disabledPaths: DISABLED_AUTH_PATHS,
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
