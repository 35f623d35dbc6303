// Event markers thinned by screen density: sessions whose markers would sit closer than a marker and its label merge
// into one cluster marker showing how many events it holds, so a long history never draws as a solid blob. Pure and
// client-safe; the chart recomputes it whenever the zoom (pixels per session) changes.
import { eventMarkerStyle, type MarkerStyle, type OverlayEvent } from "./event-overlay";

/** Horizontal room one marker needs: its glyph plus a short label. */
export const MIN_MARKER_GAP_PX = 16;

export interface PlacedGroup<T> {
  session: string;
  /** Position of the session on the chart's time axis (0-based bar index). */
  index: number;
  items: T[];
}

export interface MarkerCluster<T> {
  /** The first session of the cluster: where its marker is drawn and the key it is known by. */
  session: string;
  /** The last session it covers (equal to `session` for a single session). */
  lastSession: string;
  sessions: string[];
  items: T[];
}

/**
 * Merges session groups (sorted by index) left to right: a group joins the open cluster while it lies less than
 * `minGapPx` from the cluster's first session, else it starts a new one. Cluster markers are therefore at least
 * `minGapPx` apart, and when every group already is, each cluster is exactly one group.
 */
export function clusterByDensity<T>(groups: readonly PlacedGroup<T>[], pxPerSession: number, minGapPx = MIN_MARKER_GAP_PX): MarkerCluster<T>[] {
  const out: MarkerCluster<T>[] = [];
  let anchor = Number.NEGATIVE_INFINITY;
  for (const g of groups) {
    const open = out[out.length - 1];
    if (open && (g.index - anchor) * pxPerSession < minGapPx) {
      open.lastSession = g.session;
      open.sessions.push(g.session);
      open.items.push(...g.items);
      continue;
    }
    anchor = g.index;
    out.push({ session: g.session, lastSession: g.session, sessions: [g.session], items: [...g.items] });
  }
  return out;
}

/**
 * Whether a series carries too many markers for its width to draw them one per session: more than would fit side by
 * side at twice the minimum gap's density. A handful of close events keep their own markers (told apart by hover and
 * the event list, as before); a long history merges by density at every zoom, so the look does not flip while zooming.
 */
export function isCrowded(groupCount: number, widthPx: number, minGapPx = MIN_MARKER_GAP_PX): boolean {
  return groupCount * minGapPx > 2 * widthPx;
}

/** The cluster containing `session` (between its first and last session), or -1. */
export function clusterIndexOf<T>(clusters: readonly MarkerCluster<T>[], session: string): number {
  return clusters.findIndex((c) => c.session <= session && session <= c.lastSession);
}

/**
 * A cluster of one session looks like that session's marker; a cluster of several shows its event count, keeps the
 * direction's shape and the category's colour only when all its events agree (else a circle in the mixed colour).
 */
export function clusterMarkerStyle(cluster: MarkerCluster<OverlayEvent>, dark = false): MarkerStyle {
  const style = eventMarkerStyle(cluster.items, dark);
  return cluster.sessions.length > 1 ? { ...style, text: String(cluster.items.length) } : style;
}
