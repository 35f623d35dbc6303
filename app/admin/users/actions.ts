"use server";
// Admins create accounts, change roles, suspend, unban and delete accounts.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { banUser, changeRole, createUser, deleteUser, type NewUserInput, unbanUser } from "@/lib/auth/users";
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

const userIdOf = (form: FormData) => String(form.get("userId") ?? "");

export async function banUserAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const admin = await requireUser("ADMIN");
  return runAction(async () => {
    await banUser(admin, { userId: userIdOf(form), reason: String(form.get("reason") ?? "") });
    revalidatePath("/admin/users");
    return null;
  });
}

export async function unbanUserAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const admin = await requireUser("ADMIN");
  return runAction(async () => {
    await unbanUser(admin, { userId: userIdOf(form) });
    revalidatePath("/admin/users");
    return null;
  });
}

export async function deleteUserAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const admin = await requireUser("ADMIN");
  return runAction(async () => {
    await deleteUser(admin, { userId: userIdOf(form) });
    revalidatePath("/admin/users");
    return null;
  });
}
