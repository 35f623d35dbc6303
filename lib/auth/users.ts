// Accounts: the first admin (first-run page or ADMIN_EMAIL/ADMIN_PASSWORD), admin-created users, roles, suspension
// and deletion, and "sign out everywhere". Passwords are hashed here exactly as better-auth's credential provider
// expects them. Every change is recorded in the accounts' history in the same transaction.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { writeTransaction } from "@/lib/db/transaction";
import { recordAccountChange } from "@/lib/audit/record";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password-hash";
import { passwordSchema } from "@/lib/validation/password-policy";
import type { Principal } from "@/lib/auth/principal";
import { ROLES, type Role } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/db/generated/client";
import { parseOrThrow } from "@/lib/validation/parse";

export const newUserSchema = z.object({
  name: z.string({ error: "Enter a name" }).trim().min(1, "Enter a name").max(100, "Name must be at most 100 characters"),
  email: z.email("Enter a valid email address").trim().toLowerCase().max(254, "Email must be at most 254 characters"),
  password: passwordSchema,
  role: z.enum(ROLES as [Role, ...Role[]], { error: "Role must be viewer, analyst or admin" }),
});
export type NewUserInput = z.input<typeof newUserSchema>;

export const firstAdminSchema = newUserSchema.omit({ role: true });

export const roleChangeSchema = z.object({
  userId: z.string().min(1, "Choose an account"),
  role: z.enum(ROLES as [Role, ...Role[]], { error: "Role must be viewer, analyst or admin" }),
});

export async function hasAnyUser(): Promise<boolean> {
  return (await db().user.count()) > 0;
}

async function insertUser(tx: Prisma.TransactionClient, data: Omit<z.output<typeof newUserSchema>, "password">, hash: string) {
  const id = randomUUID();
  return tx.user.create({
    data: {
      id,
      name: data.name,
      email: data.email,
      emailVerified: true,
      role: data.role,
      accounts: { create: { id: randomUUID(), accountId: id, providerId: "credential", password: hash } },
    },
    select: { id: true, name: true, email: true, role: true },
  });
}

/** Admin-only: creates an account with its initial password. */
export async function createUser(admin: Principal, input: NewUserInput) {
  if (admin.role !== "ADMIN") throw new ForbiddenError("Only admins create accounts.");
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error);
  // Hashed before the transaction: argon2 takes a while and needs no lock.
  const hash = await hashPassword(parsed.data.password);
  return writeTransaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: parsed.data.email } })) {
      throw new ValidationError({ email: ["An account with this email already exists"] });
    }
    const user = await insertUser(tx, parsed.data, hash);
    await recordAccountChange(tx, admin, { action: "CREATE", subject: user, details: { role: user.role } });
    return user;
  });
}

/**
 * First run only: creates the admin account when no account exists. The advisory lock makes two simultaneous
 * first visits produce one admin, not two.
 */
export async function createFirstAdmin(input: z.input<typeof firstAdminSchema>) {
  const parsed = firstAdminSchema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error);
  const hash = await hashPassword(parsed.data.password);
  return writeTransaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('faultline:first-admin'))`;
    if ((await tx.user.count()) > 0) throw new ConflictError("An admin account already exists: sign in instead.");
    const user = await insertUser(tx, { ...parsed.data, role: "ADMIN" }, hash);
    // Nobody else exists yet: the first admin is recorded as creating itself.
    await recordAccountChange(tx, { ...user, via: "session" }, { action: "CREATE", subject: user, details: { role: user.role, firstRun: true } });
    return user;
  });
}

export async function listUsers() {
  return db().user.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, email: true, role: true, createdAt: true, banned: true, banReason: true, _count: { select: { sessions: true } } },
  });
}

/** Admin-only. Ends the account's sessions so the new role applies at once. Refuses to demote the last admin. */
export async function changeRole(admin: Principal, input: z.input<typeof roleChangeSchema>) {
  if (admin.role !== "ADMIN") throw new ForbiddenError("Only admins change roles.");
  const parsed = roleChangeSchema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error);
  return writeTransaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('faultline:roles'))`;
    const user = await tx.user.findUnique({ where: { id: parsed.data.userId } });
    if (!user) throw new NotFoundError("No such account.");
    if (user.role === "ADMIN" && parsed.data.role !== "ADMIN" && (await tx.user.count({ where: { role: "ADMIN" } })) === 1) {
      throw new ValidationError({ role: ["The last admin cannot be demoted: make another admin first"] });
    }
    await tx.user.update({ where: { id: user.id }, data: { role: parsed.data.role } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    if (user.role !== parsed.data.role) {
      await recordAccountChange(tx, admin, { action: "ROLE_CHANGE", subject: user, details: { from: user.role, to: parsed.data.role } });
    }
  });
}

/** Sign out everywhere: deletes every session of the account, this one included. */
export async function revokeAllSessions(userId: string): Promise<number> {
  const { count } = await db().session.deleteMany({ where: { userId } });
  return count;
}

/** Unattended installs: ADMIN_EMAIL/ADMIN_PASSWORD create the first admin when there is no account yet. */
export async function ensureAdminFromEnv(email: string | undefined, password: string | undefined): Promise<"created" | "skipped"> {
  if (!email || !password || (await hasAnyUser())) return "skipped";
  try {
    await createFirstAdmin({ name: "Admin", email, password });
    return "created";
  } catch (err) {
    if (err instanceof ConflictError) return "skipped";
    throw err;
  }
}

/**
 * Deleting an account is soft: the row stays so the events, hypotheses and notes it wrote keep their author and the
 * audit trail keeps its actor. It is marked by this ban reason, which the accounts page shows as "deleted".
 */
export const DELETED_ACCOUNT_REASON = "Account deleted";

export const accountTargetSchema = z.object({ userId: z.string({ error: "Choose an account" }).min(1, "Choose an account") });
export const banSchema = accountTargetSchema.extend({
  reason: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().trim().max(200, "Reason must be at most 200 characters").optional()),
});

export function isDeletedAccount(user: { banned: boolean | null; banReason: string | null }): boolean {
  return user.banned === true && (user.banReason?.startsWith(DELETED_ACCOUNT_REASON) ?? false);
}

async function otherAccount(tx: Prisma.TransactionClient, admin: Principal, userId: string, verb: string) {
  // Acting on oneself could lock the last admin out; another admin must do it.
  if (userId === admin.id) throw new ValidationError({ userId: [`You cannot ${verb} your own account`] });
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw new NotFoundError("No such account.");
  return user;
}

/** Admin-only. Suspends an account: its sessions end at once and its API tokens stop working until it is unbanned. */
export async function banUser(admin: Principal, input: z.input<typeof banSchema>) {
  if (admin.role !== "ADMIN") throw new ForbiddenError("Only admins suspend accounts.");
  const { userId, reason } = parseOrThrow(banSchema, input);
  await writeTransaction(async (tx) => {
    const user = await otherAccount(tx, admin, userId, "suspend");
    if (isDeletedAccount(user)) throw new ValidationError({ userId: ["This account was deleted"] });
    await tx.user.update({ where: { id: userId }, data: { banned: true, banReason: reason ?? "Suspended by an admin", banExpires: null } });
    await tx.session.deleteMany({ where: { userId } });
    await recordAccountChange(tx, admin, { action: "SUSPEND", subject: user, details: { reason: reason ?? null } });
  });
}

/** Admin-only. Lifts a suspension; a deleted account stays deleted (its password is gone). */
export async function unbanUser(admin: Principal, input: z.input<typeof accountTargetSchema>) {
  if (admin.role !== "ADMIN") throw new ForbiddenError("Only admins lift suspensions.");
  const { userId } = parseOrThrow(accountTargetSchema, input);
  await writeTransaction(async (tx) => {
    const user = await otherAccount(tx, admin, userId, "unban");
    if (isDeletedAccount(user)) throw new ValidationError({ userId: ["A deleted account cannot be restored: create a new one"] });
    await tx.user.update({ where: { id: userId }, data: { banned: false, banReason: null, banExpires: null } });
    await recordAccountChange(tx, admin, { action: "UNBAN", subject: user });
  });
}

/**
 * Admin-only. Soft delete: the sign-in credential, sessions and API tokens go; the row stays (see
 * DELETED_ACCOUNT_REASON) with its email replaced, so the address can be given to a new account.
 */
export async function deleteUser(admin: Principal, input: z.input<typeof accountTargetSchema>) {
  if (admin.role !== "ADMIN") throw new ForbiddenError("Only admins delete accounts.");
  const { userId } = parseOrThrow(accountTargetSchema, input);
  await writeTransaction(async (tx) => {
    const user = await otherAccount(tx, admin, userId, "delete");
    if (isDeletedAccount(user)) throw new ValidationError({ userId: ["This account is already deleted"] });
    await tx.user.update({
      where: { id: userId },
      data: { banned: true, banReason: `${DELETED_ACCOUNT_REASON} (was ${user.email})`, banExpires: null, email: `deleted-${userId}@deleted.invalid` },
    });
    await tx.session.deleteMany({ where: { userId } });
    await tx.account.deleteMany({ where: { userId } });
    const { count: tokensRevoked } = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAccountChange(tx, admin, { action: "DELETE", subject: user, details: { tokensRevoked } });
  });
}

export const SUSPENDED_MESSAGE = "This account is suspended. Ask an admin.";

/** True when the account is suspended or deleted (or unknown): no session may be created for it. */
export async function isBanned(userId: string): Promise<boolean> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { banned: true } });
  return !user || user.banned === true;
}
