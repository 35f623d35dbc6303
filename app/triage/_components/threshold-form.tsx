"use client";
// k for one asset (analysts) or for every asset without its own (admins). Saving rescores the assets concerned.
import { useActionState } from "react";
import { FieldError, FormMessage, inputClass, secondaryButtonClass } from "../../_components/forms/form-feedback";
import { setThresholdAction } from "../actions";

export function ThresholdForm({ isAdmin }: { isAdmin: boolean }) {
  const [state, action, pending] = useActionState(setThresholdAction, null);
  return (
    <form action={action} className="grid max-w-xl grid-cols-2 gap-3 text-sm sm:grid-cols-[1fr_8rem_auto]" data-testid="threshold-form">
      <label>Asset{isAdmin ? " (empty: every asset without its own)" : ""}
        <input name="assetSymbol" required={!isAdmin} placeholder="^KS11" className={inputClass} />
        <FieldError state={state} name="assetSymbol" />
      </label>
      <label>k (|z| ≥ k)
        <input name="threshold" type="number" step="0.5" min={1} max={20} required className={inputClass} />
        <FieldError state={state} name="threshold" />
      </label>
      <div className="col-span-2 flex items-end sm:col-span-1">
        <button type="submit" disabled={pending} className={secondaryButtonClass}>Set k</button>
      </div>
      <div className="col-span-2 sm:col-span-3"><FormMessage state={state} success="Saved; the moves are rescored." /></div>
    </form>
  );
}
