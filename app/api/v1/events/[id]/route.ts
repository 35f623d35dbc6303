// GET one event (viewer); PATCH changes fields based on `version` (analyst); DELETE ?version= soft-deletes (analyst).
import { deleteEvent, updateEvent } from "@/lib/events/commands";
import { eventDto } from "@/lib/events/search";
import type { EventUpdateInput } from "@/lib/events/schemas";
import { apiHandler, jsonObjectBody, queryOf } from "@/lib/http/api-handler";
import { NotFoundError } from "@/lib/errors";
import { idSchema } from "@/lib/validation/fields";

type Params = { id: string };

function eventId(raw: string): number {
  const r = idSchema("Event id").safeParse(raw);
  if (!r.success) throw new NotFoundError(`There is no event ${raw}.`);
  return r.data;
}

export const GET = apiHandler<Params>("VIEWER", async (_req, _user, { id }) => {
  const dto = await eventDto(eventId(id));
  if (!dto) throw new NotFoundError(`There is no event ${id}.`);
  return dto;
});

export const PATCH = apiHandler<Params>("ANALYST", async (req, user, { id }) => {
  const current = await eventDto(eventId(id));
  if (!current) throw new NotFoundError(`There is no event ${id}.`);
  const body = await jsonObjectBody(req);
  // Fields left out keep their value; `version` is required and checked against the stored one.
  // A new occurredAt without a timePrecision states its precision by its form, not by the stored one.
  const kept = "occurredAt" in body && !("timePrecision" in body) ? { ...current, timePrecision: undefined } : current;
  const merged = { ...kept, themeId: current.theme?.id ?? null, version: undefined, ...body } as EventUpdateInput;
  await updateEvent(user, current.id, merged);
  return eventDto(current.id);
});

export const DELETE = apiHandler<Params>("ANALYST", async (req, user, { id }) => {
  await deleteEvent(user, { id: eventId(id), version: queryOf(req).version });
  return new Response(null, { status: 204 });
});
