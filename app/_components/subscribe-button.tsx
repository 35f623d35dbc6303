// Follow or stop following an asset, event or theme. Server-rendered: the button says what it will do.
import { currentUser } from "@/lib/auth/session";
import { isSubscribed } from "@/lib/notifications/subscriptions";
import { toggleSubscriptionAction } from "../inbox/actions";
import { secondaryButtonClass } from "./forms/form-feedback";

export async function SubscribeButton({ target, id, path, label }: { target: "asset" | "event" | "theme"; id: number; path: string; label: string }) {
  const user = await currentUser();
  if (!user) return null;
  const subscribed = await isSubscribed(user.id, target, id);
  return (
    <form action={toggleSubscriptionAction}>
      <input type="hidden" name="target" value={target} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="path" value={path} />
      <input type="hidden" name="subscribed" value={String(subscribed)} />
      <button type="submit" className={secondaryButtonClass} aria-pressed={subscribed} data-testid="subscribe-button">
        {subscribed ? "Unsubscribe" : "Subscribe"}
        <span className="sr-only"> {subscribed ? "from" : "to"} {label}</span>
      </button>
    </form>
  );
}
