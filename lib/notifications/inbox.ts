// A user's inbox: read and unread state is per user, and a user only ever reads or marks their own rows.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db/client";
import { parseOrThrow } from "@/lib/validation/parse";
import { idSchema } from "@/lib/notifications/schemas";

export async function unreadCount(userId: string): Promise<number> {
  return db().notification.count({ where: { userId, readAt: null } });
}

export async function inbox(userId: string, { unreadOnly = false, take = 100 }: { unreadOnly?: boolean; take?: number } = {}) {
  return db().notification.findMany({
    where: { userId, ...(unreadOnly ? { readAt: null } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, type: true, title: true, text: true, url: true, createdAt: true, readAt: true },
  });
}

export async function markRead(user: Principal, input: { id: unknown }): Promise<void> {
  const { id } = parseOrThrow(idSchema, input);
  await db().notification.updateMany({ where: { id, userId: user.id, readAt: null }, data: { readAt: new Date() } });
}

export async function markAllRead(user: Principal): Promise<number> {
  const { count } = await db().notification.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: new Date() } });
  return count;
}
