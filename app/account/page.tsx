import { Card, Text, Title } from "@tremor/react";
import type { Metadata } from "next";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import Link from "next/link";
import { subscriptionsOf } from "@/lib/notifications/subscriptions";
import { secondaryButtonClass } from "../_components/forms/form-feedback";
import { toggleSubscriptionAction } from "../inbox/actions";
import { ChangePasswordForm, SignOutEverywhereButton } from "./account-forms";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser();
  const subscriptions = await subscriptionsOf(user.id);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Your account</h1>
      <Card>
        <Text>{user.name} · {user.email} · {ROLE_LABEL[user.role]}</Text>
      </Card>
      <Card id="subscriptions">
        <Title>Subscriptions</Title>
        <Text className="mt-1">
          What you follow: new events in a theme, verdicts on an event, moves to explain on an asset reach your <Link href="/inbox" className="text-tremor-brand underline dark:text-dark-tremor-brand">inbox</Link>.
        </Text>
        {subscriptions.length === 0 ? (
          <Text className="mt-3">You follow nothing yet: use the Subscribe button on a theme, asset or event page.</Text>
        ) : (
          <ul className="mt-3 divide-y divide-tremor-border dark:divide-dark-tremor-border" aria-label="Subscriptions" data-testid="subscriptions">
            {subscriptions.map((s) => (
              <li key={`${s.target}:${s.id}`} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="min-w-0 break-words">
                  <span className="mr-2 text-xs uppercase text-tremor-content dark:text-dark-tremor-content">{s.target}</span>
                  <Link href={s.href} className="hover:underline">{s.label}</Link>
                </span>
                <form action={toggleSubscriptionAction}>
                  <input type="hidden" name="target" value={s.target} />
                  <input type="hidden" name="id" value={s.id} />
                  <input type="hidden" name="path" value="/account" />
                  <input type="hidden" name="subscribed" value="true" />
                  <button type="submit" className={secondaryButtonClass}>Unsubscribe<span className="sr-only"> from {s.label}</span></button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <Title>Change password</Title>
        <div className="mt-4"><ChangePasswordForm /></div>
      </Card>
      <Card>
        <Title>Sessions</Title>
        <Text className="mt-2">Ends every session of your account, on every device, this one included.</Text>
        <div className="mt-4"><SignOutEverywhereButton /></div>
      </Card>
    </div>
  );
}
