import { Card, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Text } from "@tremor/react";
import { DataTable } from "../../_components/data-table";
import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { deletedEvents } from "@/lib/events/deleted";
import { deletedSavedScenarios } from "@/lib/scenarios/saved";
import { RestoreButton } from "./restore-button";
import { RestoreScenarioButton } from "./restore-scenario-button";

export const metadata: Metadata = { title: "Deleted records" };

const stamp = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");

export default async function DeletedEventsPage() {
  await requireUser("ADMIN");
  const [events, scenarios] = await Promise.all([deletedEvents(), deletedSavedScenarios()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Deleted records</h1>
      <h2 className="text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Events</h2>
      <Card>
        {events.length === 0 ? <Text>No deleted event.</Text> : (
          <DataTable label="Deleted events">
            <TableHead><TableRow><TableHeaderCell>Date</TableHeaderCell><TableHeaderCell>Event</TableHeaderCell><TableHeaderCell>Deleted</TableHeaderCell><TableHeaderCell /></TableRow></TableHead>
            <TableBody>
              {events.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>{e.occurredAt.toISOString().slice(0, 10)}</TableCell>
                  <TableCell className="whitespace-normal">{e.title}</TableCell>
                  <TableCell>{stamp(e.deletedAt!)} by {e.updatedBy?.name ?? "—"}</TableCell>
                  <TableCell><RestoreButton id={e.id} version={e.version} /></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </DataTable>
        )}
      </Card>
      <h2 className="text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Saved scenarios</h2>
      <Card data-testid="deleted-scenarios">
        {scenarios.length === 0 ? <Text>No deleted saved scenario.</Text> : (
          // A list rather than a table: four short facts and a button fit a phone's width without scrolling sideways.
          <ul className="divide-y divide-tremor-border text-tremor-default dark:divide-dark-tremor-border" aria-label="Deleted saved scenarios">
            {scenarios.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-3" data-saved-id={s.id}>
                <div className="min-w-0">
                  <p className="break-words font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">{s.name}</p>
                  <p className="text-tremor-content dark:text-dark-tremor-content">
                    {s.kind === "analogues" ? "Analogues" : "Shocks"} on {s.portfolioName}{s.portfolioDeleted ? " (deleted portfolio)" : ""} · deleted <span className="whitespace-nowrap tabular-nums">{stamp(s.deletedAt)} UTC</span> by {s.deletedBy ?? "—"}
                  </p>
                </div>
                <RestoreScenarioButton id={s.id} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
