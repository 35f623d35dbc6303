"use server";
// The signed-in user's own inbox and subscriptions: read state and follows are theirs alone. The forms post ids the
// page rendered; anything else (a stale or forged id) is refused by lib/notifications and changes nothing.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { runAction } from "@/lib/http/errors";
import { markAllRead, markRead } from "@/lib/notifications/inbox";
import { subscribe, unsubscribe } from "@/lib/notifications/subscriptions";

export async function markReadAction(form: FormData): Promise<void> {
  const user = await requireUser();
  await runAction(async () => {
    await markRead(user, { id: form.get("id") });
    revalidatePath("/", "layout");
    return null;
  });
}

/** Takes the (empty) form like every action, so the browser posts it as multipart/form-data. */
export async function markAllReadAction(_form: FormData): Promise<void> {
  const user = await requireUser();
  await runAction(async () => {
    await markAllRead(user);
    revalidatePath("/", "layout");
    return null;
  });
}

/** One button for both: `subscribed` says which way it goes, so a double submit cannot flip it back. */
export async function toggleSubscriptionAction(form: FormData): Promise<void> {
  const user = await requireUser();
  await runAction(async () => {
    const input = { target: form.get("target") as "asset" | "event" | "theme", id: form.get("id") as string };
    if (form.get("subscribed") === "true") await unsubscribe(user, input);
    else await subscribe(user, input);
    const back = form.get("path");
    revalidatePath(typeof back === "string" && back.startsWith("/") ? back : "/", "page");
    revalidatePath("/account");
    return null;
  });
}
