// GET: a saved scenario as a ZIP bundle (manifest.json and the CSV of its stored result) (viewer).
import { NotFoundError } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { loadSavedScenario } from "@/lib/scenarios/saved";
import { savedScenarioBundle } from "@/lib/scenarios/saved-bundle";
import { idSchema } from "@/lib/validation/fields";

export const GET = apiHandler<{ id: string }>("VIEWER", async (_req, user, { id }) => {
  const r = idSchema("Scenario id").safeParse(id);
  if (!r.success) throw new NotFoundError(`There is no saved scenario ${id}.`);
  return savedScenarioBundle(await loadSavedScenario(r.data), user);
});
