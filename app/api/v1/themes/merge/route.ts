// POST { sourceId, targetId } moves every event of the source theme to the target and removes the source (analyst),
// exactly as the Themes page's merge form does.
import { apiHandler, jsonBody } from "@/lib/http/api-handler";
import { BadRequestError } from "@/lib/errors";
import { mergeThemes } from "@/lib/themes/commands";

export const POST = apiHandler("ANALYST", async (req, user) => {
  const body = await jsonBody(req);
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new BadRequestError("The request body must be a JSON object.");
  const { sourceId, targetId } = body as { sourceId?: unknown; targetId?: unknown };
  return mergeThemes(user, { sourceId, targetId });
});
