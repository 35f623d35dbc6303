import { Card, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Text } from "@tremor/react";
import { DataTable } from "../../_components/data-table";
import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { deletedEvents } from "@/lib/events/deleted";
import { RestoreButton } from "./restore-button";

export const metadata: Metadata = { title: "Deleted events" };

export default async function DeletedEventsPage() {
  await requireUser("ADMIN");
  const events = await deletedEvents();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Deleted events</h1>
      <Card>
        {events.length === 0 ? <Text>No deleted event.</Text> : (
          <DataTable label="Deleted events">
            <TableHead><TableRow><TableHeaderCell>Date</TableHeaderCell><TableHeaderCell>Event</TableHeaderCell><TableHeaderCell>Deleted</TableHeaderCell><TableHeaderCell /></TableRow></TableHead>
            <TableBody>
              {events.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>{e.occurredAt.toISOString().slice(0, 10)}</TableCell>
                  <TableCell className="whitespace-normal">{e.title}</TableCell>
                  <TableCell>{e.deletedAt!.toISOString().slice(0, 16).replace("T", " ")} by {e.updatedBy?.name ?? "—"}</TableCell>
                  <TableCell><RestoreButton id={e.id} version={e.version} /></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </DataTable>
        )}
      </Card>
    </div>
  );
}
