// POST: Scenario 1 on a book — its P&L over the horizon after each analogue event, the distribution, bootstrap
// intervals, tail ratio against ordinary days and the placebo p-value (viewer: a computation, nothing is written).
import { apiHandler, jsonBody } from "@/lib/http/api-handler";
import { runAnalogueScenario } from "@/lib/scenarios";

export const POST = apiHandler("VIEWER", async (req) => runAnalogueScenario(await jsonBody(req)));
