// POST {"ids": [...]} or {"all": true} marks the caller's own notifications read (viewer: read state is the caller's
// alone, as on the inbox page); answers {"marked", "unread"}.
import { apiHandler, jsonObjectBody } from "@/lib/http/api-handler";
import { markNotificationsRead } from "@/lib/notifications/inbox";
import type { MarkReadInput } from "@/lib/notifications/schemas";

export const POST = apiHandler("VIEWER", async (req, user) => {
  const body = await jsonObjectBody(req);
  return markNotificationsRead(user, body as MarkReadInput);
});
