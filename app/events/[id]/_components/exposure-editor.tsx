"use client";
// Link an asset with the expected direction and why; change or unlink it. Shows who stated each hypothesis and
// whether before or after the event, which decides how much the analytics trust it.
import { useActionState } from "react";
import { FieldError, FormMessage, buttonClass, inputClass } from "../../../_components/forms/form-feedback";
import { removeExposureAction, setExposureAction } from "../../actions";

export interface ExposureRow {
  symbol: string;
  name: string;
  direction: string;
  rationale: string;
  setBy: string | null;
  setAt: string;
  timing: "before" | "after";
}

function Unlink({ eventId, symbol }: { eventId: number; symbol: string }) {
  const [state, action, pending] = useActionState(removeExposureAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="assetSymbol" value={symbol} />
      <button type="submit" disabled={pending} className="text-xs text-red-700 dark:text-red-300 hover:underline">Unlink</button>
      {state && !state.ok && <span className="ml-1 text-xs text-red-700 dark:text-red-300">{state.message}</span>}
    </form>
  );
}

export function ExposureEditor({ eventId, rows, assets, canWrite }: { eventId: number; rows: ExposureRow[]; assets: string[]; canWrite: boolean }) {
  const [state, action, pending] = useActionState(setExposureAction, null);
  return (
    <div className="space-y-4">
      <ul className="space-y-2 text-sm" data-testid="hypotheses">
        {rows.map((x) => (
          <li key={x.symbol}>
            <strong>{x.symbol}</strong> expected <strong>{x.direction.toLowerCase()}</strong>
            {x.rationale && <> — {x.rationale}</>}
            <span className="ml-2 text-xs text-tremor-content dark:text-dark-tremor-content">
              set by {x.setBy ?? "the seed storyline"} on {x.setAt.slice(0, 10)},{" "}
              <span className={x.timing === "before" ? "text-emerald-700 dark:text-emerald-300" : "text-amber-700 dark:text-amber-300"}>{x.timing} the event</span>
            </span>
            {canWrite && <span className="ml-2"><Unlink eventId={eventId} symbol={x.symbol} /></span>}
          </li>
        ))}
      </ul>
      {canWrite && (
        <form action={action} className="grid gap-2 sm:grid-cols-4">
          <input type="hidden" name="eventId" value={eventId} />
          <label className="text-sm">Asset
            <select name="assetSymbol" className={inputClass}>{assets.map((s) => <option key={s} value={s}>{s}</option>)}</select>
            <FieldError state={state} name="assetSymbol" />
          </label>
          <label className="text-sm">Expected direction
            <select name="direction" className={inputClass} defaultValue="UNCERTAIN"><option value="UP">up</option><option value="DOWN">down</option><option value="UNCERTAIN">uncertain</option></select>
            <FieldError state={state} name="direction" />
          </label>
          <label className="text-sm sm:col-span-2">Rationale<input name="rationale" maxLength={2000} className={inputClass} /><FieldError state={state} name="rationale" /></label>
          <div><button type="submit" disabled={pending} className={buttonClass}>Link or update</button></div>
          <div className="sm:col-span-3"><FormMessage state={state && !state.ok && !state.fieldErrors ? state : null} /></div>
        </form>
      )}
    </div>
  );
}
