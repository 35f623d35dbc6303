// API tokens for scripts: issued by an admin for an account, shown once, stored as SHA-256 (the token has 256 bits
// of entropy, so a slow hash adds nothing), revocable, scoped READ (viewer rights) or READ_WRITE (the account's role).
// Issuing and revoking are recorded in the accounts' history, in the same transaction.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAccountChange } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { writeTransaction } from "@/lib/db/transaction";
import type { TokenScope } from "@/lib/db/generated/enums";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/roles";

const TOKEN_PREFIX = "flt_";

export const issueTokenSchema = z.object({
  name: z.string({ error: "Name the token" }).trim().min(1, "Name the token").max(100, "Token name must be at most 100 characters"),
  userId: z.string({ error: "Choose the account the token acts as" }).min(1, "Choose the account the token acts as"),
  scope: z.enum(["READ", "READ_WRITE"], { error: "Scope must be read or read-write" }),
});
export type IssueTokenInput = z.input<typeof issueTokenSchema>;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Issues a token and returns it in clear exactly once. */
export async function issueApiToken(issuer: Principal, input: IssueTokenInput): Promise<{ id: number; token: string }> {
  const parsed = issueTokenSchema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await writeTransaction(async (tx) => {
    const owner = await tx.user.findUnique({ where: { id: parsed.data.userId } });
    if (!owner) throw new ValidationError({ userId: ["No such account"] });
    const row = await tx.apiToken.create({
      data: {
        name: parsed.data.name,
        scope: parsed.data.scope,
        userId: owner.id,
        createdById: issuer.id,
        tokenHash: hashToken(token),
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      },
    });
    await recordAccountChange(tx, issuer, { action: "TOKEN_ISSUE", subject: owner, details: { tokenId: row.id, name: row.name, scope: row.scope } });
    return row;
  });
  return { id: row.id, token };
}

export async function revokeApiToken(admin: Principal, id: number): Promise<void> {
  await writeTransaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) throw new NotFoundError("No active token with this id.");
    const row = await tx.apiToken.findUniqueOrThrow({ where: { id }, include: { user: { select: { id: true, email: true } } } });
    await recordAccountChange(tx, admin, { action: "TOKEN_REVOKE", subject: row.user, details: { tokenId: row.id, name: row.name, scope: row.scope } });
  });
}

export async function listApiTokens() {
  return db().apiToken.findMany({
    orderBy: { createdAt: "desc" },
    select: {
      id: true, name: true, prefix: true, scope: true, createdAt: true, lastUsedAt: true, revokedAt: true,
      user: { select: { name: true, email: true } },
      createdBy: { select: { name: true } },
    },
  });
}

/** The principal a bearer token acts as, or null for an unknown, revoked or banned one. */
export async function principalForToken(token: string): Promise<Principal | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await db().apiToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!row || row.revokedAt || row.user.banned) return null;
  const role = scopeRole(row.scope, row.user.role);
  return { id: row.user.id, name: row.user.name, email: row.user.email, role, via: "token", tokenId: row.id };
}

/**
 * Marks a token used, once the request it carried has been allowed: a refused request (scope too low) writes
 * nothing. Best effort: a lost update of "last used" is harmless and must not slow or fail the request.
 */
export function recordTokenUse(tokenId: number): void {
  void db().apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: new Date() } }).catch(() => undefined);
}

function scopeRole(scope: TokenScope, ownerRole: Principal["role"]): Principal["role"] {
  if (scope === "READ") return "VIEWER";
  // Tokens are for the data API: admin powers (users, tokens) stay with signed-in admins.
  return hasRole(ownerRole, "ANALYST") ? "ANALYST" : ownerRole;
}
