// The JSON body every webhook receives (schema "faultline.notification/1", documented in docs/webhooks.md). Fields are
// only ever added to version 1; a change that removes or retypes one is version 2.
import type { NotificationType } from "@/lib/notifications/types";

export const WEBHOOK_SCHEMA = "faultline.notification/1";

export interface WebhookBody {
  schema: typeof WEBHOOK_SCHEMA;
  /** The notification key: the same across retries, so a receiver can drop a duplicate it already handled. */
  id: string;
  type: NotificationType | "webhook.ping";
  /** ISO 8601, when the notification was published. */
  createdAt: string;
  title: string;
  /** Slack-compatible: "*title*\ntext\n<url|Open in Faultline>", usable as an incoming-webhook message as is. */
  text: string;
  /** Absolute when BETTER_AUTH_URL is set, otherwise the path inside the app. */
  url: string;
  assetIds: number[];
  eventId: number | null;
  themeIds: number[];
  data: Record<string, unknown>;
}

/** Slack's mrkdwn wants &, < and > escaped in text. */
function slackEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function slackText(title: string, text: string, url: string): string {
  const lines = [`*${slackEscape(title)}*`];
  if (text.trim()) lines.push(slackEscape(text));
  lines.push(/^https?:\/\//.test(url) ? `<${url}|Open in Faultline>` : url);
  return lines.join("\n");
}

export function absoluteUrl(url: string, base: string | undefined): string {
  if (/^https?:\/\//.test(url) || !base) return url;
  return new URL(url, base).toString();
}
