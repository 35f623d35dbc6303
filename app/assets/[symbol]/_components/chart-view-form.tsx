import type { ChartView } from "@/lib/assets/chart-view";

const input = "rounded-tremor-small border border-tremor-border bg-transparent px-2 py-1 text-tremor-default dark:border-dark-tremor-border";

/** Custom range, comparison assets and scale: a plain GET form, so the resulting view is a shareable URL. */
export function ChartViewForm({ view, errors, unknown }: { view: ChartView; errors: string[]; unknown: string[] }) {
  return (
    <>
      <form className="mt-3 flex flex-wrap items-end gap-3 text-tremor-label" aria-label="Chart settings">
        <label className="flex flex-col">
          From
          <input type="date" name="from" defaultValue={view.from ?? ""} className={input} />
        </label>
        <label className="flex flex-col">
          To
          <input type="date" name="to" defaultValue={view.to ?? ""} className={input} />
        </label>
        <label className="flex flex-col">
          Compare with (rebased to 100)
          <input name="compare" defaultValue={view.compare.join(",")} placeholder="EWY,^GSPC" className={input} />
        </label>
        <label className="flex flex-col">
          Scale
          <select name="scale" defaultValue={view.log ? "log" : "linear"} className={input}>
            <option value="linear">linear</option>
            <option value="log">log</option>
          </select>
        </label>
        <input type="hidden" name="range" value={view.range} />
        <button type="submit" className="rounded-tremor-default bg-tremor-brand px-3 py-1 text-white">Apply</button>
      </form>
      {(errors.length > 0 || unknown.length > 0) && (
        <ul className="mt-2 text-tremor-default text-red-600" role="alert">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
          {unknown.length > 0 && <li>Not tracked, so not compared: {unknown.join(", ")}. Add them on the Assets page.</li>}
        </ul>
      )}
    </>
  );
}
