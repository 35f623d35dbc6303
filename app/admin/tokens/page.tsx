import { Card, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Text, Title } from "@tremor/react";
import { DataTable } from "../../_components/data-table";
import type { Metadata } from "next";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { requireUser } from "@/lib/auth/session";
import { listUsers } from "@/lib/auth/users";
import { IssueTokenForm, RevokeTokenButton } from "./token-forms";

export const metadata: Metadata = { title: "API tokens" };

const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "—");

export default async function TokensPage() {
  await requireUser("ADMIN");
  const [tokens, users] = await Promise.all([listApiTokens(), listUsers()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">API tokens</h1>
      <Card>
        <Title>Issue a token</Title>
        <Text className="mt-1">Scripts send it as <code>Authorization: Bearer …</code>. A read token acts as a viewer; a read-write token as its account, at most as an analyst.</Text>
        <div className="mt-4"><IssueTokenForm users={users.map((u) => ({ id: u.id, label: `${u.name} (${u.role.toLowerCase()})` }))} liveTokenIds={tokens.filter((t) => !t.revokedAt).map((t) => t.id)} /></div>
      </Card>
      <Card>
        <Title>Tokens</Title>
        <DataTable label="API tokens" className="mt-4">
          <TableHead><TableRow><TableHeaderCell>Name</TableHeaderCell><TableHeaderCell>Token</TableHeaderCell><TableHeaderCell>Scope</TableHeaderCell><TableHeaderCell>Acts as</TableHeaderCell><TableHeaderCell>Created</TableHeaderCell><TableHeaderCell>Last used</TableHeaderCell><TableHeaderCell><span className="sr-only">Revocation</span></TableHeaderCell></TableRow></TableHead>
          <TableBody>
            {tokens.map((t) => (
              <TableRow key={t.id}>
                <TableCell>{t.name}</TableCell>
                <TableCell className="font-mono">{t.prefix}…</TableCell>
                <TableCell>{t.scope === "READ" ? "read" : "read-write"}</TableCell>
                <TableCell>{t.user.name}</TableCell>
                <TableCell>{when(t.createdAt)} by {t.createdBy?.name ?? "—"}</TableCell>
                <TableCell>{when(t.lastUsedAt)}</TableCell>
                <TableCell>{t.revokedAt ? `revoked ${when(t.revokedAt)}` : <RevokeTokenButton id={t.id} />}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </DataTable>
      </Card>
    </div>
  );
}
