// POST { sourceId, targetId } moves every event of the source theme to the target and removes the source (analyst),
// exactly as the Themes page's merge form does.
import { apiHandler, jsonObjectBody } from "@/lib/http/api-handler";
import { mergeThemes } from "@/lib/themes/commands";

export const POST = apiHandler("ANALYST", async (req, user) => {
  const body = await jsonObjectBody(req);
  const { sourceId, targetId } = body as { sourceId?: unknown; targetId?: unknown };
  return mergeThemes(user, { sourceId, targetId });
});
