// argon2id for account passwords (OWASP's first choice), through @node-rs/argon2's native binding.
import { hash, verify } from "@node-rs/argon2";

// OWASP 2024 minimum for argon2id: m = 19 MiB, t = 2, p = 1.
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id: a const enum, unusable under isolatedModules */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword({ hash: stored, password }: { hash: string; password: string }): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    // A malformed stored hash is a failed sign-in, not a server error.
    return false;
  }
}
