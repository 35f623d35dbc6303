"use client";
// On a phone (or after a touch), tapping a marker opens its events and notes in a sheet along the bottom of the
// screen instead of a hover tooltip; a cluster spanning several sessions offers to zoom into its span.
import type { ChartEventInfo, ChartNoteInfo } from "@/lib/charts/chart-payload";
import type { MarkerCluster } from "@/lib/charts/marker-clusters";
import { SessionDetails } from "./event-details";

export function EventSheet({
  session,
  events,
  notes,
  dark,
  cluster,
  onClose,
  onZoom,
}: {
  session: string;
  events: ChartEventInfo[];
  notes: ChartNoteInfo[];
  dark: boolean;
  cluster: MarkerCluster<ChartEventInfo> | undefined;
  onClose: () => void;
  onZoom: (from: string, to: string) => void;
}) {
  const spansSessions = cluster !== undefined && cluster.sessions.length > 1;
  return (
    <div role="dialog" aria-modal="false" aria-label={`Events on ${session}`} data-testid="event-sheet" className="fixed inset-x-0 bottom-0 z-40 max-h-[70vh] overflow-auto rounded-t-2xl border-t border-tremor-border bg-tremor-background p-4 shadow-2xl dark:border-dark-tremor-border dark:bg-dark-tremor-background">
      <div className="mb-2 flex items-center justify-between">
        <strong>{session}</strong>
        <button type="button" onClick={onClose} className="rounded-tremor-small px-2 py-1" aria-label="Close">✕</button>
      </div>
      <SessionDetails
        events={events}
        notes={notes}
        dark={dark}
        span={spansSessions ? { from: cluster.session, to: cluster.lastSession } : undefined}
        onZoom={spansSessions ? () => onZoom(cluster.session, cluster.lastSession) : undefined}
      />
    </div>
  );
}
