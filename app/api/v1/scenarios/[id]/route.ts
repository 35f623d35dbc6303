// GET: one saved scenario with its parameters, data vintage and stored result (viewer).
import { NotFoundError } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { loadSavedScenario } from "@/lib/scenarios/saved";
import { idSchema } from "@/lib/validation/fields";

export const GET = apiHandler<{ id: string }>("VIEWER", async (_req, _user, { id }) => {
  const r = idSchema("Scenario id").safeParse(id);
  if (!r.success) throw new NotFoundError(`There is no saved scenario ${id}.`);
  return loadSavedScenario(r.data);
});
