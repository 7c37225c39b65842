"use client";

import { useState, useSyncExternalStore } from "react";
import { useFormState } from "./action-form";
import { Button } from "@/components/ui/button";

const noSubscribe = () => () => {};

/** Shows the absolute URL of a path returned once by the surrounding ActionForm, with a copy button. */
export function LinkReveal({ label }: { label: string }) {
  const state = useFormState();
  const origin = useSyncExternalStore(
    noSubscribe,
    () => window.location.origin,
    () => "",
  );
  const [copied, setCopied] = useState(false);
  if (!state?.ok || !state.secret) return null;
  const url = origin + state.secret;
  return (
    <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3">
      <p className="text-sm font-medium text-amber-900">{label}</p>
      <div className="mt-2 flex items-center gap-2">
        <input
          readOnly
          value={url}
          aria-label="New read-only link"
          data-testid="new-link"
          onFocus={(e) => e.currentTarget.select()}
          className="flex-1 rounded border border-amber-200 bg-white px-2 py-1 font-mono text-xs"
        />
        <Button
          type="button"
          onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true))}
          variant="secondary"
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}
