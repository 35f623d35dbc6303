// What a user follows. Anyone signed in may follow anything they can read; a subscription is theirs alone.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";
import { subscriptionSchema, type SubscriptionInput } from "@/lib/notifications/schemas";

type Target = ReturnType<typeof subscriptionSchema.parse>["target"];
const COLUMN = { asset: "assetId", event: "eventId", theme: "themeId" } as const satisfies Record<Target, string>;

async function assertExists(target: Target, id: number): Promise<void> {
  const found =
    target === "asset" ? await db().asset.findFirst({ where: { id, deletedAt: null }, select: { id: true } })
    : target === "event" ? await db().event.findFirst({ where: { id, deletedAt: null }, select: { id: true } })
    : await db().theme.findUnique({ where: { id }, select: { id: true } });
  if (!found) throw new NotFoundError(`There is no ${target} ${id}.`);
}

export async function subscribe(user: Principal, input: SubscriptionInput): Promise<void> {
  const { target, id } = parseOrThrow(subscriptionSchema, input);
  await assertExists(target, id);
  await db().subscription.createMany({ data: [{ userId: user.id, [COLUMN[target]]: id }], skipDuplicates: true });
}

export async function unsubscribe(user: Principal, input: SubscriptionInput): Promise<void> {
  const { target, id } = parseOrThrow(subscriptionSchema, input);
  await db().subscription.deleteMany({ where: { userId: user.id, [COLUMN[target]]: id } });
}

export async function isSubscribed(userId: string, target: Target, id: number): Promise<boolean> {
  return (await db().subscription.count({ where: { userId, [COLUMN[target]]: id } })) > 0;
}

export interface SubscriptionRow {
  target: Target;
  id: number;
  label: string;
  href: string;
}

/** The account page's list, themes first, then assets, then events. */
export async function subscriptionsOf(userId: string): Promise<SubscriptionRow[]> {
  const rows = await db().subscription.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: {
      asset: { select: { id: true, symbol: true, name: true } },
      event: { select: { id: true, title: true } },
      theme: { select: { id: true, name: true } },
    },
  });
  const out: SubscriptionRow[] = [];
  for (const r of rows) {
    if (r.theme) out.push({ target: "theme", id: r.theme.id, label: r.theme.name, href: `/themes/${r.theme.id}` });
    else if (r.asset) out.push({ target: "asset", id: r.asset.id, label: `${r.asset.symbol} · ${r.asset.name}`, href: `/assets/${encodeURIComponent(r.asset.symbol)}` });
    else if (r.event) out.push({ target: "event", id: r.event.id, label: r.event.title, href: `/events/${r.event.id}` });
  }
  const order = { theme: 0, asset: 1, event: 2 } as const;
  return out.sort((a, b) => order[a.target] - order[b.target]);
}
