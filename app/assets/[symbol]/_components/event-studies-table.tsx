import { Card, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Text, Title } from "@tremor/react";
import { DataTable } from "../../../_components/data-table";
import { Badge } from "../../../_components/badge";
import Link from "next/link";
import { eventStudiesForAsset, type CarCell } from "@/lib/studies";
import { DIRECTION_LABEL, formatDate } from "../../../_components/format";
import { HYPOTHESIS_COLOR, HYPOTHESIS_LABEL, formatP, formatPercentile, formatReturn } from "../../../_components/stats-format";

function CarCells({ cell }: { cell: CarCell | undefined }) {
  if (!cell) {
    return (
      <>
        <TableCell className="text-right">—</TableCell>
        <TableCell className="text-right">—</TableCell>
      </>
    );
  }
  return (
    <>
      <TableCell className="text-right tabular-nums" title={`t = ${cell.t?.toFixed(2) ?? "—"}, p = ${formatP(cell.p)}`}>
        <span className={cell.significant ? "font-semibold" : "text-tremor-content dark:text-dark-tremor-content"}>{formatReturn(cell.car)}</span>
        <span className="block text-tremor-label">p {formatP(cell.p)}{cell.significant ? "" : " · no detectable effect"}</span>
      </TableCell>
      <TableCell className="text-right tabular-nums">{formatPercentile(cell.placeboPercentile, cell.placeboDraws)}</TableCell>
    </>
  );
}

/** The asset's events with the two CARs an analyst scans first, whether they are beyond noise, and the verdict. */
export async function EventStudiesTable({ assetId, symbol }: { assetId: number; symbol: string }) {
  const studies = await eventStudiesForAsset(assetId);
  if (!studies) return null;
  return (
    <Card>
      <Title>Events exposing {symbol}{studies.rows.length > 0 ? ` (${studies.rows.length})` : ""}</Title>
      {studies.rows.length === 0 ? (
        <Text className="mt-4">No event is linked to this asset yet.</Text>
      ) : (
        <>
          {/* Hundreds of events would make the page tens of thousands of pixels long: the table scrolls in its own box
              (about fifteen rows high) under a header that stays in view. */}
          <DataTable label="Event studies of this asset" className="mt-4" data-testid="asset-event-studies" maxHeightClass="max-h-[40rem]">
            <TableHead className="sticky top-0 z-10 bg-tremor-background dark:bg-dark-tremor-background">
              <TableRow>
                <TableHeaderCell>Event date</TableHeaderCell>
                <TableHeaderCell>Day 0</TableHeaderCell>
                <TableHeaderCell>Event</TableHeaderCell>
                <TableHeaderCell>Hypothesis</TableHeaderCell>
                <TableHeaderCell className="text-right">CAR [−1, +1]</TableHeaderCell>
                <TableHeaderCell className="text-right">Placebo pct.</TableHeaderCell>
                <TableHeaderCell className="text-right">CAR [−5, +5]</TableHeaderCell>
                <TableHeaderCell className="text-right">Placebo pct.</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {/* Newest first, as the chart's event list: the latest events are the ones an analyst opens the page for. */}
              {[...studies.rows].reverse().map((r) => (
                <TableRow key={r.event.id}>
                  <TableCell className="tabular-nums">{formatDate(r.eventDate)}</TableCell>
                  <TableCell className="tabular-nums">
                    {r.day0Session ?? "—"}
                    {r.day0Note && <div className="max-w-56 whitespace-normal text-tremor-label text-amber-800 dark:text-amber-300">{r.day0Note}</div>}
                  </TableCell>
                  <TableCell className="whitespace-normal">
                    <Link href={`/events/${r.event.id}`} className="text-tremor-brand hover:underline dark:text-dark-tremor-brand">{r.event.title}</Link>
                  </TableCell>
                  <TableCell>
                    {DIRECTION_LABEL[r.direction]}
                    {r.hypothesis && (
                      <Badge size="xs" color={HYPOTHESIS_COLOR[r.hypothesis]} className="mt-1 block w-fit">
                        {HYPOTHESIS_LABEL[r.hypothesis]}
                      </Badge>
                    )}
                  </TableCell>
                  {r.status === "ok" ? (
                    <>
                      <CarCells cell={r.cars.find((c) => c.label === "[−1, +1]")} />
                      <CarCells cell={r.cars.find((c) => c.label === "[−5, +5]")} />
                    </>
                  ) : (
                    <TableCell colSpan={4} className="whitespace-normal text-tremor-content dark:text-dark-tremor-content">{r.summary}</TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </DataTable>
          <Text className="mt-2 text-tremor-label">
            {studies.caption}. Day 0: the first session that closes after the event ({studies.sessionClose.close} {studies.sessionClose.timeZone},{" "}
            {studies.sessionClose.basis}). Placebo pct.: share of placebo CARs at or below this one. Hypothesis outcome scored on CAR [−1, +1].
            {studies.modelNote ? ` ${studies.modelNote}` : ""}
          </Text>
        </>
      )}
    </Card>
  );
}
