"use client";

import { useActionState } from "react";
import { secondaryButtonClass } from "../../../_components/forms/form-feedback";
import { deleteEventAction } from "../../actions";

export function DeleteEventButton({ id, version }: { id: number; version: number }) {
  const [state, action, pending] = useActionState(deleteEventAction, null);
  return (
    <form action={action} className="inline" onSubmit={(e) => { if (!confirm("Delete this event? An admin can restore it.")) e.preventDefault(); }}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={pending} className={secondaryButtonClass}>Delete</button>
      {state && !state.ok && <span className="ml-2 text-sm text-red-700 dark:text-red-300" role="alert">{state.message}</span>}
    </form>
  );
}
