"use client";
// What a marker says about its events and notes: shared by the hover/focus tooltip and the phone's bottom sheet.
import type { ChartEventInfo, ChartNoteInfo } from "@/lib/charts/chart-payload";
import { CATEGORY_COLOR } from "@/lib/charts/event-overlay";
import { formatP, formatReturn } from "../stats-format";

const VERDICT: Record<string, { text: string; cls: string }> = {
  confirmed: { text: "Hypothesis confirmed", cls: "text-emerald-700 dark:text-emerald-400" },
  contradicted: { text: "Hypothesis contradicted", cls: "text-rose-700 dark:text-rose-400" },
  inconclusive: { text: "Inconclusive", cls: "text-gray-600 dark:text-gray-400" },
};

const SHAPE: Record<string, string> = { UP: "▲", DOWN: "▼", UNCERTAIN: "●" };

export function ShapeGlyph({ direction, category, dark }: { direction: string; category: string; dark: boolean }) {
  const c = CATEGORY_COLOR[category] ?? CATEGORY_COLOR.OTHER!;
  return <span aria-hidden="true" className="inline-block w-3 text-center" style={{ color: dark ? c.dark : c.light }}>{SHAPE[direction] ?? "●"}</span>;
}

export function EventFacts({ e, dark }: { e: ChartEventInfo; dark: boolean }) {
  const verdict = e.verdict ? VERDICT[e.verdict] : undefined;
  return (
    <div className="space-y-1" data-event-id={e.id}>
      <p className="font-semibold leading-snug text-tremor-content-strong dark:text-dark-tremor-content-strong">
        <ShapeGlyph direction={e.direction} category={e.category} dark={dark} /> <span className="tabular-nums">{e.label}</span> · <a href={`/events/${e.id}`} className="hover:underline" data-testid="tooltip-title">{e.title}</a>
      </p>
      <p className="tabular-nums">{e.localTime} · {e.utcTime}</p>
      <p>{e.precision} · {e.categoryLabel} · severity {e.severity}/5</p>
      <p>{e.hypothesis}{" · "}
        {e.car !== null ? (
          <span data-testid="tooltip-verdict">
            CAR[−1,+1] <strong className="tabular-nums">{formatReturn(e.car)}</strong> (p {formatP(e.carP)}){verdict && <> · <strong className={verdict.cls}>{verdict.text}</strong></>}
          </span>
        ) : (
          <span data-testid="tooltip-verdict">{e.studyNote ?? "no study"}</span>
        )}
      </p>
      <p className="text-tremor-content dark:text-dark-tremor-content">Day 0 {e.session ?? "—"}: {e.day0Reason}</p>
    </div>
  );
}

export function NoteFacts({ n }: { n: ChartNoteInfo }) {
  return (
    <div data-note-id={n.id}>
      <p><span aria-hidden="true" className="text-pink-600 dark:text-pink-400">■</span> Note pinned {n.date}</p>
      <p className="text-tremor-content dark:text-dark-tremor-content">{n.text}</p>
    </div>
  );
}

/** How many events a cluster's tooltip or sheet lists before "and N more". */
export const CLUSTER_LIST_LIMIT = 10;

/**
 * The events and notes under one marker. For a cluster spanning several sessions (`span`), the first events only, a
 * count of the rest and a button zooming into the span, where its markers separate.
 */
export function SessionDetails({ events, notes, dark, span, onZoom }: { events: ChartEventInfo[]; notes: ChartNoteInfo[]; dark: boolean; span?: { from: string; to: string }; onZoom?: () => void }) {
  const shown = span ? events.slice(0, CLUSTER_LIST_LIMIT) : events;
  const more = events.length - shown.length;
  return (
    <div className="space-y-3 text-tremor-label">
      {span ? (
        <p className="font-medium" data-testid="cluster-heading">{events.length} events from {span.from} to {span.to}</p>
      ) : (
        events.length + notes.length > 1 && <p className="font-medium">{events.length} event{events.length === 1 ? "" : "s"}{notes.length ? `, ${notes.length} note${notes.length === 1 ? "" : "s"}` : ""} on {events[0]?.session ?? notes[0]?.session}</p>
      )}
      {span ? (
        <ul className="space-y-1" data-testid="cluster-list">
          {shown.map((e) => (
            <li key={e.id} data-event-id={e.id} className="leading-snug">
              <ShapeGlyph direction={e.direction} category={e.category} dark={dark} /> <span className="tabular-nums">{e.session}</span> · <span className="tabular-nums">{e.label}</span> · <a href={`/events/${e.id}`} className="hover:underline">{e.title}</a>
            </li>
          ))}
        </ul>
      ) : (
        shown.map((e) => <EventFacts key={e.id} e={e} dark={dark} />)
      )}
      {more > 0 && <p data-testid="cluster-more">and {more} more</p>}
      {onZoom && (
        <button type="button" onClick={onZoom} className="rounded-tremor-small border border-tremor-border px-2 py-0.5 dark:border-dark-tremor-border" data-testid="cluster-zoom">
          Zoom to these {events.length} events
        </button>
      )}
      {notes.map((n) => <NoteFacts key={n.id} n={n} />)}
    </div>
  );
}
