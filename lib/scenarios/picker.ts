// The analogue picker's lists on the portfolio page: the events the URL picked, and the form's filter matches offered
// for unticking. Both are read from the URL, so a reproduced view lists the same events.
import "server-only";
import { readDb } from "@/lib/db/read-routing";
import { selectEvents, type EventRef } from "@/lib/events/search";
import { analogueFilters, type AnalogueForm, type PickerEvent } from "./page-params";
import { analogueSelectionSchema, MAX_PICKED_EVENTS } from "./schemas";

export interface PickerLists {
  /** The events the URL picks that exist and are live, oldest first. */
  picked: PickerEvent[];
  /** Live events the form's filters match, oldest first, at most MAX_PICKED_EVENTS; null when no filter is given. */
  matches: PickerEvent[] | null;
  /** The filters match more events than the picker lists. */
  moreMatches: boolean;
}

const option = (e: Pick<EventRef, "id" | "title" | "occurredAt" | "category">): PickerEvent => ({ id: e.id, title: e.title, date: e.occurredAt.toISOString().slice(0, 10), category: e.category });

export async function pickerLists(f: AnalogueForm): Promise<PickerLists> {
  const ids = [...new Set(f.events.split(/[\s,;]+/).filter((s) => /^\d{1,9}$/.test(s)).map(Number))].slice(0, MAX_PICKED_EVENTS);
  const filters = analogueSelectionSchema.safeParse(analogueFilters(f));
  const [picked, matched] = await Promise.all([
    ids.length
      ? readDb().event.findMany({ where: { id: { in: ids }, deletedAt: null }, select: { id: true, title: true, occurredAt: true, category: true }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] })
      : Promise.resolve([]),
    filters.success ? selectEvents({ ...filters.data, ids: undefined }, MAX_PICKED_EVENTS + 1) : Promise.resolve(null),
  ]);
  return {
    picked: picked.map(option),
    matches: matched ? matched.slice(0, MAX_PICKED_EVENTS).map(option) : null,
    moreMatches: (matched?.length ?? 0) > MAX_PICKED_EVENTS,
  };
}
