"use client";

import { useActionState } from "react";
import { FieldError, FormMessage, buttonClass, inputClass } from "../_components/forms/form-feedback";
import { createFirstAdminAction } from "./actions";

export function SetupForm() {
  const [state, action, pending] = useActionState(createFirstAdminAction, null);
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      <label className="block text-sm">
        Your name
        <input name="name" required className={inputClass} />
        <FieldError state={state} name="name" />
      </label>
      <label className="block text-sm">
        Email
        <input name="email" type="email" autoComplete="username" required className={inputClass} />
        <FieldError state={state} name="email" />
      </label>
      <label className="block text-sm">
        Password (at least 12 characters)
        <input name="password" type="password" autoComplete="new-password" required minLength={12} className={inputClass} />
        <FieldError state={state} name="password" />
      </label>
      <button type="submit" disabled={pending} className={buttonClass}>Create the admin account</button>
    </form>
  );
}
