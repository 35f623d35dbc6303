// The key that signs session cookies. BETTER_AUTH_SECRET when set; otherwise one generated on first start and kept
// in the data folder (`.faultline/auth-secret`, mode 0600) so sessions survive restarts.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { config, type Env } from "@/lib/config/env";

export function authSecretPath(dataDir = config().FAULTLINE_DATA_DIR): string {
  return path.resolve(dataDir, "auth-secret");
}

/** Reads the configured or stored secret, creating the stored one if there is none. */
export function resolveAuthSecret(env: Pick<Env, "BETTER_AUTH_SECRET" | "FAULTLINE_DATA_DIR"> = config()): string {
  const configured = env.BETTER_AUTH_SECRET?.trim();
  if (configured) return configured;
  const file = authSecretPath(env.FAULTLINE_DATA_DIR);
  try {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
