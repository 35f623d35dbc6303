// Notes pinned to an asset, placed on the chart: each sits on the first session on or after its pinned date.
import { annotationsForAsset } from "@/lib/annotations/queries";
import { firstSessionOnOrAfter } from "@/lib/prices/day-zero";

export interface NoteMarker {
  id: number;
  date: string;
  close: number;
  text: string;
}

export async function pinnedNoteMarkers(assetId: number, points: { date: string; close: number }[]): Promise<NoteMarker[]> {
  if (points.length === 0) return [];
  const notes = await annotationsForAsset(assetId, points[0]!.date);
  const sessions = points.map((p) => p.date);
  return notes.flatMap((n) => {
    const i = firstSessionOnOrAfter(sessions, n.date);
    const p = i >= 0 ? points[i] : undefined;
    if (!p) return [];
    const firstLine = n.body.split("\n")[0]!.slice(0, 140);
    return [{ id: n.id, date: p.date, close: p.close, text: `${n.date} · ${n.authorName ?? "note"}: ${firstLine}` }];
  });
}
