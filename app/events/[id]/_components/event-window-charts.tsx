// One compact chart per exposed asset, centred on its day 0.
import { eventWindowCharts } from "@/lib/event-overlay/event-window-charts";
import { EventWindowChart } from "../../../_components/chart/event-window-chart";
import type { TimePrecision } from "@/lib/enums";
import type { Direction } from "@/lib/enums";

export async function EventWindowCharts({ event }: { event: { id: number; occurredAt: Date; timePrecision: TimePrecision; exposures: { assetId: number; direction: Direction }[] } }) {
  const charts = await eventWindowCharts(event, event.exposures);
  return (
    <div className="mt-4 grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3" data-testid="event-window-charts">
      {charts.map((c) =>
        c.day0 && c.dates.length > 1 ? (
          <EventWindowChart key={c.symbol} eventId={event.id} symbol={c.symbol} name={c.name} direction={c.direction} day0={c.day0} dates={c.dates} closes={c.closes} eventWindow={c.eventWindow} synthetic={c.synthetic} />
        ) : (
          <p key={c.symbol} className="text-tremor-label">{c.symbol}: no session on or after the event yet.</p>
        ),
      )}
    </div>
  );
}
