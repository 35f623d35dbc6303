"use client";

import { useActionState } from "react";
import { FormMessage, secondaryButtonClass } from "../../_components/forms/form-feedback";
import { deletePortfolioAction } from "../actions";

/** Soft delete with the version the page showed: deleting what someone just changed is a conflict. */
export function DeletePortfolio({ id, version }: { id: number; version: number }) {
  const [state, action, pending] = useActionState(deletePortfolioAction, null);
  return (
    <form action={action} onSubmit={(e) => { if (!confirm("Delete this portfolio? Its history stays.")) e.preventDefault(); }}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={pending} className={secondaryButtonClass}>Delete</button>
      <FormMessage state={state} />
    </form>
  );
}
