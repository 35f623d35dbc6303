// Small pieces of the scenario forms: a labelled input with its 422 messages beneath.
import type { ReactNode } from "react";

export { inputClass } from "../../_components/forms/form-feedback";

export function FieldMessages({ errors, name }: { errors: Record<string, string[]>; name: string }) {
  const m = errors[name];
  if (!m?.length) return null;
  return <p className="mt-1 text-sm text-red-700 dark:text-red-300" role="alert" data-field-error={name}>{m.join(" · ")}</p>;
}

export function Field({ label, name, errors, children, hint }: { label: string; name: string; errors: Record<string, string[]>; children: ReactNode; hint?: string }) {
  return (
    <label className="block text-tremor-default text-tremor-content dark:text-dark-tremor-content">
      {label}
      {children}
      {hint && <span className="mt-0.5 block text-xs">{hint}</span>}
      <FieldMessages errors={errors} name={name} />
    </label>
  );
}
