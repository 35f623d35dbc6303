"use server";
// Sign-in through better-auth (its cookie is set by the nextCookies plugin); the login throttle and the refusal of
// suspended and deleted accounts run in its hooks (lib/auth/better-auth.ts).
import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signInSchema } from "@/lib/auth/account-schemas";
import { auth } from "@/lib/auth/better-auth";
import { SUSPENDED_MESSAGE } from "@/lib/auth/users";
import { AuthenticationError, ForbiddenError, TooManyRequestsError } from "@/lib/errors";
import { type ActionResult, runAction } from "@/lib/http/errors";
import { parseOrThrow } from "@/lib/validation/parse";

export async function signInAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    const input = parseOrThrow(signInSchema, { email: form.get("email"), password: form.get("password") });
    try {
      await auth().api.signInEmail({ body: input, headers: await headers() });
    } catch (err) {
      if (!isAPIError(err)) throw err;
      if (err.statusCode === 429) throw new TooManyRequestsError(err.message);
      // The password was right but the account is suspended: no session was made.
      if (err.statusCode === 403) throw new ForbiddenError(SUSPENDED_MESSAGE);
      throw new AuthenticationError("Wrong email or password.");
    }
    return null;
  });
  if (result.ok) redirect("/");
  return result;
}
