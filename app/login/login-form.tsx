"use client";

import { useActionState } from "react";
import { FieldError, FormMessage, buttonClass, inputClass } from "../_components/forms/form-feedback";
import { signInAction } from "./actions";

export function LoginForm() {
  const [state, action, pending] = useActionState(signInAction, null);
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      <label className="block text-sm">
        Email
        <input name="email" type="email" autoComplete="username" required className={inputClass} />
        <FieldError state={state} name="email" />
      </label>
      <label className="block text-sm">
        Password
        <input name="password" type="password" autoComplete="current-password" required className={inputClass} />
        <FieldError state={state} name="password" />
      </label>
      <button type="submit" disabled={pending} className={buttonClass}>Sign in</button>
    </form>
  );
}
