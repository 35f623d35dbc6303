import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { hasAnyUser } from "@/lib/auth/users";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Create the admin account" };

/** First run only: once any account exists this page sends everyone to sign in. */
export default async function SetupPage() {
  if (await hasAnyUser()) redirect("/login");
  return (
    <div className="mx-auto max-w-sm space-y-6 py-10">
      <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Create the admin account</h1>
      <p className="text-sm">Faultline has no account yet. The first one is the admin, who then creates accounts for the team.</p>
      <SetupForm />
    </div>
  );
}
