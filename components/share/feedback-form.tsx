"use client";

import { ActionForm, Field, SubmitButton, useFormState } from "@/components/forms/action-form";
import type { ActionState } from "@/lib/actions";
import { planSections } from "@/lib/plan/template";
import { FEEDBACK_BODY_MAX, FEEDBACK_NAME_MAX } from "@/lib/validation/feedback";

type Action = (prev: ActionState | undefined, formData: FormData) => Promise<ActionState>;

const control = "rounded-md border border-slate-300 bg-white px-2 py-2 text-sm aria-[invalid]:border-red-500";

/** The reader of a link that takes feedback asks a question or leaves a comment on one section. */
export function FeedbackForm({ action, token }: { action: Action; token: string }) {
  return (
    <section aria-labelledby="feedback-title" className="mt-10 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="feedback-title" className="text-lg font-semibold">
        Ask a question or leave feedback
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        The plan&apos;s team sees what you write here with the name you give, and answers it on this page.
      </p>
      <ActionForm action={action} resetOnSuccess className="mt-3 flex flex-col gap-3" aria-label="Feedback">
        <input type="hidden" name="token" value={token} />
        <div className="flex flex-wrap gap-3">
          <Choice name="section" label="Section" options={planSections.map((s) => ({ value: s.id, label: s.title }))} />
          <Choice
            name="kind"
            label="Kind"
            options={[
              { value: "question", label: "Question" },
              { value: "comment", label: "Comment" },
            ]}
          />
        </div>
        <Field name="name" label="Your name" maxLength={FEEDBACK_NAME_MAX} autoComplete="name" />
        <Body />
        <div>
          <SubmitButton pendingText="Sending…">Send feedback</SubmitButton>
        </div>
      </ActionForm>
    </section>
  );
}

function errorsOf(state: ActionState | undefined, name: string) {
  return state && !state.ok ? state.fieldErrors?.[name] : undefined;
}

function Choice({
  name,
  label,
  options,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
}) {
  const state = useFormState();
  const errors = errorsOf(state, name);
  return (
    <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
      {label}
      {/* Keyed by what was sent, so a refused form shows the choice again (a select keeps its first default). */}
      <select
        key={state?.values?.[name] ?? ""}
        name={name}
        defaultValue={state?.values?.[name] ?? options[0]!.value}
        className={control}
        aria-invalid={errors ? true : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {errors && <span className="text-sm text-red-700">{errors.join(" ")}</span>}
    </label>
  );
}

function Body() {
  const state = useFormState();
  const errors = errorsOf(state, "body");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="feedback-body" className="text-sm font-medium text-slate-700">
        Your question or comment
      </label>
      <textarea
        id="feedback-body"
        name="body"
        rows={4}
        maxLength={FEEDBACK_BODY_MAX}
        defaultValue={state && !state.ok ? state.values?.body : undefined}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? "feedback-body-error" : undefined}
        className={control}
      />
      {errors && (
        <p id="feedback-body-error" className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}
