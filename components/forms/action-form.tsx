"use client";

import { createContext, useActionState, useContext, useEffect, useRef, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/actions";

type Action = (prev: ActionState | undefined, formData: FormData) => Promise<ActionState>;

const FormState = createContext<ActionState | undefined>(undefined);

/** A form bound to a server action; fields inside show their own errors. */
export function ActionForm({
  action,
  children,
  className,
  resetOnSuccess = false,
  successMessage,
  "aria-label": ariaLabel,
}: {
  action: Action;
  children: ReactNode;
  className?: string;
  resetOnSuccess?: boolean;
  successMessage?: string;
  "aria-label"?: string;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok && resetOnSuccess) ref.current?.reset();
  }, [state, resetOnSuccess]);
  return (
    <FormState.Provider value={state}>
      <form ref={ref} action={formAction} className={className} aria-label={ariaLabel} noValidate>
        {children}
        <FormMessage successMessage={successMessage} />
      </form>
    </FormState.Provider>
  );
}

export const useFormState = () => useContext(FormState);

function FormMessage({ successMessage }: { successMessage?: string }) {
  const state = useFormState();
  if (!state) return null;
  if (!state.ok && state.message) {
    // Field messages already stand under their fields; the summary only points at them.
    const onFields = state.fieldErrors && Object.keys(state.fieldErrors).length > 0;
    return (
      <p role="alert" className="mt-2 text-sm text-red-700">
        {onFields ? "Please correct the fields marked above." : state.message}
      </p>
    );
  }
  if (state.ok && (state.message ?? successMessage)) {
    return (
      <p role="status" className="mt-2 text-sm text-emerald-700">
        {state.message ?? successMessage}
      </p>
    );
  }
  return null;
}

/** A labelled input whose server-side errors appear under it. */
export function Field({
  name,
  label,
  type = "text",
  defaultValue,
  placeholder,
  autoComplete,
  required,
  maxLength,
  hideLabel,
}: {
  name: string;
  label: string;
  type?: string;
  defaultValue?: string;
  placeholder?: string;
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
  hideLabel?: boolean;
}) {
  const state = useFormState();
  const errors = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  const id = `field-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={hideLabel ? "sr-only" : "text-sm font-medium text-slate-700"}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={state && !state.ok ? (state.values?.[name] ?? defaultValue) : defaultValue}
        placeholder={placeholder}
        autoComplete={autoComplete}
        required={required}
        maxLength={maxLength}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : undefined}
        className="rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200 aria-[invalid]:border-red-500"
      />
      {errors && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}

/** A choice from a fixed list, keeping what was chosen when the action refuses the form. */
export function Choice({
  name,
  label,
  options,
  defaultValue,
}: {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  defaultValue: string;
}) {
  const state = useFormState();
  const errors = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  return (
    <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
      {label}
      <select
        name={name}
        defaultValue={state && !state.ok ? (state.values?.[name] ?? defaultValue) : defaultValue}
        aria-invalid={errors ? true : undefined}
        className="rounded-md border border-slate-300 bg-white px-2 py-2 text-sm"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {errors && <span className="text-sm font-normal text-red-700">{errors.join(" ")}</span>}
    </label>
  );
}

/** Submit button that shows progress while the action runs. */
export function SubmitButton({
  children,
  pendingText,
  variant = "primary",
}: {
  children: ReactNode;
  pendingText?: string;
  variant?: "primary" | "danger" | "secondary";
}) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} size="lg" disabled={pending}>
      {pending ? (pendingText ?? "Working…") : children}
    </Button>
  );
}
