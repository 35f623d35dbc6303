// GET the caller's own notifications, newest first, paginated; `unread=true` lists only unread ones (viewer). A token
// reads the inbox of the account it was issued for.
import { apiHandler, queryOf } from "@/lib/http/api-handler";
import { inboxPage } from "@/lib/notifications/inbox";

export const GET = apiHandler("VIEWER", async (req, user) => inboxPage(user.id, queryOf(req)));
