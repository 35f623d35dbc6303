// How events and notes are drawn on a price chart: one marker per session and kind, shaped by the expected direction,
// coloured by category, labelled with the letters of the event list. Pure and client-safe (no I/O, no server code).
import { lowerBound } from "@/lib/analytics/sorted-dates";

import type { Direction } from "@/lib/enums";
export type MarkerShape = "arrowUp" | "arrowDown" | "circle" | "square";

export interface OverlayEvent {
  id: number;
  /** Key shared with the event list: "A", "B", … "Z", "AA", … in chronological order. */
  label: string;
  /** Day 0 on the asset's sessions (YYYY-MM-DD), or null when the series cannot place the event. */
  session: string | null;
  direction: Direction;
  category: string;
}

export interface OverlayNote {
  id: number;
  session: string | null;
}

export interface SessionMarker<T> {
  session: string;
  items: T[];
}

/** Letters for the n-th event (0-based): A … Z, AA … AZ, BA …, like spreadsheet columns. */
export function eventLabel(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Groups items by session, ascending, keeping their input order within a session. Items without a session are left
 * out (the event list still shows them). Events and notes are grouped separately so a note never hides an event.
 */
export function groupBySession<T extends { session: string | null }>(items: readonly T[]): SessionMarker<T>[] {
  const bySession = new Map<string, T[]>();
  for (const item of items) {
    if (item.session === null) continue;
    const list = bySession.get(item.session);
    if (list) list.push(item);
    else bySession.set(item.session, [item]);
  }
  return [...bySession.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([session, list]) => ({ session, items: list }));
}

/** Category colours, chosen apart from every series colour (see SERIES_COLORS) and from the note colour. */
export const CATEGORY_COLOR: Record<string, { light: string; dark: string }> = {
  SUMMIT: { light: "#c2410c", dark: "#fb923c" },
  DIPLOMACY: { light: "#0e7490", dark: "#22d3ee" },
  TREATY: { light: "#7c3aed", dark: "#a78bfa" },
  MILITARY: { light: "#b91c1c", dark: "#f87171" },
  SANCTIONS: { light: "#a16207", dark: "#facc15" },
  INTELLIGENCE: { light: "#334155", dark: "#cbd5e1" },
  UN: { light: "#1d4ed8", dark: "#93c5fd" },
  ECONOMIC: { light: "#15803d", dark: "#4ade80" },
  OTHER: { light: "#6b7280", dark: "#9ca3af" },
};
/** Several categories on one session. */
export const MIXED_COLOR = { light: "#111827", dark: "#f9fafb" };
/** Notes: magenta squares, a hue no category and no series uses. */
export const NOTE_COLOR = { light: "#db2777", dark: "#f472b6" };
/** Main series first, then compare series. */
export const SERIES_COLORS = { light: ["#2563eb", "#0d9488", "#ea580c", "#65a30d", "#9333ea", "#0891b2"], dark: ["#60a5fa", "#2dd4bf", "#fdba74", "#a3e635", "#c084fc", "#67e8f9"] };

export interface MarkerStyle {
  shape: MarkerShape;
  color: string;
  text: string;
}

/**
 * The look of an event marker: the direction's shape when all events on the session agree (else a circle), the
 * category's colour when they share one (else the mixed colour), and the label — "C" alone, "C–E ×3" for a group.
 */
export function eventMarkerStyle(events: readonly OverlayEvent[], dark = false): MarkerStyle {
  const first = events[0];
  if (!first) throw new Error("an event marker needs at least one event");
  const direction = events.every((e) => e.direction === first.direction) ? first.direction : "UNCERTAIN";
  const shape: MarkerShape = direction === "UP" ? "arrowUp" : direction === "DOWN" ? "arrowDown" : "circle";
  const sameCategory = events.every((e) => e.category === first.category);
  const palette = sameCategory ? (CATEGORY_COLOR[first.category] ?? CATEGORY_COLOR.OTHER!) : MIXED_COLOR;
  const last = events[events.length - 1]!;
  const text = events.length === 1 ? first.label : `${first.label}–${last.label} ×${events.length}`;
  return { shape, color: dark ? palette.dark : palette.light, text };
}

export function noteMarkerStyle(notes: readonly OverlayNote[], dark = false): MarkerStyle {
  return { shape: "square", color: dark ? NOTE_COLOR.dark : NOTE_COLOR.light, text: notes.length > 1 ? `✎×${notes.length}` : "✎" };
}


/**
 * The dates spanned by a window [a, b] of sessions around day 0, clipped to the sessions there are; null when day 0
 * is not a session of the series or the window lies entirely outside it.
 */
export function sessionWindow(sessions: readonly string[], day0: string, window: readonly [number, number]): { from: string; to: string } | null {
  const i = lowerBound(sessions, day0);
  if (sessions[i] !== day0) return null;
  const a = Math.max(0, i + window[0]);
  const b = Math.min(sessions.length - 1, i + window[1]);
  if (a > b) return null;
  return { from: sessions[a]!, to: sessions[b]! };
}

/** How many of the dated items fall before and after the visible [from, to] span. */
export function outsideRange<T extends { session: string | null }>(items: readonly T[], from: string, to: string): { before: T[]; after: T[] } {
  const before: T[] = [];
  const after: T[] = [];
  for (const item of items) {
    if (item.session === null) continue;
    if (item.session < from) before.push(item);
    else if (item.session > to) after.push(item);
  }
  return { before, after };
}
