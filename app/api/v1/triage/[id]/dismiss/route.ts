// POST {reason, note?} dismisses the item (analyst): the triage page's command, schema and audit entry.
import { apiHandler, jsonObjectBody } from "@/lib/http/api-handler";
import { dismissMove } from "@/lib/triage/commands";
import { moveItemIdOf, moveItemOrThrow } from "@/lib/triage/api";
import type { DismissMoveInput } from "@/lib/triage/schemas";

export const POST = apiHandler<{ id: string }>("ANALYST", async (req, user, { id }) => {
  const itemId = moveItemIdOf(id);
  const body = await jsonObjectBody(req);
  await dismissMove(user, { ...(body as Omit<DismissMoveInput, "itemId">), itemId });
  return moveItemOrThrow(itemId);
});
