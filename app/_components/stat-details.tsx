// Statistics tables on narrow screens: the key columns stay, the rest (hidden with `HIDE_NARROW`) fold into a
// "details" disclosure in the row's first cell, so nothing is lost and nothing scrolls sideways.

/** Put on the header and body cells of the secondary columns. */
export const HIDE_NARROW = "hidden lg:table-cell";

export function StatDetails({ items }: { items: [label: string, value: React.ReactNode][] }) {
  return (
    <details className="mt-1 whitespace-normal lg:hidden">
      <summary className="inline-block min-h-[24px] cursor-pointer py-0.5 text-tremor-label text-tremor-brand dark:text-dark-tremor-brand">Details</summary>
      <dl className="mt-1 grid grid-cols-[auto_auto] gap-x-3 gap-y-0.5 text-tremor-label">
        {items.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-tremor-content dark:text-dark-tremor-content">{label}</dt>
            <dd className="text-right tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
