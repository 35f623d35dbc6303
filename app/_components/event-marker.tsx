"use client";

// The one event marker drawn on every chart: a clickable, keyboard-reachable dot whose tooltip names the event.
export interface EventMarkerInfo {
  id: number;
  title: string;
  label: string;
}

export function eventMarkerShape(m: EventMarkerInfo, open: (href: string) => void, radius = 6) {
  function EventMarkerShape(props: { cx?: number; cy?: number }) {
    return (
      <g
        className="event-marker cursor-pointer"
        role="link"
        tabIndex={0}
        aria-label={`${m.label}: ${m.title}`}
        data-event-id={m.id}
        onClick={() => open(`/events/${m.id}`)}
        onKeyDown={(e) => {
          if (e.key === "Enter" || e.key === " ") open(`/events/${m.id}`);
        }}
      >
        <title>{`${m.label} — ${m.title}`}</title>
        <circle cx={props.cx} cy={props.cy} r={radius} fill="#f97316" stroke="#fff" strokeWidth={2} />
      </g>
    );
  }
  return EventMarkerShape;
}
