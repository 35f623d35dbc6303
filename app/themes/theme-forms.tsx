"use client";

import { useActionState } from "react";
import { FieldError, FormMessage, buttonClass, inputClass, secondaryButtonClass } from "../_components/forms/form-feedback";
import { createThemeAction, deleteThemeAction, mergeThemesAction, updateThemeAction } from "./actions";

export function ThemeForm({ theme }: { theme?: { id: number; name: string; description: string } }) {
  const [state, action, pending] = useActionState(theme ? updateThemeAction : createThemeAction, null);
  return (
    <form action={action} className="flex flex-wrap items-start gap-2">
      {theme && <input type="hidden" name="id" value={theme.id} />}
      <label className="text-sm">Name<input name="name" defaultValue={theme?.name} required className={inputClass} /><FieldError state={state} name="name" /></label>
      <label className="grow text-sm">Description<input name="description" defaultValue={theme?.description} className={inputClass} /><FieldError state={state} name="description" /></label>
      <button type="submit" disabled={pending} className={`mt-5 ${theme ? secondaryButtonClass : buttonClass}`}>{theme ? "Save" : "Create theme"}</button>
      <div className="w-full"><FormMessage state={state} success={theme ? "Saved." : "Theme created."} /></div>
    </form>
  );
}

export function MergeThemesForm({ themes }: { themes: { id: number; name: string }[] }) {
  const [state, action, pending] = useActionState(mergeThemesAction, null);
  const options = themes.map((t) => <option key={t.id} value={t.id}>{t.name}</option>);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <label className="text-sm">Merge<select name="sourceId" className={inputClass}>{options}</select><FieldError state={state} name="sourceId" /></label>
      <label className="text-sm">into<select name="targetId" className={inputClass}>{options}</select><FieldError state={state} name="targetId" /></label>
      <button type="submit" disabled={pending} className={secondaryButtonClass}>Merge</button>
      <div className="w-full"><FormMessage state={state} success="Merged: the events moved and the first theme is gone." /></div>
    </form>
  );
}

/** Refused by the server while live events use the theme; the message says to merge instead. */
export function DeleteThemeButton({ id, name }: { id: number; name: string }) {
  const [state, action, pending] = useActionState(deleteThemeAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="text-xs text-red-700 dark:text-red-300 hover:underline" aria-label={`Delete theme ${name}`}>Delete</button>
      {state && !state.ok && <span className="ml-2 text-xs text-red-700 dark:text-red-300" role="alert">{state.message}</span>}
    </form>
  );
}
