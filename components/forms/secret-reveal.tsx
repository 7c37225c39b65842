"use client";

import { useFormState } from "./action-form";
import { Button } from "@/components/ui/button";

/** Shows a one-time secret returned by the surrounding ActionForm, with a copy button. */
export function SecretReveal({ label }: { label: string }) {
  const state = useFormState();
  if (!state?.ok || !state.secret) return null;
  const secret = state.secret;
  return (
    <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3">
      <p className="text-sm font-medium text-amber-900">{label}</p>
      <div className="mt-2 flex items-center gap-2">
        <code data-testid="new-secret" className="flex-1 break-all rounded bg-white px-2 py-1 text-xs">
          {secret}
        </code>
        <Button type="button" onClick={() => void navigator.clipboard?.writeText(secret)} variant="secondary">
          Copy
        </Button>
      </div>
    </div>
  );
}
