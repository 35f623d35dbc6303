// Admins suspend, unban and delete accounts: a suspended account is refused everywhere (sign-in, sessions, tokens)
// until it is unbanned; a deleted one loses its sign-in for good but keeps its name on what it wrote.
import { describe, expect, it, vi } from "vitest";
import { banUserAction, deleteUserAction, unbanUserAction } from "@/app/admin/users/actions";
import { signInAction } from "@/app/login/actions";
import { createAnnotation } from "@/lib/annotations/commands";
import { annotationsForAsset } from "@/lib/annotations/queries";
import { issueApiToken } from "@/lib/auth/api-tokens";
import { authenticateRequest } from "@/lib/auth/session";
import { banUser, createUser, deleteUser, isDeletedAccount, unbanUser } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import type { ActionResult } from "@/lib/http/errors";
import { seedStoryline } from "@/lib/seed/seed";
import { actAs, createSignedInUser, redirectTarget, requestAs, signIn, TEST_PASSWORD } from "../helpers/request-context";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);
vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheModule);

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

async function signInThroughTheForm(email: string): Promise<ActionResult | string | null> {
  actAs(null);
  const outcome = await signInAction(null, form({ email, password: TEST_PASSWORD })).catch((e: unknown) => e);
  return redirectTarget(outcome) ?? (outcome as ActionResult);
}

describe("suspending and unbanning an account", () => {
  it("ends its sessions, refuses its tokens and its sign-in, and unbanning gives them back", async () => {
    const admin = await createSignedInUser("ADMIN", "Root");
    const ana = await createSignedInUser("ANALYST", "Ana");
    const token = await issueApiToken(admin.principal, { name: "ana's script", userId: ana.principal.id, scope: "READ" });

    actAs(admin);
    expect(await banUserAction(null, form({ userId: ana.principal.id, reason: "Left the desk" }))).toEqual({ ok: true, data: null });
    expect(await db().user.findUniqueOrThrow({ where: { id: ana.principal.id } })).toMatchObject({ banned: true, banReason: "Left the desk" });
    expect(await db().session.count({ where: { userId: ana.principal.id } })).toBe(0);
    await expect(authenticateRequest(requestAs(ana, "/api/v1/events"))).rejects.toMatchObject({ kind: "unauthenticated" });
    await expect(authenticateRequest(requestAs({ token: token.token }, "/api/v1/events"))).rejects.toMatchObject({ kind: "unauthenticated" });

    // The right password gets a clear refusal, and leaves no session behind.
    expect(await signInThroughTheForm(ana.principal.email)).toMatchObject({ ok: false, status: 403, message: "This account is suspended. Ask an admin." });
    expect(await db().session.count({ where: { userId: ana.principal.id } })).toBe(0);

    actAs(admin);
    expect(await unbanUserAction(null, form({ userId: ana.principal.id }))).toEqual({ ok: true, data: null });
    expect(await signInThroughTheForm(ana.principal.email)).toBe("/");
    const cookie = await signIn(ana.principal.email, TEST_PASSWORD);
    await expect(authenticateRequest(requestAs({ ...ana, cookie }, "/api/v1/events"))).resolves.toMatchObject({ id: ana.principal.id });
    await expect(authenticateRequest(requestAs({ token: token.token }, "/api/v1/events"))).resolves.toMatchObject({ id: ana.principal.id });
  });

  it("refuses an admin acting on their own account, an unknown account and a non-admin", async () => {
    const admin = await createSignedInUser("ADMIN", "Solo");
    const analyst = await createSignedInUser("ANALYST", "Ed");
    actAs(admin);
    expect(await banUserAction(null, form({ userId: admin.principal.id }))).toMatchObject({ ok: false, status: 422, fieldErrors: { userId: ["You cannot suspend your own account"] } });
    expect(await deleteUserAction(null, form({ userId: admin.principal.id }))).toMatchObject({ ok: false, status: 422 });
    expect(await banUserAction(null, form({ userId: "no-such-account" }))).toMatchObject({ ok: false, status: 404 });
    await expect(banUser(analyst.principal, { userId: admin.principal.id })).rejects.toMatchObject({ kind: "forbidden" });
    expect((await db().user.findUniqueOrThrow({ where: { id: admin.principal.id } })).banned).toBe(false);
  });
});

describe("deleting an account", () => {
  it("removes its sign-in, sessions and tokens, frees the email, and keeps its name on its notes", async () => {
    await seedStoryline("DEMO");
    const admin = await createSignedInUser("ADMIN", "Boss");
    const ben = await createSignedInUser("ANALYST", "Ben");
    const token = await issueApiToken(admin.principal, { name: "ben's script", userId: ben.principal.id, scope: "READ_WRITE" });
    const note = await createAnnotation(ben.principal, { assetSymbol: "EWY", pinnedDate: "2024-06-20", body: "Ben's last note" });

    await deleteUser(admin.principal, { userId: ben.principal.id });
    const row = await db().user.findUniqueOrThrow({ where: { id: ben.principal.id } });
    expect(isDeletedAccount(row)).toBe(true);
    expect(row.banReason).toBe(`Account deleted (was ${ben.principal.email})`);
    expect(row.name).toBe("Ben");
    expect(await db().account.count({ where: { userId: ben.principal.id } })).toBe(0);
    expect(await db().session.count({ where: { userId: ben.principal.id } })).toBe(0);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).not.toBeNull();
    await expect(authenticateRequest(requestAs({ token: token.token }, "/api/v1/events"))).rejects.toMatchObject({ kind: "unauthenticated" });
    await expect(signIn(ben.principal.email, TEST_PASSWORD)).rejects.toThrow(/401/);

    const asset = await db().asset.findUniqueOrThrow({ where: { symbol: "EWY" } });
    const notes = await annotationsForAsset(asset.id);
    expect(notes.find((n) => n.id === note.id)).toMatchObject({ authorName: "Ben" });
    expect((await db().auditEntry.findFirstOrThrow({ where: { entity: "ANNOTATION", entityId: note.id } })).actorId).toBe(ben.principal.id);

    // The address can be given to a new account; the deleted one cannot come back.
    await expect(createUser(admin.principal, { name: "Ben again", email: ben.principal.email, password: TEST_PASSWORD, role: "VIEWER" })).resolves.toMatchObject({ email: ben.principal.email });
    await expect(unbanUser(admin.principal, { userId: ben.principal.id })).rejects.toMatchObject({ kind: "validation_failed" });
    await expect(deleteUser(admin.principal, { userId: ben.principal.id })).rejects.toMatchObject({ kind: "validation_failed" });
  });
});
