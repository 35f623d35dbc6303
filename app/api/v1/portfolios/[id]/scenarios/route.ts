// GET: the portfolio's saved scenarios, newest first (viewer). POST: run a scenario on the portfolio and save it with
// its parameters, data vintage and result (analyst; a 422 writes nothing).
import { NotFoundError } from "@/lib/errors";
import { apiHandler, jsonBody } from "@/lib/http/api-handler";
import { listSavedScenarios, saveScenario } from "@/lib/scenarios/saved";
import { idSchema } from "@/lib/validation/fields";

type Params = { id: string };

function portfolioId(raw: string): number {
  const r = idSchema("Portfolio id").safeParse(raw);
  if (!r.success) throw new NotFoundError(`There is no portfolio ${raw}.`);
  return r.data;
}

export const GET = apiHandler<Params>("VIEWER", async (_req, _user, { id }) => ({ data: await listSavedScenarios(portfolioId(id)) }));

export const POST = apiHandler<Params>("ANALYST", async (req, user, { id }) => Response.json(await saveScenario(user, portfolioId(id), await jsonBody(req)), { status: 201 }));
