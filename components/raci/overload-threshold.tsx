"use client";

import { useState } from "react";
import type { WriteResult } from "@/lib/doc";

/** The load above which a column is flagged as overloaded (settings.raciOverloadThreshold). */
export function OverloadThreshold({
  value,
  editable,
  onChange,
}: {
  value: number;
  editable: boolean;
  onChange: (n: number) => WriteResult;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!editable)
    return (
      <p className="text-xs text-slate-600">
        A column is flagged when it is Responsible or Accountable for more than {value} rows.
      </p>
    );
  const commit = () => {
    if (draft === null) return;
    const n = Number(draft);
    const r =
      draft.trim() === "" || !Number.isFinite(n)
        ? { ok: false as const, problems: [{ field: "", message: "Enter a whole number from 1 to 100." }] }
        : onChange(n);
    if (r.ok) {
      setDraft(null);
      setError(null);
    } else setError(r.problems.map((p) => p.message).join(" "));
  };
  return (
    <div className="text-xs text-slate-600">
      <label className="inline-flex items-center gap-1.5">
        Flag a column when its R + A count is above
        <input
          type="number"
          min={1}
          max={100}
          step={1}
          value={draft ?? String(value)}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === "Enter" && commit()}
          className="w-16 rounded border border-slate-300 px-1.5 py-0.5 text-sm"
        />
      </label>
      {error && (
        <p role="alert" className="mt-1 text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
