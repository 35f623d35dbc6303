"use server";
// Admins create accounts and change roles.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { changeRole, createUser, type NewUserInput } from "@/lib/auth/users";
import { type ActionResult, runAction } from "@/lib/http/errors";

export async function createUserAction(_prev: ActionResult<{ email: string }> | null, form: FormData): Promise<ActionResult<{ email: string }>> {
  const admin = await requireUser("ADMIN");
  return runAction(async () => {
    const user = await createUser(admin, Object.fromEntries(form) as unknown as NewUserInput);
    revalidatePath("/admin/users");
    return { email: user.email };
  });
}

export async function changeRoleAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const admin = await requireUser("ADMIN");
  return runAction(async () => {
    await changeRole(admin, { userId: String(form.get("userId") ?? ""), role: String(form.get("role") ?? "") as never });
    revalidatePath("/admin/users");
    return null;
  });
}
