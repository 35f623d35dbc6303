// GET one triage item with its moves and decision (viewer).
import { apiHandler } from "@/lib/http/api-handler";
import { moveItemIdOf, moveItemOrThrow } from "@/lib/triage/api";

export const GET = apiHandler<{ id: string }>("VIEWER", async (_req, _user, { id }) => moveItemOrThrow(moveItemIdOf(id)));
