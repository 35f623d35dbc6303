import { z } from "zod";
import { passwordSchema } from "@/lib/validation/password-policy";

export const signInSchema = z.object({
  email: z.email("Enter your email address").trim().toLowerCase(),
  password: z.string().min(1, "Enter your password"),
});

const passwordChangeFields = {
  currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password"),
  newPassword: passwordSchema,
};
const newDiffersFromCurrent: [(p: { currentPassword: string; newPassword: string }) => boolean, { path: string[]; message: string }] = [
  (p) => p.newPassword !== p.currentPassword,
  { path: ["newPassword"], message: "Choose a password different from the current one" },
];

/**
 * A password change however it arrives: better-auth's `/change-password` endpoint applies it in a hook, so the
 * policy holds for scripts as it does for the account page.
 */
export const passwordChangeSchema = z.object(passwordChangeFields).refine(...newDiffersFromCurrent);

/** The account page's form: the same change, with the new password typed twice. */
export const changePasswordSchema = z
  .object({ ...passwordChangeFields, confirmPassword: z.string() })
  .refine((p) => p.newPassword === p.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ" })
  .refine(...newDiffersFromCurrent);
