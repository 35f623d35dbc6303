// GET the triage queue with the page's filters (status, kind, asset, from, to, minZ, page), largest move first (viewer).
import { apiHandler, queryOf } from "@/lib/http/api-handler";
import { moveItemPage } from "@/lib/triage/api";
import { moveFilterSchema } from "@/lib/triage/schemas";

export const GET = apiHandler("VIEWER", async (req) => moveItemPage(moveFilterSchema.parse(queryOf(req))));
