// Reading notes: an event's thread (deleted notes stay as placeholders so replies keep their context) and the
// notes pinned to an asset, for chart markers.
import "server-only";
import { db } from "@/lib/db/client";
import { isoDate } from "@/lib/dates";

export interface ThreadNote {
  id: number;
  body: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  deleted: boolean;
  edited: boolean;
  replies: ThreadNote[];
}

export async function annotationThread(eventId: number): Promise<ThreadNote[]> {
  const rows = await db().annotation.findMany({
    where: { eventId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { author: { select: { name: true } } },
  });
  const byId = new Map<number, ThreadNote>();
  for (const r of rows) {
    byId.set(r.id, {
      id: r.id,
      body: r.deletedAt ? "" : r.body,
      authorId: r.authorId,
      authorName: r.author?.name ?? null,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      version: r.version,
      deleted: r.deletedAt !== null,
      edited: r.version > 1 && r.deletedAt === null,
      replies: [],
    });
  }
  const roots: ThreadNote[] = [];
  for (const r of rows) {
    const note = byId.get(r.id)!;
    const parent = r.parentId !== null ? byId.get(r.parentId) : undefined;
    (parent ? parent.replies : roots).push(note);
  }
  return roots;
}

export interface PinnedNote {
  id: number;
  /** YYYY-MM-DD trading date the note is pinned at. */
  date: string;
  body: string;
  authorName: string | null;
  createdAt: Date;
  version: number;
  authorId: string | null;
}

/** Live notes pinned to this asset, oldest date first; `from` (YYYY-MM-DD, inclusive) limits to a chart's range. */
export async function annotationsForAsset(assetId: number, from?: string): Promise<PinnedNote[]> {
  const rows = await db().annotation.findMany({
    where: { assetId, deletedAt: null, pinnedDate: from ? { gte: new Date(`${from}T00:00:00Z`) } : { not: null } },
    orderBy: [{ pinnedDate: "asc" }, { id: "asc" }],
    include: { author: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id, date: isoDate(r.pinnedDate!), body: r.body, authorName: r.author?.name ?? null, createdAt: r.createdAt,
    version: r.version, authorId: r.authorId,
  }));
}
