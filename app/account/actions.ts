"use server";
// The signed-in user's own account: change password (other sessions end), sign out, sign out everywhere.
import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { changePasswordSchema } from "@/lib/auth/account-schemas";
import { auth } from "@/lib/auth/better-auth";
import { requireUser } from "@/lib/auth/session";
import { revokeAllSessions } from "@/lib/auth/users";
import { ValidationError } from "@/lib/errors";
import { type ActionResult, runAction } from "@/lib/http/errors";
import { parseOrThrow } from "@/lib/validation/parse";

export async function changePasswordAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  await requireUser("VIEWER");
  return runAction(async () => {
    const input = parseOrThrow(changePasswordSchema, Object.fromEntries(form));
    try {
      await auth().api.changePassword({
        body: { currentPassword: input.currentPassword, newPassword: input.newPassword, revokeOtherSessions: true },
        headers: await headers(),
      });
    } catch (err) {
      if (isAPIError(err) && (err.statusCode === 400 || err.statusCode === 401)) {
        throw new ValidationError({ currentPassword: ["The current password is not right"] });
      }
      throw err;
    }
    return null;
  });
}

export async function signOutAction(): Promise<void> {
  await requireUser("VIEWER");
  await auth().api.signOut({ headers: await headers() });
  redirect("/login");
}

export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireUser("VIEWER");
  await revokeAllSessions(user.id);
  redirect("/login");
}
