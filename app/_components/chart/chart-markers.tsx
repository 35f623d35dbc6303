"use client";
// The asset chart's marker layer and the parts of the page that explain or reach it: the event and note markers as
// buttons over the canvas (positioned by overlay-layout.ts), the legend of their shapes and colours, and the jumps
// to events outside the visible range.
import type { ChartEventInfo, ChartNoteInfo } from "@/lib/charts/chart-payload";
import { CATEGORY_COLOR, NOTE_COLOR, type SessionMarker } from "@/lib/charts/event-overlay";
import type { MarkerCluster } from "@/lib/charts/marker-clusters";

type Kind = "event" | "note";

export function MarkerButtons({
  clusters,
  noteGroups,
  focusSession,
  onEnter,
  onLeave,
  onOpen,
}: {
  clusters: MarkerCluster<ChartEventInfo>[];
  noteGroups: SessionMarker<ChartNoteInfo>[];
  focusSession: string | undefined;
  onEnter: (session: string, kind: Kind) => void;
  onLeave: () => void;
  onOpen: (session: string, kind: Kind) => void;
}) {
  return (
    <>
      {clusters.map((g) => (
        <button
          key={`e${g.session}`}
          type="button"
          tabIndex={-1}
          data-session={g.session}
          data-kind="event"
          data-testid="event-marker"
          aria-label={g.sessions.length > 1 ? `${g.items.length} events from ${g.session} to ${g.lastSession}` : g.items.map((e) => `${e.label}: ${e.title}`).join("; ")}
          className={`event-marker pointer-events-auto absolute left-0 top-0 h-[22px] w-[22px] cursor-pointer rounded-full ${focusSession === g.session ? "ring-2 ring-tremor-brand" : ""}`}
          onMouseEnter={() => onEnter(g.session, "event")}
          onMouseLeave={onLeave}
          onClick={() => onOpen(g.session, "event")}
        />
      ))}
      {noteGroups.map((g) => (
        <button
          key={`n${g.session}`}
          type="button"
          tabIndex={-1}
          data-session={g.session}
          data-kind="note"
          data-testid="note-marker"
          aria-label={g.items.map((n) => `Note: ${n.text}`).join("; ")}
          className="note-marker pointer-events-auto absolute left-0 top-0 h-[22px] w-[22px] cursor-pointer"
          onMouseEnter={() => onEnter(g.session, "note")}
          onMouseLeave={onLeave}
          onClick={() => onOpen(g.session, "note")}
        />
      ))}
    </>
  );
}

/** Jumps to the nearest event before and after the visible range; `total` is 0 until the range is known. */
export function OutOfRangeNav({ before, after, total, onSelect }: { before: ChartEventInfo[]; after: ChartEventInfo[]; total: number; onSelect: (id: number) => void }) {
  const jump = "rounded-tremor-small border border-tremor-border px-2 py-0.5 dark:border-dark-tremor-border";
  return (
    <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-tremor-label" data-testid="out-of-range">
      {before.length > 0 && (
        <button type="button" className={jump} onClick={() => onSelect(before.at(-1)!.id)}>
          ← {before.length} earlier event{before.length === 1 ? "" : "s"}: jump to {before.at(-1)!.label}
        </button>
      )}
      {after.length > 0 && (
        <button type="button" className={jump} onClick={() => onSelect(after[0]!.id)}>
          {after.length} later event{after.length === 1 ? "" : "s"}: jump to {after[0]!.label} →
        </button>
      )}
      {total > 0 && before.length + after.length === 0 && <span>All {total} events are in view.</span>}
    </div>
  );
}
/** What the marker shapes and colours mean: direction by shape, category by colour, notes as squares. */
export function MarkerLegend({ events, dark }: { events: ChartEventInfo[]; dark: boolean }) {
  const categories = [...new Set(events.map((e) => e.category))];
  return (
    <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-tremor-label" aria-label="Marker legend">
      <li>▲ expected up</li>
      <li>▼ expected down</li>
      <li>● uncertain or mixed</li>
      <li><span style={{ color: dark ? NOTE_COLOR.dark : NOTE_COLOR.light }}>■</span> note</li>
      {categories.map((c) => {
        const col = CATEGORY_COLOR[c] ?? CATEGORY_COLOR.OTHER!;
        return (
          <li key={c}><span aria-hidden="true" className="mr-1 inline-block h-2.5 w-2.5 rounded-full align-middle" style={{ background: dark ? col.dark : col.light }} />{events.find((e) => e.category === c)?.categoryLabel}</li>
        );
      })}
    </ul>
  );
}
