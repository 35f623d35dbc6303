// POST {reason, note?} dismisses the item (analyst): the triage page's command, schema and audit entry.
import { BadRequestError } from "@/lib/errors";
import { apiHandler, jsonBody } from "@/lib/http/api-handler";
import { dismissMove } from "@/lib/triage/commands";
import { moveItemIdOf, moveItemOrThrow } from "@/lib/triage/api";
import type { DismissMoveInput } from "@/lib/triage/schemas";

export const POST = apiHandler<{ id: string }>("ANALYST", async (req, user, { id }) => {
  const itemId = moveItemIdOf(id);
  const body = await jsonBody(req);
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new BadRequestError("The request body must be a JSON object.");
  await dismissMove(user, { ...(body as Omit<DismissMoveInput, "itemId">), itemId });
  return moveItemOrThrow(itemId);
});
