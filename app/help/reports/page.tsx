// What every column of every CSV report means, rendered from the column lists the reports write with (the same lists
// docs/reports.md is generated from), so a deployed instance documents its own files.
import { Card, Text } from "@tremor/react";
import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { REPORTS } from "@/lib/reports/registry";
import { Markdown } from "../../_components/markdown";
import { ScrollRegion } from "../../_components/scroll-region";

export const metadata: Metadata = { title: "Report columns" };

const TH = "px-2 py-2 text-left font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong";
const TD = "px-2 py-1.5 align-top";

export default async function ReportsHelpPage() {
  await requireUser();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Report columns</h1>
        <Text className="mt-2 max-w-4xl">
          Every CSV report, one row per the grain named below, with each column&apos;s unit and definition. Files are RFC 4180 CSV in UTF-8 with CRLF line
          ends and one header row; numbers use a <code>.</code> decimal separator at full precision; dates are <code>YYYY-MM-DD</code>, instants ISO 8601 in
          UTC, lists separated by <code>;</code>; an empty cell is a missing or undefined value. Text cells that a spreadsheet would evaluate as a formula
          start with <code>&apos;</code>. Columns are only ever added, never renamed.
        </Text>
        <nav aria-label="Reports on this page" className="mt-3 flex flex-wrap gap-2">
          {REPORTS.map((r) => (
            <a key={r.slug} href={`#${r.slug}`} className="rounded-tremor-default border border-tremor-border px-3 py-1 text-tremor-default hover:underline dark:border-dark-tremor-border">
              {r.title}
            </a>
          ))}
        </nav>
      </div>
      {REPORTS.map((r) => (
        <Card key={r.slug} id={r.slug} data-testid={`help-${r.slug}`}>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="text-tremor-title font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">
              {r.title} <code className="text-tremor-label">{r.slug}</code>
            </h2>
            <Link href={`/reports?report=${r.slug}`} className="text-tremor-default text-tremor-brand hover:underline dark:text-dark-tremor-brand">
              Download this report
            </Link>
          </div>
          <Text className="mt-1">
            {r.description} One row per {r.grain}.
          </Text>
          <ScrollRegion label={`Columns of ${r.title}`}>
            <table className="mt-3 w-full text-tremor-default">
              <thead>
                <tr className="border-b border-tremor-border dark:border-dark-tremor-border">
                  <th className={`${TH} w-48`}>Column</th>
                  <th className={`${TH} hidden w-56 sm:table-cell`}>Unit</th>
                  <th className={TH}>Definition</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-tremor-border dark:divide-dark-tremor-border">
                {r.columns.map((c) => (
                  <tr key={c.name}>
                    <th scope="row" className={`${TD} break-all text-left font-mono font-normal sm:whitespace-nowrap sm:break-normal`}>{c.name}</th>
                    <td className={`${TD} hidden min-w-[8rem] max-w-[14rem] sm:table-cell`}>{c.unit}</td>
                    <td className={`${TD} min-w-[12rem] sm:min-w-[18rem] [&_p]:!mt-0`}>
                      {/* On a phone the unit sits above the definition, so nothing scrolls sideways. */}
                      <div className="text-tremor-label text-tremor-content sm:hidden dark:text-dark-tremor-content">{c.unit}</div>
                      <Markdown source={c.definition} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {r.slug === "event-study" && (
            <Text className="mt-2">
              The columns ending in a window name repeat for each reporting window inside the event window: the standard ones and each custom window asked
              for with <code>car</code>, named by its bounds (<code>m</code> minus, <code>p</code> plus: [−2, +2] → <code>m2_p2</code>).
            </Text>
          )}
        </Card>
      ))}
    </div>
  );
}
