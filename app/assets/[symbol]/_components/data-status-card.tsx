import { Card, Text, Title } from "@tremor/react";
import { Badge } from "../../../_components/badge";
import { dataStatus } from "@/lib/assets/data-status";
import { configuredProvider } from "@/lib/runtime/providers";
import { latestRefreshJob } from "@/lib/market-data/refresh-jobs";
import { ImportPricesForm, RefreshNowButton, SwitchToProviderButton } from "../../_components/asset-forms";

const SOURCE_LABEL = { YAHOO: "Yahoo Finance", CSV: "CSV import", DEMO: "synthetic demo data" } as const;

function when(d: Date | null): string {
  return d ? `${d.toISOString().slice(0, 16).replace("T", " ")} UTC` : "never";
}

/** Where the series comes from, how fresh it is, what failed last and which bars deserve a second look. */
export async function DataStatusCard({ assetId, symbol, canWrite }: { assetId: number; symbol: string; canWrite: boolean }) {
  const [s, job] = await Promise.all([dataStatus(assetId), latestRefreshJob(symbol)]);
  const providerLabel = configuredProvider().name === "demo" ? "demo data" : "Yahoo";
  const backfill = job?.reason === "switch" && s.source !== "CSV" && job.state !== "completed" ? job : null;
  return (
    <Card>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Title>Data status</Title>
        {canWrite && s.source !== "CSV" && <RefreshNowButton symbol={symbol} />}
      </div>
      {canWrite && s.source === "CSV" && (
        <div className="mt-2">
          <SwitchToProviderButton symbol={symbol} providerLabel={providerLabel} job={null} />
        </div>
      )}
      {backfill && (
        <Text className="mt-2" role="status">
          Backfill of the full history after leaving CSV: {backfill.state === "active" ? "fetching" : backfill.state === "failed" ? "failed, see below" : "queued"} (reload to follow).
        </Text>
      )}
      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-tremor-default sm:grid-cols-4">
        <dt className="text-tremor-label">Source</dt>
        <dd>{SOURCE_LABEL[s.source]}</dd>
        <dt className="text-tremor-label">Bars</dt>
        <dd className="tabular-nums">{s.bars}{s.firstDate ? ` (${s.firstDate} … ${s.lastDate})` : ""}</dd>
        <dt className="text-tremor-label">Last successful refresh</dt>
        <dd>{when(s.refreshedAt)}</dd>
        <dt className="text-tremor-label">Data as of</dt>
        <dd>{s.lastDate ?? "no prices yet"}</dd>
      </dl>
      {s.refreshError && (
        <Text className="mt-3 text-red-700 dark:text-red-300" role="status">
          Last refresh failed ({when(s.refreshErrorAt)}): {s.refreshError} The chart shows the data stored before.
        </Text>
      )}
      <details className="mt-3">
        <summary className="cursor-pointer text-tremor-default">
          Quality flags <Badge size="xs" color={s.flags.length ? "amber" : "emerald"}>{s.flags.length}</Badge>
        </summary>
        {s.flags.length === 0 ? (
          <Text className="mt-2">No gaps beyond holidays, non-positive prices, one-day moves over 25 % or out-of-range closes.</Text>
        ) : (
          <ul className="mt-2 max-h-64 overflow-auto text-tremor-label">
            {s.flags.map((f) => (
              <li key={`${f.date}-${f.code}`}>
                <span className="tabular-nums">{f.date}</span> · {f.code.replaceAll("_", " ")} — {f.message}
              </li>
            ))}
          </ul>
        )}
        <Text className="mt-2 text-tremor-label">Flags are for review: no bar is ever changed or dropped because of them.</Text>
      </details>
      {canWrite && (
        <details className="mt-3">
          <summary className="cursor-pointer text-tremor-default">Import prices from a CSV file</summary>
          <div className="mt-2">
            <ImportPricesForm symbol={symbol} source={s.source} />
          </div>
        </details>
      )}
    </Card>
  );
}
