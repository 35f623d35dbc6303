"use client";

import { useActionState } from "react";
import { FieldError, FormMessage, buttonClass, inputClass, secondaryButtonClass } from "../_components/forms/form-feedback";
import { changePasswordAction, signOutEverywhereAction } from "./actions";

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, null);
  return (
    <form action={action} className="max-w-sm space-y-3">
      <FormMessage state={state} success="Password changed. Your other sessions were signed out." />
      {(["currentPassword", "newPassword", "confirmPassword"] as const).map((name) => (
        <label key={name} className="block text-sm">
          {name === "currentPassword" ? "Current password" : name === "newPassword" ? "New password (at least 12 characters)" : "New password again"}
          <input name={name} type="password" autoComplete={name === "currentPassword" ? "current-password" : "new-password"} required className={inputClass} />
          <FieldError state={state} name={name} />
        </label>
      ))}
      <button type="submit" disabled={pending} className={buttonClass}>Change password</button>
    </form>
  );
}

export function SignOutEverywhereButton() {
  return (
    <form action={signOutEverywhereAction}>
      <button type="submit" className={secondaryButtonClass}>Sign out everywhere</button>
    </form>
  );
}
