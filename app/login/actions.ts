"use server";
// Sign-in through better-auth (its cookie is set by the nextCookies plugin); the login throttle runs in its hooks.
import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signInSchema } from "@/lib/auth/account-schemas";
import { auth } from "@/lib/auth/better-auth";
import { isBanned, revokeAllSessions } from "@/lib/auth/users";
import { AuthenticationError, ForbiddenError, TooManyRequestsError } from "@/lib/errors";
import { type ActionResult, runAction } from "@/lib/http/errors";
import { parseOrThrow } from "@/lib/validation/parse";

export async function signInAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    const input = parseOrThrow(signInSchema, { email: form.get("email"), password: form.get("password") });
    let userId: string;
    try {
      userId = (await auth().api.signInEmail({ body: input, headers: await headers() })).user.id;
    } catch (err) {
      if (!isAPIError(err)) throw err;
      if (err.statusCode === 429) throw new TooManyRequestsError(err.message);
      throw new AuthenticationError("Wrong email or password.");
    }
    // The password was right, so saying "suspended" tells nothing to someone guessing; the session just made would
    // be refused on every request anyway (principalFromSession), so it goes at once.
    if (await isBanned(userId)) {
      await revokeAllSessions(userId);
      throw new ForbiddenError("This account is suspended. Ask an admin.");
    }
    return null;
  });
  if (result.ok) redirect("/");
  return result;
}

