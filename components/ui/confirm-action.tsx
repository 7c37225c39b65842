"use client";

import { useActionState, useId, useRef, type ReactNode } from "react";
import type { ActionState } from "@/lib/actions";
import { Button } from "@/components/ui/button";

type Action = (prev: ActionState | undefined, formData: FormData) => Promise<ActionState>;

/**
 * A button that asks for confirmation in a modal dialog before running a destructive action.
 * Escape or "Cancel" closes the dialog without doing anything.
 */
export function ConfirmAction({
  action,
  fields,
  label,
  title,
  body,
  confirmLabel,
}: {
  action: Action;
  fields: Record<string, string>;
  label: ReactNode;
  title: string;
  body: ReactNode;
  confirmLabel: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  // One id per dialog: a page with several (one per member, one per plan) names each by its own title.
  const titleId = useId();
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <>
      <Button type="button" onClick={() => dialog.current?.showModal()} variant="ghost-danger">
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <form action={formAction} className="p-6">
          {Object.entries(fields).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <div className="mt-2 text-sm text-slate-600">{body}</div>
          {state && !state.ok && (
            <p role="alert" className="mt-3 text-sm text-red-700">
              {state.message}
            </p>
          )}
          <div className="mt-6 flex justify-end gap-2">
            <Button type="button" onClick={() => dialog.current?.close()} variant="secondary" size="lg">
              Cancel
            </Button>
            <Button type="submit" disabled={pending} variant="danger" size="lg">
              {pending ? "Working…" : confirmLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
