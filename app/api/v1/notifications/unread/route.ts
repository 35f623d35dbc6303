// GET {"unread": n}: the caller's unread notifications, as the header's bell shows them (viewer).
import { apiHandler } from "@/lib/http/api-handler";
import { unreadCount } from "@/lib/notifications/inbox";

export const GET = apiHandler("VIEWER", async (_req, user) => ({ unread: await unreadCount(user.id) }));
