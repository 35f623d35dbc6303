import { formatPrice } from "../../../_components/format";

/** The numbers behind the chart, one click away: the chart's text alternative. */
export function ChartDataTable({
  rows,
  comparisons,
  rebased,
  currency,
}: {
  rows: ({ date: string; close: number } & Record<string, number | string | null>)[];
  comparisons: { key: string; label: string }[];
  rebased: boolean;
  currency: string;
}) {
  return (
    <details className="mt-2" data-testid="price-data-table">
      <summary className="cursor-pointer text-tremor-label">Data table ({rows.length} points drawn{rebased ? ", index = 100 at the first session" : `, ${currency}`})</summary>
      <div className="mt-2 max-h-72 overflow-auto">
        <table className="w-full text-tremor-label tabular-nums">
          <thead>
            <tr className="text-left">
              <th className="px-2 py-1">Date</th>
              <th className="px-2 py-1 text-right">{rebased ? "Index" : "Close"}</th>
              {comparisons.map((c) => (
                <th key={c.key} className="px-2 py-1 text-right">{c.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.date}>
                <td className="px-2">{r.date}</td>
                <td className="px-2 text-right">{formatPrice(r.close)}</td>
                {comparisons.map((c) => (
                  <td key={c.key} className="px-2 text-right">{typeof r[c.key] === "number" ? formatPrice(r[c.key] as number) : "—"}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
