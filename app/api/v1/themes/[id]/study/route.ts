// GET the theme's CAAR per asset across its events, as on the theme page (viewer); `?benchmark=SYMBOL` studies
// every asset against that asset instead of its own benchmark. Undefined statistics are null.
import { apiHandler, queryOf } from "@/lib/http/api-handler";
import { NotFoundError } from "@/lib/errors";
import { themeCaar } from "@/lib/studies";
import { themeStudyQuerySchema } from "@/lib/studies/study-params";
import { idSchema } from "@/lib/validation/fields";
import { parseOrThrow } from "@/lib/validation/parse";

export const GET = apiHandler<{ id: string }>("VIEWER", async (req, _user, { id }) => {
  const themeId = idSchema("Theme id").safeParse(id);
  if (!themeId.success) throw new NotFoundError(`There is no theme ${id}.`);
  const q = parseOrThrow(themeStudyQuerySchema, queryOf(req));
  const report = await themeCaar(themeId.data, { benchmark: q.benchmark });
  if (!report) throw new NotFoundError(`There is no theme ${id}.`);
  return report;
});
