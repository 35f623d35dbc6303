"use server";
// Sign-in through better-auth (its cookie is set by the nextCookies plugin); the login throttle runs in its hooks.
import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signInSchema } from "@/lib/auth/account-schemas";
import { auth } from "@/lib/auth/better-auth";
import { type ActionResult, AuthenticationError, runAction, TooManyRequestsError } from "@/lib/http/errors";
import { parseOrThrow } from "@/lib/validation/parse";

export async function signInAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    const input = parseOrThrow(signInSchema, { email: form.get("email"), password: form.get("password") });
    try {
      await auth().api.signInEmail({ body: input, headers: await headers() });
    } catch (err) {
      if (!isAPIError(err)) throw err;
      if (err.statusCode === 429) throw new TooManyRequestsError(err.message);
      throw new AuthenticationError("Wrong email or password.");
    }
    return null;
  });
  if (result.ok) redirect("/");
  return result;
}

