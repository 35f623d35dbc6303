// PATCH restates the hypothesis on a linked asset (analyst); DELETE unlinks it (analyst). Both audited.
import { exposureOf, removeExposure, setExposure } from "@/lib/events/exposures";
import { exposureChangeSchema } from "@/lib/events/schemas";
import { apiHandler, jsonBody } from "@/lib/http/api-handler";
import { NotFoundError } from "@/lib/errors";
import { idSchema } from "@/lib/validation/fields";
import { parseOrThrow } from "@/lib/validation/parse";

type Params = { id: string; symbol: string };

function target({ id, symbol }: Params): { eventId: number; assetSymbol: string } {
  const r = idSchema("Event id").safeParse(id);
  if (!r.success) throw new NotFoundError(`There is no event ${id}.`);
  return { eventId: r.data, assetSymbol: symbol.toUpperCase() };
}

export const PATCH = apiHandler<Params>("ANALYST", async (req, user, params) => {
  const t = target(params);
  const body = parseOrThrow(exposureChangeSchema, await jsonBody(req));
  if (!(await exposureOf(t.eventId, t.assetSymbol))) throw new NotFoundError(`${t.assetSymbol} is not linked to event ${t.eventId}.`);
  await setExposure(user, { ...t, ...body });
  return exposureOf(t.eventId, t.assetSymbol);
});

export const DELETE = apiHandler<Params>("ANALYST", async (_req, user, params) => {
  await removeExposure(user, target(params));
  return new Response(null, { status: 204 });
});
