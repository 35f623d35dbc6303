// Which URLs a webhook may point at. Only http(s), no credentials in the URL, and redirects are never followed at
// send time, so a receiver cannot bounce a request elsewhere. Private and loopback addresses are allowed on purpose:
// a self-hosted install usually posts to a chat server on its own network. docs/webhooks.md says so.
import { z } from "zod";

export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "https:" || u.protocol === "http:") && !u.username && !u.password && u.hostname.length > 0;
    } catch {
      return false;
    }
  }, "must be an http:// or https:// URL without a user name or password");
