import { Card, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Title } from "@tremor/react";
import { DataTable } from "../../_components/data-table";
import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { isDeletedAccount, listUsers } from "@/lib/auth/users";
import { BanForm, CreateUserForm, DeleteUserForm, RoleForm } from "./user-forms";

export const metadata: Metadata = { title: "Accounts" };

export default async function UsersPage() {
  const admin = await requireUser("ADMIN");
  const users = await listUsers();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Accounts</h1>
        <Link href="/admin/history" className="text-sm underline">History of account changes</Link>
      </div>
      <Card>
        <Title>Create an account</Title>
        <div className="mt-4"><CreateUserForm /></div>
      </Card>
      <Card>
        <Title>{users.length} accounts</Title>
        <DataTable label="Accounts" className="mt-4">
          <TableHead><TableRow><TableHeaderCell>Name</TableHeaderCell><TableHeaderCell>Email</TableHeaderCell><TableHeaderCell>Role</TableHeaderCell><TableHeaderCell>Sessions</TableHeaderCell><TableHeaderCell>Status</TableHeaderCell></TableRow></TableHead>
          <TableBody>
            {users.map((u) => {
              const deleted = isDeletedAccount(u);
              const self = u.id === admin.id;
              return (
                <TableRow key={u.id} data-account-status={deleted ? "deleted" : u.banned ? "suspended" : "active"}>
                  <TableCell>{u.name}</TableCell>
                  <TableCell>{deleted ? <span className="text-tremor-content dark:text-dark-tremor-content">{u.banReason}</span> : u.email}</TableCell>
                  <TableCell>{deleted ? "—" : <RoleForm userId={u.id} role={u.role} />}</TableCell>
                  <TableCell>{u._count.sessions}</TableCell>
                  <TableCell className="whitespace-normal">
                    {deleted ? "Deleted" : (
                      <div className="space-y-1">
                        <div>{u.banned ? `Suspended${u.banReason ? `: ${u.banReason}` : ""}` : "Active"}</div>
                        {!self && <BanForm userId={u.id} name={u.name} banned={u.banned === true} />}
                        {!self && <DeleteUserForm userId={u.id} name={u.name} />}
                      </div>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </DataTable>
      </Card>
    </div>
  );
}
