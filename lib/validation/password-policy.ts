// Password rules shared by the first-run page, the admin's "create user" form, password change and ADMIN_PASSWORD.
import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

const SEQUENCES = ["0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm"];

/** A run like "abcdefghijkl" or "987654321098" is as guessable as a short password. */
function isSequential(p: string): boolean {
  const lower = p.toLowerCase();
  return SEQUENCES.some((seq) => {
    const cyclic = seq + seq;
    const reversed = [...cyclic].reverse().join("");
    return cyclic.includes(lower) || reversed.includes(lower);
  });
}

export const passwordSchema = z
  .string({ error: "Enter a password" })
  .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `Password must be at most ${MAX_PASSWORD_LENGTH} characters`)
  .refine((p) => new Set(p).size > 1, "Password must not repeat a single character")
  .refine((p) => new Set(p).size >= 4, "Password must use at least 4 different characters")
  .refine((p) => !isSequential(p), "Password must not be a run of consecutive characters")
  .refine((p) => !/^password/i.test(p), "Password must not start with “password”");
