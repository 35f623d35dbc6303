"use client";

import { useActionState } from "react";
import { FieldError, FormMessage, buttonClass, inputClass, secondaryButtonClass } from "../../_components/forms/form-feedback";
import { banUserAction, changeRoleAction, createUserAction, deleteUserAction, unbanUserAction } from "./actions";

const ROLE_OPTIONS = [["VIEWER", "Viewer"], ["ANALYST", "Analyst"], ["ADMIN", "Admin"]] as const;

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, null);
  return (
    <form action={action} className="grid max-w-xl gap-3 sm:grid-cols-2">
      <div className="sm:col-span-2"><FormMessage state={state} success={state?.ok ? `Account ${state.data.email} created: give them the password through a safe channel.` : undefined} /></div>
      <label className="block text-sm">Name<input name="name" required className={inputClass} /><FieldError state={state} name="name" /></label>
      <label className="block text-sm">Email<input name="email" type="email" required className={inputClass} /><FieldError state={state} name="email" /></label>
      <label className="block text-sm">Initial password<input name="password" type="password" autoComplete="new-password" required className={inputClass} /><FieldError state={state} name="password" /></label>
      <label className="block text-sm">Role
        <select name="role" defaultValue="VIEWER" className={inputClass}>
          {ROLE_OPTIONS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
        <FieldError state={state} name="role" />
      </label>
      <div><button type="submit" disabled={pending} className={buttonClass}>Create account</button></div>
    </form>
  );
}

export function RoleForm({ userId, role }: { userId: string; role: string }) {
  const [state, action, pending] = useActionState(changeRoleAction, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <select name="role" defaultValue={role} className="rounded border border-tremor-border px-1 py-0.5 text-sm" aria-label="Role">
        {ROLE_OPTIONS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
      <button type="submit" disabled={pending} className={secondaryButtonClass}>Save</button>
      <FieldError state={state} name="role" />
      {state && !state.ok && !state.fieldErrors && <span className="text-sm text-red-700 dark:text-red-300">{state.message}</span>}
    </form>
  );
}

function Failure({ state }: { state: { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> } | null }) {
  if (!state || state.ok) return null;
  const text = state.fieldErrors ? Object.values(state.fieldErrors).flat().join(" ") : state.message;
  return <span className="text-xs text-red-700 dark:text-red-300" role="alert">{text}</span>;
}

/** Suspend (with an optional reason) or lift a suspension; a suspended account's sessions end at once. */
export function BanForm({ userId, name, banned }: { userId: string; name: string; banned: boolean }) {
  const [state, action, pending] = useActionState(banned ? unbanUserAction : banUserAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      {!banned && <input name="reason" maxLength={200} placeholder="Reason (optional)" aria-label={`Reason to suspend ${name}`} className="rounded border border-tremor-border px-1 py-0.5 text-sm" />}
      <button type="submit" disabled={pending} className={secondaryButtonClass}>{banned ? "Unban" : "Suspend"}</button>
      <Failure state={state} />
    </form>
  );
}

/** Two steps, since a deleted account cannot come back: open, then confirm. */
export function DeleteUserForm({ userId, name }: { userId: string; name: string }) {
  const [state, action, pending] = useActionState(deleteUserAction, null);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-red-700 dark:text-red-300">Delete…</summary>
      <form action={action} className="mt-1 space-y-1">
        <input type="hidden" name="userId" value={userId} />
        <p className="text-xs">Their sign-in, sessions and API tokens go; what they wrote and its history stay under their name.</p>
        <button type="submit" disabled={pending} className="rounded bg-red-600 px-2 py-1 text-xs font-medium text-white disabled:opacity-50">Delete {name}’s account</button>
        <Failure state={state} />
      </form>
    </details>
  );
}
