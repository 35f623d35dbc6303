import { Card, Text, Title } from "@tremor/react";
import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listWebhooks } from "@/lib/notifications/webhooks";
import { NOTIFICATION_TYPES, NOTIFICATION_TYPE_LABEL } from "@/lib/notifications/types";
import { CreateWebhookForm, EditWebhookForm, PingWebhookButton, RevokeWebhookButton } from "./webhook-forms";

export const metadata: Metadata = { title: "Webhooks" };

const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "—");
const OPTIONS = NOTIFICATION_TYPES.map((t) => ({ value: t, label: NOTIFICATION_TYPE_LABEL[t] }));
const STATUS_WORD: Record<string, string> = { DELIVERED: "delivered", PENDING: "queued", SENDING: "sending", RETRY: "retrying", DEAD: "dead", CANCELLED: "cancelled" };

// Admins: outgoing webhooks. Each POSTs the notifications of its types as signed JSON (docs/webhooks.md).
export default async function WebhooksPage() {
  await requireUser("ADMIN");
  const hooks = await listWebhooks();
  const live = hooks.filter((h) => !h.revokedAt);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Webhooks</h1>
      <Card>
        <Title>Create a webhook</Title>
        <Text className="mt-1">
          Faultline POSTs each notification of the chosen types as JSON with a Slack-compatible <code>text</code>, signed with
          HMAC-SHA256 in <code>X-Faultline-Signature</code>. Only http(s) URLs; redirects are not followed. Failed deliveries are
          retried with backoff and then listed on the <Link href="/admin/jobs" className="text-tremor-brand underline dark:text-dark-tremor-brand">Jobs</Link> page.
        </Text>
        <div className="mt-4"><CreateWebhookForm options={OPTIONS} liveIds={live.map((h) => h.id)} /></div>
      </Card>
      {hooks.length === 0 && <Card><Text>No webhook yet.</Text></Card>}
      {hooks.map((h) => (
        <Card key={h.id} data-testid="webhook">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <Title className="break-all">{h.name}</Title>
            <Text>
              {h.revokedAt ? `revoked ${when(h.revokedAt)}` : h.enabled ? "enabled" : "disabled"} · version {h.version} · created {when(h.createdAt)}
            </Text>
          </div>
          <Text className="mt-1">
            Deliveries:{" "}
            {Object.keys(h.deliveries).length === 0 ? "none yet" : Object.entries(h.deliveries).map(([s, c]) => `${c} ${STATUS_WORD[s] ?? s}`).join(", ")}
          </Text>
          {h.revokedAt ? (
            <Text className="mt-2 break-all">{h.url}</Text>
          ) : (
            <div className="mt-4 space-y-3">
              <EditWebhookForm hook={h} options={OPTIONS} />
              <div className="flex flex-wrap gap-3 border-t border-tremor-border pt-3 dark:border-dark-tremor-border">
                <PingWebhookButton id={h.id} />
                <RevokeWebhookButton id={h.id} />
              </div>
            </div>
          )}
        </Card>
      ))}
    </div>
  );
}
