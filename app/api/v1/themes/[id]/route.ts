// PATCH changes a theme's name or description, fields left out keep their value (analyst); DELETE removes a theme
// no live event uses (analyst; 409 while events use it: merge instead).
import { apiHandler, jsonObjectBody } from "@/lib/http/api-handler";
import { NotFoundError } from "@/lib/errors";
import { deleteTheme, updateTheme } from "@/lib/themes/commands";
import { findTheme } from "@/lib/themes/queries";
import { idSchema } from "@/lib/validation/fields";

type Params = { id: string };

function themeId(raw: string): number {
  const r = idSchema("Theme id").safeParse(raw);
  if (!r.success) throw new NotFoundError(`There is no theme ${raw}.`);
  return r.data;
}

export const PATCH = apiHandler<Params>("ANALYST", async (req, user, { id }) => {
  const current = await findTheme(themeId(id));
  if (!current) throw new NotFoundError(`There is no theme ${id}.`);
  const body = await jsonObjectBody(req);
  return updateTheme(user, current.id, { name: current.name, description: current.description, ...body });
});

export const DELETE = apiHandler<Params>("ANALYST", async (_req, user, { id }) => {
  await deleteTheme(user, { id: themeId(id) });
  return new Response(null, { status: 204 });
});
