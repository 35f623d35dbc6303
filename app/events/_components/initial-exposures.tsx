"use client";
// Exposed assets stated while creating the event: picked from the stored assets, each with the expected direction
// and why. Sent as one JSON field so the server validates them with the same schema as the API.
import { FieldError, inputClass, secondaryButtonClass } from "../../_components/forms/form-feedback";
import type { ActionResult } from "@/lib/http/errors";
import type { Direction } from "@/lib/enums";

export interface ExposureDraft {
  assetSymbol: string;
  direction: Direction;
  rationale: string;
}

export function InitialExposures({ assets, rows, onChange, state }: {
  assets: { symbol: string; name: string }[];
  rows: ExposureDraft[];
  onChange: (rows: ExposureDraft[]) => void;
  state: ActionResult<unknown> | null;
}) {
  const unused = assets.filter((a) => !rows.some((r) => r.assetSymbol === a.symbol));
  const update = (i: number, patch: Partial<ExposureDraft>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="space-y-2 text-sm md:col-span-2" data-testid="initial-exposures">
      <legend className="font-medium">Exposed assets and expected direction</legend>
      <input type="hidden" name="exposures" value={JSON.stringify(rows)} />
      {rows.length === 0 && <p className="text-tremor-content dark:text-dark-tremor-content">No asset yet. Add the assets you expect this event to move; you can also link them later on the event page.</p>}
      {rows.map((r, i) => (
        <div key={r.assetSymbol || i} className="grid gap-2 rounded border border-tremor-border p-2 sm:grid-cols-[10rem_9rem_1fr_auto]" data-testid="exposure-row">
          <label>Asset
            <select aria-label={`Asset ${i + 1}`} value={r.assetSymbol} onChange={(e) => update(i, { assetSymbol: e.target.value })} className={inputClass}>
              {[...assets.filter((a) => a.symbol === r.assetSymbol), ...unused].map((a) => <option key={a.symbol} value={a.symbol}>{a.symbol} — {a.name}</option>)}
            </select>
          </label>
          <label>Expected
            <select aria-label={`Direction ${i + 1}`} value={r.direction} onChange={(e) => update(i, { direction: e.target.value as ExposureDraft["direction"] })} className={inputClass}>
              <option value="UP">up</option><option value="DOWN">down</option><option value="UNCERTAIN">uncertain</option>
            </select>
          </label>
          <label>Rationale
            <input aria-label={`Rationale ${i + 1}`} value={r.rationale} maxLength={2000} onChange={(e) => update(i, { rationale: e.target.value })} className={inputClass} />
          </label>
          <button type="button" className="self-end text-xs text-red-600 hover:underline dark:text-red-300" onClick={() => onChange(rows.filter((_, j) => j !== i))}>Remove</button>
        </div>
      ))}
      {unused.length > 0 && (
        <button type="button" className={secondaryButtonClass} onClick={() => onChange([...rows, { assetSymbol: unused[0]!.symbol, direction: "UNCERTAIN", rationale: "" }])}>
          Add an exposed asset
        </button>
      )}
      {assets.length === 0 && <p className="text-tremor-content dark:text-dark-tremor-content">No asset is stored yet: add assets first, then link them.</p>}
      <FieldError state={state} name="exposures" />
    </fieldset>
  );
}
