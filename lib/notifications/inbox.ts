// A user's inbox: read and unread state is per user, and a user only ever reads or marks their own rows.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db/client";
import { parseOrThrow } from "@/lib/validation/parse";
import { idSchema, inboxQuerySchema, markReadSchema, type InboxQueryInput, type MarkReadInput } from "@/lib/notifications/schemas";
import type { Page } from "@/lib/validation/pagination";

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

const FIELDS = { id: true, type: true, title: true, text: true, url: true, createdAt: true, readAt: true } as const;

export interface NotificationDto {
  id: number;
  type: string;
  title: string;
  text: string;
  url: string;
  createdAt: string;
  readAt: string | null;
}

/** One page of the user's own inbox, newest first (the API's list). */
export async function inboxPage(userId: string, query: InboxQueryInput = {}): Promise<Page<NotificationDto>> {
  const { page, pageSize, unread } = parseOrThrow(inboxQuerySchema, query);
  const where = { userId, ...(unread ? { readAt: null } : {}) };
  const [rows, total] = await Promise.all([
    db().notification.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize, select: FIELDS }),
    db().notification.count({ where }),
  ]);
  return {
    data: rows.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })),
    page,
    pageSize,
    total,
  };
}

/**
 * Marks read the listed notifications of the user's own inbox (ids of another user's, or already read, change
 * nothing), or all of them; answers how many changed and how many stay unread.
 */
export async function markNotificationsRead(user: Principal, input: MarkReadInput): Promise<{ marked: number; unread: number }> {
  const data = parseOrThrow(markReadSchema, input);
  const { count } = await db().notification.updateMany({
    where: { userId: user.id, readAt: null, ...(data.ids ? { id: { in: data.ids } } : {}) },
    data: { readAt: new Date() },
  });
  return { marked: count, unread: await unreadCount(user.id) };
}

export async function markRead(user: Principal, input: { id: unknown }): Promise<void> {
  const { id } = parseOrThrow(idSchema, input);
  await db().notification.updateMany({ where: { id, userId: user.id, readAt: null }, data: { readAt: new Date() } });
}

export async function markAllRead(user: Principal): Promise<number> {
  const { count } = await db().notification.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: new Date() } });
  return count;
}
