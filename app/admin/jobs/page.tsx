import { Card, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Text } from "@tremor/react";
import { DataTable } from "../../_components/data-table";
import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { jobMetrics } from "@/lib/jobs/job-metrics";
import Link from "next/link";
import { deadDeliveries } from "@/lib/notifications/webhooks";
import { RetryDeliveryButton } from "../webhooks/webhook-forms";

export const metadata: Metadata = { title: "Jobs" };

const STATES = ["created", "retry", "active", "completed", "failed", "cancelled"] as const;
const at = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "—");

// Admins: the job queue over the last 24 hours (counts by state, median run time, last failure) and every asset's
// refresh status, so a stuck or failing refresh is visible without reading logs.
export default async function JobsPage() {
  await requireUser("ADMIN");
  const [m, dead] = await Promise.all([jobMetrics(), deadDeliveries()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Jobs</h1>
      <Card>
        <h2 className="mb-2 font-semibold">Job queue, last {m.sinceHours} hours</h2>
        {!m.installed ? <Text>The job queue is not installed yet: it is created when the app starts its worker.</Text> : m.queues.length === 0 ? <Text>No job in this period.</Text> : (
          <DataTable label="Queues">
            <TableHead>
              <TableRow>
                <TableHeaderCell>Queue</TableHeaderCell>
                {STATES.map((s) => <TableHeaderCell key={s} className="text-right">{s}</TableHeaderCell>)}
                <TableHeaderCell className="text-right">median run</TableHeaderCell>
                <TableHeaderCell>last completed (UTC)</TableHeaderCell>
                <TableHeaderCell>last failure</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {m.queues.map((q) => (
                <TableRow key={q.name}>
                  <TableCell>{q.name}</TableCell>
                  {STATES.map((s) => <TableCell key={s} className="text-right">{q.states[s] ?? 0}</TableCell>)}
                  <TableCell className="text-right">{q.medianSeconds === null ? "—" : `${q.medianSeconds.toFixed(1)} s`}</TableCell>
                  <TableCell>{at(q.lastCompletedAt)}</TableCell>
                  <TableCell className="whitespace-normal">{q.lastFailure ? `${at(q.lastFailure.at)}: ${q.lastFailure.message}` : "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </DataTable>
        )}
      </Card>
      <Card>
        <h2 className="mb-2 font-semibold">Webhook deliveries that failed every attempt</h2>
        <Text className="mb-2">
          Retrying gives a delivery a fresh set of attempts with the webhook&apos;s current URL and secret. Manage webhooks on the{" "}
          <Link href="/admin/webhooks" className="text-tremor-brand underline dark:text-dark-tremor-brand">Webhooks</Link> page.
        </Text>
        {dead.length === 0 ? <Text>None.</Text> : (
          <DataTable label="Dead webhook deliveries">
            <TableHead>
              <TableRow>
                <TableHeaderCell>Webhook</TableHeaderCell>
                <TableHeaderCell>Notification</TableHeaderCell>
                <TableHeaderCell className="text-right">attempts</TableHeaderCell>
                <TableHeaderCell>last error</TableHeaderCell>
                <TableHeaderCell>queued (UTC)</TableHeaderCell>
                <TableHeaderCell><span className="sr-only">Retry</span></TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {dead.map((d) => (
                <TableRow key={d.id} data-testid="dead-delivery">
                  <TableCell className="whitespace-normal">{d.webhook.name}{d.webhook.revokedAt ? " (revoked)" : ""}</TableCell>
                  <TableCell className="whitespace-normal">{d.type} · {d.key}</TableCell>
                  <TableCell className="text-right">{d.attempts}</TableCell>
                  <TableCell className="whitespace-normal">{d.lastError ?? "—"}</TableCell>
                  <TableCell>{at(d.createdAt)}</TableCell>
                  <TableCell>{d.webhook.revokedAt ? "—" : <RetryDeliveryButton id={d.id} />}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </DataTable>
        )}
      </Card>
      <Card>
        <h2 className="mb-2 font-semibold">Price refresh by asset</h2>
        <DataTable label="Recent jobs">
          <TableHead>
            <TableRow>
              <TableHeaderCell>Asset</TableHeaderCell>
              <TableHeaderCell>Source</TableHeaderCell>
              <TableHeaderCell>Data as of</TableHeaderCell>
              <TableHeaderCell>Last refreshed (UTC)</TableHeaderCell>
              <TableHeaderCell>Last error</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {m.assets.map((a) => (
              <TableRow key={a.symbol}>
                <TableCell>{a.symbol}</TableCell>
                <TableCell>{a.source.toLowerCase()}</TableCell>
                <TableCell>{a.latestBar ?? "no data"}</TableCell>
                <TableCell>{at(a.refreshedAt)}</TableCell>
                <TableCell className="whitespace-normal">{a.refreshError ? `${at(a.refreshErrorAt)}: ${a.refreshError}` : "—"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </DataTable>
      </Card>
    </div>
  );
}
