import { Badge, Card, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Text, Title } from "@tremor/react";
import { requireUser } from "@/lib/auth/session";
import Link from "next/link";
import { listEvents } from "@/lib/events/queries";
import { CATEGORY_LABEL, formatDate } from "../_components/format";

export const metadata = { title: "Events" };

export default async function EventsPage() {
  await requireUser();
  const events = await listEvents();
  return (
    <Card>
      <Title>Events</Title>
      {events.length === 0 ? (
        <Text className="mt-4">No events logged yet.</Text>
      ) : (
        <Table className="mt-4">
          <TableHead>
            <TableRow>
              <TableHeaderCell>Date</TableHeaderCell>
              <TableHeaderCell>Event</TableHeaderCell>
              <TableHeaderCell>Category</TableHeaderCell>
              <TableHeaderCell className="text-right">Severity</TableHeaderCell>
              <TableHeaderCell className="text-right">Assets</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {events.map((e) => (
              <TableRow key={e.id}>
                <TableCell className="tabular-nums">{formatDate(e.occurredAt)}</TableCell>
                <TableCell className="whitespace-normal">
                  <Link href={`/events/${e.id}`} className="text-tremor-brand hover:underline">{e.title}</Link>
                </TableCell>
                <TableCell><Badge size="xs">{CATEGORY_LABEL[e.category]}</Badge></TableCell>
                <TableCell className="text-right">{e.severity}</TableCell>
                <TableCell className="text-right">{e._count.exposures}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
