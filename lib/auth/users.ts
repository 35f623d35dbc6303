// Accounts: the first admin (first-run page or ADMIN_EMAIL/ADMIN_PASSWORD), admin-created users, roles, and
// "sign out everywhere". Passwords are hashed here exactly as better-auth's credential provider expects them.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/http/errors";
import { hashPassword } from "@/lib/auth/password-hash";
import { passwordSchema } from "@/lib/auth/password-policy";
import type { Principal } from "@/lib/auth/principal";
import { ROLES, type Role } from "@/lib/auth/roles";

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

async function insertUser(data: z.output<typeof newUserSchema>, tx = db()) {
  const id = randomUUID();
  const hash = await hashPassword(data.password);
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
  if (await db().user.findUnique({ where: { email: parsed.data.email } })) {
    throw new ValidationError({ email: ["An account with this email already exists"] });
  }
  return insertUser(parsed.data);
}

/**
 * First run only: creates the admin account when no account exists. The advisory lock makes two simultaneous
 * first visits produce one admin, not two.
 */
export async function createFirstAdmin(input: z.input<typeof firstAdminSchema>) {
  const parsed = firstAdminSchema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error);
  const hash = await hashPassword(parsed.data.password);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('faultline:first-admin'))`;
    if ((await tx.user.count()) > 0) throw new ConflictError("An admin account already exists: sign in instead.");
    const id = randomUUID();
    return tx.user.create({
      data: {
        id, name: parsed.data.name, email: parsed.data.email, emailVerified: true, role: "ADMIN",
        accounts: { create: { id: randomUUID(), accountId: id, providerId: "credential", password: hash } },
      },
      select: { id: true, name: true, email: true, role: true },
    });
  });
}

export async function listUsers() {
  return db().user.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, email: true, role: true, createdAt: true, _count: { select: { sessions: true } } },
  });
}

/** Admin-only. Ends the account's sessions so the new role applies at once. Refuses to demote the last admin. */
export async function changeRole(admin: Principal, input: z.input<typeof roleChangeSchema>) {
  if (admin.role !== "ADMIN") throw new ForbiddenError("Only admins change roles.");
  const parsed = roleChangeSchema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('faultline:roles'))`;
    const user = await tx.user.findUnique({ where: { id: parsed.data.userId } });
    if (!user) throw new NotFoundError("No such account.");
    if (user.role === "ADMIN" && parsed.data.role !== "ADMIN" && (await tx.user.count({ where: { role: "ADMIN" } })) === 1) {
      throw new ValidationError({ role: ["The last admin cannot be demoted: make another admin first"] });
    }
    await tx.user.update({ where: { id: user.id }, data: { role: parsed.data.role } });
    await tx.session.deleteMany({ where: { userId: user.id } });
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
