import { Badge, BadgeDelta, Card, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Text, Title } from "@tremor/react";
import Link from "next/link";
import { listAssetOverview } from "@/lib/assets/queries";
import { latestEvents } from "@/lib/events/queries";
import { CATEGORY_LABEL, assetHref, formatDate, formatPercent, formatPrice } from "./_components/format";
import { SyntheticBadge } from "./_components/synthetic-badge";

export default async function OverviewPage() {
  const [assets, events] = await Promise.all([listAssetOverview(), latestEvents(8)]);
  const synthetic = assets.some((a) => a.source === "DEMO");
  return (
    <div className="grid gap-6 lg:grid-cols-5">
      <Card className="lg:col-span-3">
        <div className="flex items-center justify-between gap-2">
          <Title>Assets</Title>
          {synthetic && <SyntheticBadge />}
        </div>
        {assets.length === 0 ? (
          <Text className="mt-4">No assets yet. Add one from its Yahoo symbol to start tracking it.</Text>
        ) : (
          <Table className="mt-4">
            <TableHead>
              <TableRow>
                <TableHeaderCell>Asset</TableHeaderCell>
                <TableHeaderCell className="text-right">Last close</TableHeaderCell>
                <TableHeaderCell className="text-right">Change</TableHeaderCell>
                <TableHeaderCell className="text-right">As of</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {assets.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>
                    <Link href={assetHref(a.symbol)} className="font-medium text-tremor-brand hover:underline">
                      {a.symbol}
                    </Link>
                    <div className="text-tremor-label">{a.name}</div>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {formatPrice(a.lastClose)} <span className="text-tremor-label">{a.currency}</span>
                  </TableCell>
                  <TableCell className="text-right">
                    {a.change === null ? (
                      "—"
                    ) : (
                      <BadgeDelta deltaType={a.change > 0 ? "moderateIncrease" : a.change < 0 ? "moderateDecrease" : "unchanged"}>
                        {formatPercent(a.change)}
                      </BadgeDelta>
                    )}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {a.lastDate ?? <span title={a.refreshError ?? undefined}>no prices yet</span>}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
      <Card className="lg:col-span-2">
        <Title>Latest events</Title>
        {events.length === 0 ? (
          <Text className="mt-4">No events logged yet.</Text>
        ) : (
          <ul className="mt-4 divide-y divide-tremor-border dark:divide-dark-tremor-border">
            {events.map((e) => (
              <li key={e.id} className="py-3">
                <div className="flex items-center gap-2 text-tremor-label">
                  <time dateTime={e.occurredAt.toISOString()}>{formatDate(e.occurredAt)}</time>
                  <Badge size="xs">{CATEGORY_LABEL[e.category]}</Badge>
                  <span>severity {e.severity}</span>
                </div>
                <Link href={`/events/${e.id}`} className="mt-1 block text-tremor-default font-medium hover:text-tremor-brand">
                  {e.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
