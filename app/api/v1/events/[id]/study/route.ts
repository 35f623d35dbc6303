// GET the event study of one event on each exposed asset, plus the aggregate; ?model=&est=&win=&car= as on the event
// page (viewer). Undefined statistics are null.
import { apiHandler, queryOf } from "@/lib/http/api-handler";
import { NotFoundError } from "@/lib/errors";
import { eventStudyForEvent, studyParamsSchema } from "@/lib/studies";
import { idSchema } from "@/lib/validation/fields";
import { parseOrThrow } from "@/lib/validation/parse";

export const GET = apiHandler<{ id: string }>("VIEWER", async (req, _user, { id }) => {
  const eventId = idSchema("Event id").safeParse(id);
  if (!eventId.success) throw new NotFoundError(`There is no event ${id}.`);
  const config = parseOrThrow(studyParamsSchema, queryOf(req));
  const report = await eventStudyForEvent(eventId.data, config);
  if (!report) throw new NotFoundError(`There is no event ${id}.`);
  return report;
});
