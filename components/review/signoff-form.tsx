"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/actions";
import { Button } from "@/components/ui/button";

type Action = (prev: ActionState | undefined, formData: FormData) => Promise<ActionState>;

/**
 * An approver's decision: a comment, then Approve or Request changes (which needs the comment). With
 * `part`, the decision is on that part of the plan only.
 */
export function SignoffForm({
  action,
  planId,
  maxLength,
  part,
}: {
  action: Action;
  planId: string;
  maxLength: number;
  part?: { id: string; title: string };
}) {
  const [state, formAction] = useActionState(action, undefined);
  const error = state && !state.ok ? (state.fieldErrors?.comment?.join(" ") ?? null) : null;
  const id = part ? `signoff-comment-${part.id}` : "signoff-comment";
  return (
    <form
      action={formAction}
      aria-label={part ? `Your sign-off of ${part.title}` : "Your sign-off"}
      className="flex flex-col gap-3"
      noValidate
    >
      <input type="hidden" name="planId" value={planId} />
      {part && <input type="hidden" name="part" value={part.id} />}
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        Comment <span className="font-normal text-slate-600">(required when you request changes)</span>
      </label>
      <textarea
        id={id}
        name="comment"
        rows={3}
        maxLength={maxLength}
        defaultValue={state && !state.ok ? state.values?.comment : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200 aria-[invalid]:border-red-500"
      />
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
      <Buttons />
      {state && !state.ok && !error && state.message && (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      )}
      {state?.ok && state.message && (
        <p role="status" className="text-sm text-emerald-700">
          {state.message}
        </p>
      )}
    </form>
  );
}

function Buttons() {
  const { pending } = useFormStatus();
  return (
    <div className="flex flex-wrap gap-2">
      {/* The clicked button's name/value travels with the form data. */}
      <Button type="submit" name="decision" value="approved" disabled={pending} variant="success" size="lg">
        Approve
      </Button>
      <Button type="submit" name="decision" value="changes_requested" disabled={pending} variant="secondary" size="lg">
        Request changes
      </Button>
    </div>
  );
}
