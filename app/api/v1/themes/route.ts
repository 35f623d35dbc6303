// GET themes with their event counts (viewer); POST creates one (analyst).
import { apiHandler, jsonBody } from "@/lib/http/api-handler";
import { createTheme } from "@/lib/themes/commands";
import { listThemes } from "@/lib/themes/queries";
import type { ThemeInput } from "@/lib/themes/schemas";

export const GET = apiHandler("VIEWER", async () => ({
  data: (await listThemes()).map(({ _count, ...t }) => ({ ...t, events: _count.events })),
}));

export const POST = apiHandler("ANALYST", async (req, user) => Response.json(await createTheme(user, (await jsonBody(req)) as ThemeInput), { status: 201 }));
