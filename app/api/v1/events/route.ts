// GET: events with filters and pagination (viewer). POST: create an event (analyst).
import { createEvent } from "@/lib/events/commands";
import { eventDto, eventQuerySchema, searchEventsBody } from "@/lib/events/search";
import { apiHandler, jsonBody, queryOf } from "@/lib/http/api-handler";
import { parseOrThrow } from "@/lib/validation/parse";
import type { EventInput } from "@/lib/events/schemas";

export const GET = apiHandler("VIEWER", async (req) => {
  const body = await searchEventsBody(parseOrThrow(eventQuerySchema, queryOf(req)));
  return new Response(body, { headers: { "content-type": "application/json", "cache-control": "no-store" } });
});

export const POST = apiHandler("ANALYST", async (req, user) => {
  const created = await createEvent(user, (await jsonBody(req)) as EventInput);
  return Response.json(await eventDto(created.id), { status: 201 });
});
