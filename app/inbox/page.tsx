import { Card, Text } from "@tremor/react";
import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { inbox, unreadCount } from "@/lib/notifications/inbox";
import { NOTIFICATION_TYPE_LABEL, type NotificationType } from "@/lib/notifications/types";
import { secondaryButtonClass } from "../_components/forms/form-feedback";
import { markAllReadAction, markReadAction } from "./actions";
import { UnreadSync } from "./unread-sync";

export const metadata: Metadata = { title: "Inbox" };

const when = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");

// The user's notifications, newest first; unread ones stand out and can be marked read one by one or all at once.
export default async function InboxPage() {
  const user = await requireUser();
  const items = await inbox(user.id);
  const unread = await unreadCount(user.id);
  return (
    <div className="space-y-6">
      <UnreadSync count={unread} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Inbox</h1>
        {unread > 0 && (
          <form action={markAllReadAction}>
            <button type="submit" className={secondaryButtonClass}>Mark all read</button>
          </form>
        )}
      </div>
      <Text>
        New events in the themes you follow, verdicts on your events and the ones you follow, and moves to explain on the assets you follow.{" "}
        <Link href="/account#subscriptions" className="text-tremor-brand underline dark:text-dark-tremor-brand">What you follow</Link>
      </Text>
      <Card>
        {items.length === 0 ? (
          <Text>
            Nothing yet. Follow a theme, an asset or an event with its Subscribe button to hear about new events, verdicts and moves to explain.
          </Text>
        ) : (
          <ul className="divide-y divide-tremor-border dark:divide-dark-tremor-border" aria-label="Notifications" data-testid="inbox">
            {items.map((n) => (
              <li key={n.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between" data-unread={n.readAt ? undefined : "true"}>
                <div className="min-w-0">
                  <p className="text-xs text-tremor-content dark:text-dark-tremor-content">
                    {NOTIFICATION_TYPE_LABEL[n.type as NotificationType] ?? n.type} · <time dateTime={n.createdAt.toISOString()} className="whitespace-nowrap">{when(n.createdAt)} UTC</time>
                    {!n.readAt && <span className="ml-2 rounded bg-tremor-brand px-1.5 py-0.5 text-[11px] font-semibold uppercase text-white">new</span>}
                  </p>
                  <p className={`mt-0.5 break-words ${n.readAt ? "" : "font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong"}`}>
                    <Link href={n.url} className="underline-offset-2 hover:underline">{n.title}</Link>
                  </p>
                  {n.text && <p className="mt-0.5 break-words text-sm text-tremor-content dark:text-dark-tremor-content">{n.text}</p>}
                </div>
                {!n.readAt && (
                  <form action={markReadAction} className="shrink-0">
                    <input type="hidden" name="id" value={n.id} />
                    <button type="submit" className={secondaryButtonClass}>Mark read<span className="sr-only">: {n.title}</span></button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
