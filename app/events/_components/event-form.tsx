"use client";
// The event form, for create and edit. Inputs are controlled so that a failed save (a validation error, or a
// conflict with someone else's edit) keeps everything the user typed.
import { useActionState, useState } from "react";
import { FieldError, FormMessage, buttonClass, inputClass } from "../../_components/forms/form-feedback";
import { createEventAction, updateEventAction } from "../actions";

export interface EventFormValues {
  title: string;
  occurredAt: string;
  category: string;
  severity: string;
  countries: string;
  summary: string;
  sourceUrls: string;
  tags: string;
  themeId: string;
}

const CATEGORIES = ["SUMMIT", "DIPLOMACY", "TREATY", "MILITARY", "SANCTIONS", "INTELLIGENCE", "UN", "ECONOMIC", "OTHER"];

export function EventForm({ initial, themes, edit }: { initial: EventFormValues; themes: { id: number; name: string }[]; edit?: { id: number; version: number } }) {
  const [values, setValues] = useState(initial);
  const [state, action, pending] = useActionState(edit ? updateEventAction : createEventAction, null);
  const bind = (name: keyof EventFormValues) => ({
    name,
    value: values[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });
  return (
    <form action={action} className="grid gap-4 md:grid-cols-2">
      {edit && (
        <>
          <input type="hidden" name="id" value={edit.id} />
          <input type="hidden" name="version" value={edit.version} />
        </>
      )}
      <div className="md:col-span-2">
        <FormMessage state={state} />
        {state && !state.ok && state.status === 409 && (
          <p className="mt-1 text-sm">
            Your text is kept below. <a href={edit ? `/events/${edit.id}` : "#"} target="_blank" rel="noreferrer" className="text-tremor-brand underline dark:text-dark-tremor-brand">Open their version in a new tab</a>, then reload this page to edit from it.
          </p>
        )}
      </div>
      <label className="block text-sm md:col-span-2">Title<input {...bind("title")} required maxLength={200} className={inputClass} /><FieldError state={state} name="title" /></label>
      <label className="block text-sm">Date (YYYY-MM-DD, or YYYY-MM-DDTHH:MM UTC)<input {...bind("occurredAt")} required className={inputClass} placeholder="2024-06-19" /><FieldError state={state} name="occurredAt" /></label>
      <label className="block text-sm">Category
        <select {...bind("category")} className={inputClass}>{CATEGORIES.map((c) => <option key={c} value={c}>{c.toLowerCase()}</option>)}</select>
        <FieldError state={state} name="category" />
      </label>
      <label className="block text-sm">Severity (1–5)<input {...bind("severity")} type="number" min={1} max={5} required className={inputClass} /><FieldError state={state} name="severity" /></label>
      <label className="block text-sm">Countries (ISO codes, comma-separated, EU allowed)<input {...bind("countries")} className={inputClass} placeholder="RU, KP" /><FieldError state={state} name="countries" /></label>
      <label className="block text-sm">Theme
        <select {...bind("themeId")} className={inputClass}><option value="">—</option>{themes.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}</select>
        <FieldError state={state} name="themeId" />
      </label>
      <label className="block text-sm">Tags (comma-separated, at most 20)<input {...bind("tags")} className={inputClass} /><FieldError state={state} name="tags" /></label>
      <label className="block text-sm md:col-span-2">Summary<textarea {...bind("summary")} rows={6} maxLength={10_000} className={inputClass} /><FieldError state={state} name="summary" /></label>
      <label className="block text-sm md:col-span-2">Source URLs (one per line, http or https)<textarea {...bind("sourceUrls")} rows={3} className={inputClass} /><FieldError state={state} name="sourceUrls" /></label>
      <div><button type="submit" disabled={pending} className={buttonClass}>{edit ? "Save changes" : "Create event"}</button></div>
    </form>
  );
}
