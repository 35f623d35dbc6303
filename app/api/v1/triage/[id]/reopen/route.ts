// POST puts a dismissed or linked item back in the open queue (analyst): the triage page's command and audit entry.
// The body, if any, is not read.
import { apiHandler } from "@/lib/http/api-handler";
import { reopenMove } from "@/lib/triage/commands";
import { moveItemIdOf, moveItemOrThrow } from "@/lib/triage/api";

export const POST = apiHandler<{ id: string }>("ANALYST", async (_req, user, { id }) => {
  const itemId = moveItemIdOf(id);
  await reopenMove(user, { itemId });
  return moveItemOrThrow(itemId);
});
