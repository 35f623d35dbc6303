"use client";

import { useActionState } from "react";
import { secondaryButtonClass } from "../../_components/forms/form-feedback";
import { restoreSavedScenarioAction } from "../../portfolios/actions";

export function RestoreScenarioButton({ id }: { id: number }) {
  const [state, action, pending] = useActionState(restoreSavedScenarioAction, null);
  if (state?.ok) return <span className="text-sm text-emerald-700 dark:text-emerald-300">Restored</span>;
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className={secondaryButtonClass}>Restore</button>
      {state && !state.ok && <span className="ml-2 text-sm text-red-700 dark:text-red-300">{state.message}</span>}
    </form>
  );
}
