// A theme (storyline) with its live events in time order and each event's exposures: the theme page's timeline and
// the theme CAAR study both start from this one query.
import { db } from "@/lib/db/client";
import { STUDY_ASSET_SELECT } from "@/lib/assets/study-asset-select";

export async function findThemeWithEvents(id: number) {
  return db().theme.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      description: true,
      events: {
        where: { deletedAt: null },
        orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          title: true,
          occurredAt: true,
          timePrecision: true,
          category: true,
          severity: true,
          exposures: { select: { direction: true, asset: { select: STUDY_ASSET_SELECT } }, orderBy: { asset: { symbol: "asc" } } },
        },
      },
    },
  });
}
