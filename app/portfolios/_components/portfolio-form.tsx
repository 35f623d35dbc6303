"use client";

// Create or edit a portfolio: name, base currency, and the positions as CSV lines (symbol,quantity or symbol,weight),
// the same text a file import takes. Messages come back from the server per field and per position. The submit goes
// through onSubmit, not the form's action attribute: React resets a form after an action, which would wipe what the
// user typed when the server refuses it.
import { startTransition, useActionState } from "react";
import { FieldError, FormMessage, buttonClass, inputClass } from "../../_components/forms/form-feedback";
import type { ActionResult } from "@/lib/http/errors";
import { createPortfolioAction, updatePortfolioAction } from "../actions";

export interface PortfolioFormValues {
  id?: number;
  version?: number;
  name: string;
  description: string;
  baseCurrency: string;
  notional: string;
  positions: string;
}

/** Position errors as "Position 3 (CSV line 4): …": the text box's first line is the header. */
export function PositionErrors({ state }: { state: ActionResult<unknown> | null }) {
  if (!state || state.ok || !state.fieldErrors) return null;
  const items = Object.entries(state.fieldErrors).flatMap(([key, messages]) => {
    const m = /^positions\.(\d+)\./.exec(key);
    return m ? messages.map((msg) => `Position ${Number(m[1]) + 1} (line ${Number(m[1]) + 2}): ${msg}`) : [];
  });
  if (!items.length) return null;
  return (
    <ul className="mt-1 list-disc pl-5 text-sm text-red-700 dark:text-red-300" role="alert" data-field-error="positions-rows">
      {items.map((t) => <li key={t}>{t}</li>)}
    </ul>
  );
}

export function PortfolioForm({ initial }: { initial: PortfolioFormValues }) {
  const editing = initial.id !== undefined;
  const [state, action, pending] = useActionState(editing ? updatePortfolioAction : createPortfolioAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form
      className="space-y-4"
      data-testid="portfolio-form"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        startTransition(() => action(form));
      }}
    >
      {editing && <input type="hidden" name="id" value={initial.id} />}
      {editing && <input type="hidden" name="version" value={initial.version} />}
      <label className="block text-sm">Name
        <input name="name" defaultValue={initial.name} maxLength={120} required className={inputClass} />
      </label>
      <FieldError state={failed} name="name" />
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label className="block text-sm">Base currency
            <input name="baseCurrency" defaultValue={initial.baseCurrency} maxLength={3} required className={`${inputClass} uppercase`} placeholder="USD" />
          </label>
          <FieldError state={failed} name="baseCurrency" />
        </div>
        <div>
          <label className="block text-sm">Notional (weights only)
            <input name="notional" defaultValue={initial.notional} inputMode="decimal" className={inputClass} placeholder="e.g. 1000000" />
          </label>
          <FieldError state={failed} name="notional" />
        </div>
      </div>
      <label className="block text-sm">Positions: a header line, then one asset per line
        <textarea name="positions" defaultValue={initial.positions} rows={8} required className={`${inputClass} font-mono`} placeholder={"symbol,quantity\nEWY,1500\n005930.KS,2000"} />
      </label>
      <p className="text-xs text-tremor-content dark:text-dark-tremor-content">
        <code>symbol,quantity</code> (units held) or <code>symbol,weight</code> (fractions of the notional that sum to 1), one kind for all; each asset once.
      </p>
      {failed?.fieldErrors?.positions && <FieldError state={{ ...failed, fieldErrors: { positions: failed.fieldErrors.positions } }} name="positions" />}
      <PositionErrors state={failed} />
      <label className="block text-sm">Description
        <textarea name="description" defaultValue={initial.description} rows={2} maxLength={2000} className={inputClass} />
      </label>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={buttonClass}>{editing ? "Save changes" : "Create portfolio"}</button>
    </form>
  );
}
