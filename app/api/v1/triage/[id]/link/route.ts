// POST {eventId} links the item to an existing event (analyst): the triage page's command, schema and audit entries.
import { apiHandler, jsonObjectBody } from "@/lib/http/api-handler";
import { linkMoveToEvent } from "@/lib/triage/commands";
import { moveItemIdOf, moveItemOrThrow } from "@/lib/triage/api";
import type { LinkMoveInput } from "@/lib/triage/schemas";

export const POST = apiHandler<{ id: string }>("ANALYST", async (req, user, { id }) => {
  const itemId = moveItemIdOf(id);
  const body = await jsonObjectBody(req);
  await linkMoveToEvent(user, { ...(body as Omit<LinkMoveInput, "itemId">), itemId });
  return moveItemOrThrow(itemId);
});
