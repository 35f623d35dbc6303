import { Card, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Title } from "@tremor/react";
import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { listUsers } from "@/lib/auth/users";
import { CreateUserForm, RoleForm } from "./user-forms";

export const metadata: Metadata = { title: "Accounts" };

export default async function UsersPage() {
  await requireUser("ADMIN");
  const users = await listUsers();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-tremor-content-strong">Accounts</h1>
      <Card>
        <Title>Create an account</Title>
        <div className="mt-4"><CreateUserForm /></div>
      </Card>
      <Card>
        <Title>{users.length} accounts</Title>
        <Table className="mt-4">
          <TableHead><TableRow><TableHeaderCell>Name</TableHeaderCell><TableHeaderCell>Email</TableHeaderCell><TableHeaderCell>Role</TableHeaderCell><TableHeaderCell>Sessions</TableHeaderCell></TableRow></TableHead>
          <TableBody>
            {users.map((u) => (
              <TableRow key={u.id}>
                <TableCell>{u.name}</TableCell>
                <TableCell>{u.email}</TableCell>
                <TableCell><RoleForm userId={u.id} role={u.role} /></TableCell>
                <TableCell>{u._count.sessions}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
    </div>
  );
}
