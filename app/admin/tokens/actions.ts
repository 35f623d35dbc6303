"use server";
// Admins issue API tokens (shown once) and revoke them.
import { revalidatePath } from "next/cache";
import { issueApiToken, revokeApiToken, type IssueTokenInput } from "@/lib/auth/api-tokens";
import { requireUser } from "@/lib/auth/session";
import { type ActionResult, runAction } from "@/lib/http/errors";
import { idSchema } from "@/lib/validation/fields";
import { parseOrThrow } from "@/lib/validation/parse";

export async function issueTokenAction(_prev: ActionResult<{ id: number; token: string }> | null, form: FormData): Promise<ActionResult<{ id: number; token: string }>> {
  const admin = await requireUser("ADMIN");
  return runAction(async () => {
    const { id, token } = await issueApiToken(admin, Object.fromEntries(form) as unknown as IssueTokenInput);
    revalidatePath("/admin/tokens");
    return { id, token };
  });
}

export async function revokeTokenAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const admin = await requireUser("ADMIN");
  return runAction(async () => {
    await revokeApiToken(admin, parseOrThrow(idSchema("Token"), form.get("id")));
    revalidatePath("/admin/tokens");
    return null;
  });
}
