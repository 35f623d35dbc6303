// GET the triage queue with the page's filters (status, kind, asset, from, to, minZ, page), largest move first (viewer).
import { apiHandler, queryOf } from "@/lib/http/api-handler";
import { moveItemPage } from "@/lib/triage/api";
import { moveFilterSchema } from "@/lib/triage/schemas";
import { parseOrThrow } from "@/lib/validation/parse";

// A filter value that cannot be read is a 422 naming the field.
export const GET = apiHandler("VIEWER", async (req) => moveItemPage(parseOrThrow(moveFilterSchema, queryOf(req))));
