// GET: one saved scenario with its parameters, data vintage and stored result (viewer). DELETE soft-deletes it (the
// analyst who saved it, or an admin); an admin restores it from the Deleted page.
import { NotFoundError } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { deleteSavedScenario, loadSavedScenario } from "@/lib/scenarios/saved";
import { idSchema } from "@/lib/validation/fields";

function scenarioId(raw: string): number {
  const r = idSchema("Scenario id").safeParse(raw);
  if (!r.success) throw new NotFoundError(`There is no saved scenario ${raw}.`);
  return r.data;
}

export const GET = apiHandler<{ id: string }>("VIEWER", async (_req, _user, { id }) => loadSavedScenario(scenarioId(id)));

export const DELETE = apiHandler<{ id: string }>("ANALYST", async (_req, user, { id }) => {
  await deleteSavedScenario(user, scenarioId(id));
  return new Response(null, { status: 204 });
});
