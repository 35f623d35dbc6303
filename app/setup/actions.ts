"use server";
// First run: creates the admin account while no account exists, then signs it in.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/better-auth";
import { createFirstAdmin } from "@/lib/auth/users";
import { type ActionResult, runAction } from "@/lib/http/errors";

export async function createFirstAdminAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const input = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
  const result = await runAction(async () => {
    const admin = await createFirstAdmin(input);
    await auth().api.signInEmail({ body: { email: admin.email, password: input.password }, headers: await headers() });
    return null;
  });
  if (result.ok) redirect("/");
  return result;
}
