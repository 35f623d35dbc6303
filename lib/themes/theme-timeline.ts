// A theme (storyline) with its live events in time order, for the theme page's timeline.
import { db } from "@/lib/db/client";

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
          exposures: { select: { asset: { select: { symbol: true } } }, orderBy: { asset: { symbol: "asc" } } },
        },
      },
    },
  });
}
