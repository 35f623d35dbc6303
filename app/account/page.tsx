import { Card, Text, Title } from "@tremor/react";
import type { Metadata } from "next";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { ChangePasswordForm, SignOutEverywhereButton } from "./account-forms";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Your account</h1>
      <Card>
        <Text>{user.name} · {user.email} · {ROLE_LABEL[user.role]}</Text>
      </Card>
      <Card>
        <Title>Change password</Title>
        <div className="mt-4"><ChangePasswordForm /></div>
      </Card>
      <Card>
        <Title>Sessions</Title>
        <Text className="mt-2">Ends every session of your account, on every device, this one included.</Text>
        <div className="mt-4"><SignOutEverywhereButton /></div>
      </Card>
    </div>
  );
}
