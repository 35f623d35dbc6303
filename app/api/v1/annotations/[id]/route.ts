// PATCH { body, version } edits one's own note; DELETE ?version= soft-deletes it (its author, or an admin). Both are
// analyst writes, 409 when the version is stale.
import { deleteAnnotation, editAnnotation } from "@/lib/annotations/commands";
import { apiHandler, jsonObjectBody, queryOf } from "@/lib/http/api-handler";
import { NotFoundError } from "@/lib/errors";
import { idSchema } from "@/lib/validation/fields";

type Params = { id: string };

function noteId(raw: string): number {
  const r = idSchema("Note id").safeParse(raw);
  if (!r.success) throw new NotFoundError(`There is no note ${raw}.`);
  return r.data;
}

export const PATCH = apiHandler<Params>("ANALYST", async (req, user, { id }) => {
  const body = await jsonObjectBody(req);
  const { body: text, version } = body as { body?: unknown; version?: unknown };
  return editAnnotation(user, { id: noteId(id), body: text, version });
});

export const DELETE = apiHandler<Params>("ANALYST", async (req, user, { id }) => {
  await deleteAnnotation(user, { id: noteId(id), version: queryOf(req).version });
  return new Response(null, { status: 204 });
});
