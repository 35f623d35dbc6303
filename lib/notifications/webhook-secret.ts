// Webhook secrets: generated here, shown to the admin once, stored encrypted (AES-256-GCM under a key derived from
// the app secret) because signing needs the secret itself, not a hash. Rotating the app secret makes stored webhook
// secrets unreadable: such webhooks fail with "secret unreadable" until an admin recreates them.
import "server-only";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { resolveAuthSecret } from "@/lib/auth/secret";

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", resolveAuthSecret(), "faultline", "webhook-secret/v1", 32));
}

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

export function sealSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString("base64url")).join(".");
}

export function openSecret(sealed: string): string {
  const [iv, tag, data] = sealed.split(".").map((p) => Buffer.from(p, "base64url"));
  if (!iv || !tag || !data) throw new Error("secret unreadable");
  const decipher = createDecipheriv("aes-256-gcm", key(), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
}

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`, the X-Faultline-Signature header. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}
