import { Card, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Text } from "@tremor/react";
import type { Metadata } from "next";
import Link from "next/link";
import { ACCOUNT_CHANGE_LABEL, ACCOUNT_HISTORY_PAGE_SIZE, accountHistory, describeAccountChange } from "@/lib/audit/account-history";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Account history" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const at = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");

// Admins: every account change (created, role, suspended, unbanned, deleted) and every API token issued or revoked,
// newest first; `?account=<id>` narrows it to one account.
export default async function AccountHistoryPage({ searchParams }: Props) {
  await requireUser("ADMIN");
  const raw = (await searchParams).account;
  const subjectId = typeof raw === "string" && raw.length > 0 && raw.length <= 100 ? raw : undefined;
  const entries = await accountHistory({ subjectId });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-tremor-content-strong">Account history</h1>
      <Text>
        {subjectId ? (
          <>Changes to one account. <Link href="/admin/history" className="underline">All accounts</Link></>
        ) : (
          <>The latest {ACCOUNT_HISTORY_PAGE_SIZE} changes to accounts and API tokens, newest first. <Link href="/admin/users" className="underline">Accounts</Link></>
        )}
      </Text>
      <Card>
        {entries.length === 0 ? <Text>No account change recorded yet.</Text> : (
          <Table>
            <TableHead>
              <TableRow>
                <TableHeaderCell>When (UTC)</TableHeaderCell>
                <TableHeaderCell>Change</TableHeaderCell>
                <TableHeaderCell>Account</TableHeaderCell>
                <TableHeaderCell>Details</TableHeaderCell>
                <TableHeaderCell>By</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {entries.map((e) => (
                <TableRow key={e.id} data-account-change={e.action}>
                  <TableCell>{at(e.at)}</TableCell>
                  <TableCell>{ACCOUNT_CHANGE_LABEL[e.action]}</TableCell>
                  <TableCell><Link href={`/admin/history?account=${encodeURIComponent(e.subjectId)}`} className="underline">{e.subjectEmail}</Link></TableCell>
                  <TableCell className="whitespace-normal">{describeAccountChange(e)}</TableCell>
                  <TableCell>{e.actorName}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
    </div>
  );
}
