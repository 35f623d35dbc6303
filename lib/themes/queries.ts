import "server-only";
import { db } from "@/lib/db/client";
import { readDb } from "@/lib/db/read-routing";

export async function listThemes() {
  return readDb().theme.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, description: true, createdAt: true, updatedAt: true, _count: { select: { events: { where: { deletedAt: null } } } } },
  });
}

/** Themes by name for a filter's choices: ids and names only, no event counts. */
export async function themeOptions(): Promise<{ id: number; name: string }[]> {
  return readDb().theme.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export async function findTheme(id: number) {
  return db().theme.findUnique({ where: { id } });
}
