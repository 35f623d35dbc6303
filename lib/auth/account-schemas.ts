import { z } from "zod";
import { passwordSchema } from "@/lib/validation/password-policy";

export const signInSchema = z.object({
  email: z.email("Enter your email address").trim().toLowerCase(),
  password: z.string().min(1, "Enter your password"),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password"),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((p) => p.newPassword === p.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ" })
  .refine((p) => p.newPassword !== p.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one" });
