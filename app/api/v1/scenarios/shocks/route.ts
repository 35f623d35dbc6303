// POST: Scenario 2 on a book — stated shocks propagated to every position through a conditional covariance, with
// conditional standard deviations (viewer: a computation, nothing is written).
import { apiHandler, jsonBody } from "@/lib/http/api-handler";
import { runShockScenario } from "@/lib/scenarios";

export const POST = apiHandler("VIEWER", async (req) => runShockScenario(await jsonBody(req)));
