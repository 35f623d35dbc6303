import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { hasAnyUser } from "@/lib/auth/users";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  if (!(await hasAnyUser())) redirect("/setup");
  if (await currentUser()) redirect("/");
  return (
    <div className="mx-auto max-w-sm space-y-6 py-10">
      <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Sign in to Faultline</h1>
      <LoginForm />
      <p className="text-sm text-tremor-content dark:text-dark-tremor-content">No account? Ask an admin to create one for you.</p>
    </div>
  );
}
