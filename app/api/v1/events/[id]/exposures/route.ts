// GET the assets linked to an event with each hypothesis and when it was stated (viewer); POST links an asset or
// restates the hypothesis on a linked one (analyst, audited).
import { exposureOf, exposuresOfLiveEvent, setExposure } from "@/lib/events/exposures";
import { exposureBodySchema } from "@/lib/events/schemas";
import { apiHandler, jsonBody } from "@/lib/http/api-handler";
import { NotFoundError } from "@/lib/errors";
import { idSchema } from "@/lib/validation/fields";
import { parseOrThrow } from "@/lib/validation/parse";

type Params = { id: string };

function eventId(raw: string): number {
  const r = idSchema("Event id").safeParse(raw);
  if (!r.success) throw new NotFoundError(`There is no event ${raw}.`);
  return r.data;
}

export const GET = apiHandler<Params>("VIEWER", async (_req, _user, { id }) => ({ data: await exposuresOfLiveEvent(eventId(id)) }));

export const POST = apiHandler<Params>("ANALYST", async (req, user, { id }) => {
  const body = parseOrThrow(exposureBodySchema, await jsonBody(req));
  const event = eventId(id);
  const before = await exposureOf(event, body.assetSymbol.toUpperCase());
  await setExposure(user, { ...body, assetSymbol: body.assetSymbol.toUpperCase(), eventId: event });
  return Response.json(await exposureOf(event, body.assetSymbol.toUpperCase()), { status: before ? 200 : 201 });
});
