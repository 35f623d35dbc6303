// Account changes are in the audit trail: creating, promoting, suspending, unbanning and deleting an account, and
// issuing and revoking its API tokens each write one entry (who, whom, what) in the same transaction as the change,
// a refused change writes none, and the admin history page shows them.
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { describe, expect, it, vi } from "vitest";
import AccountHistoryPage from "@/app/admin/history/page";
import { issueApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { accountHistory, describeAccountChange } from "@/lib/audit/account-history";
import { banUser, changeRole, createUser, deleteUser, unbanUser } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { actAs, createSignedInUser, TEST_PASSWORD } from "../helpers/request-context";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);

const router: AppRouterInstance = { back() {}, forward() {}, refresh() {}, push() {}, replace() {}, prefetch() {}, bfcacheId: "test" };
const html = (element: ReactElement) => renderToString(<AppRouterContext.Provider value={router}>{element}</AppRouterContext.Provider>);

const entriesOf = async (subjectId: string) =>
  db().accountAuditEntry.findMany({ where: { subjectId }, orderBy: { id: "asc" } });

describe("the accounts' audit trail", () => {
  it("records each change to an account and its tokens, with the admin who made it", async () => {
    const admin = await createSignedInUser("ADMIN", "Audra");
    const nina = await createUser(admin.principal, { name: "Nina", email: "nina@example.test", password: TEST_PASSWORD, role: "VIEWER" });
    await changeRole(admin.principal, { userId: nina.id, role: "ANALYST" });
    const token = await issueApiToken(admin.principal, { name: "nina's notebook", userId: nina.id, scope: "READ_WRITE" });
    await revokeApiToken(admin.principal, token.id);
    await banUser(admin.principal, { userId: nina.id, reason: "Left the desk" });
    await unbanUser(admin.principal, { userId: nina.id });
    await deleteUser(admin.principal, { userId: nina.id });

    const entries = await entriesOf(nina.id);
    expect(entries.map((e) => e.action)).toEqual(["CREATE", "ROLE_CHANGE", "TOKEN_ISSUE", "TOKEN_REVOKE", "SUSPEND", "UNBAN", "DELETE"]);
    for (const e of entries) {
      expect(e).toMatchObject({ actorId: admin.principal.id, actorName: "Audra", subjectEmail: "nina@example.test" });
    }
    expect(entries.map((e) => e.details)).toEqual([
      { role: "VIEWER" },
      { from: "VIEWER", to: "ANALYST" },
      { tokenId: token.id, name: "nina's notebook", scope: "READ_WRITE" },
      { tokenId: token.id, name: "nina's notebook", scope: "READ_WRITE" },
      { reason: "Left the desk" },
      null,
      { tokensRevoked: 0 },
    ]);
    // Newest first, with the words the page shows.
    const history = await accountHistory({ subjectId: nina.id });
    expect(history.map(describeAccountChange)).toEqual([
      "", "", "reason: Left the desk", "token “nina's notebook” (read-write)", "token “nina's notebook” (read-write)", "viewer → analyst", "as viewer",
    ]);
  });

  it("writes nothing for a refused change, and a change whose entry cannot be written does not happen", async () => {
    const admin = await createSignedInUser("ADMIN", "Solo Admin");
    const before = await db().accountAuditEntry.count();
    await expect(banUser(admin.principal, { userId: admin.principal.id })).rejects.toMatchObject({ kind: "validation_failed" });
    await expect(changeRole(admin.principal, { userId: "no-such-account", role: "VIEWER" })).rejects.toMatchObject({ kind: "not_found" });
    await expect(deleteUser(admin.principal, { userId: admin.principal.id })).rejects.toMatchObject({ kind: "validation_failed" });
    await expect(revokeApiToken(admin.principal, 999_999)).rejects.toMatchObject({ kind: "not_found" });
    expect(await db().accountAuditEntry.count()).toBe(before);

    // PostgreSQL refuses a NUL in text: the entry fails to insert, and the suspension made before it rolls back.
    const olga = await createSignedInUser("ANALYST", "Olga");
    const broken = { ...admin.principal, name: "Solo\u0000Admin" };
    await expect(banUser(broken, { userId: olga.principal.id })).rejects.toThrow();
    expect((await db().user.findUniqueOrThrow({ where: { id: olga.principal.id } })).banned).toBe(false);
    expect(await db().session.count({ where: { userId: olga.principal.id } })).toBe(1);
    await expect(issueApiToken(broken, { name: "never", userId: olga.principal.id, scope: "READ" })).rejects.toThrow();
    expect(await db().apiToken.count({ where: { userId: olga.principal.id } })).toBe(0);
  });

  it("shows the changes on the admin history page, all accounts or one", async () => {
    const admin = await createSignedInUser("ADMIN", "Hana");
    const piet = await createUser(admin.principal, { name: "Piet", email: "piet@example.test", password: TEST_PASSWORD, role: "VIEWER" });
    await banUser(admin.principal, { userId: piet.id, reason: "<b>bold</b> =1+1" });
    const quinn = await createUser(admin.principal, { name: "Quinn", email: "quinn@example.test", password: TEST_PASSWORD, role: "ANALYST" });

    actAs(admin);
    const all = html(await AccountHistoryPage({ searchParams: Promise.resolve({}) }));
    expect(all).toContain("piet@example.test");
    expect(all).toContain("quinn@example.test");
    expect(all).toContain("Suspended");
    // Text, never markup.
    expect(all).toContain("reason: &lt;b&gt;bold&lt;/b&gt; =1+1");
    const one = html(await AccountHistoryPage({ searchParams: Promise.resolve({ account: quinn.id }) }));
    expect(one).toContain("quinn@example.test");
    expect(one).not.toContain("piet@example.test");
  });
});
