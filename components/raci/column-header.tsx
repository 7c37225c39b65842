"use client";

import { useState } from "react";
import type { ColumnLoad } from "@/lib/plan/raci";
import type { RaciColumn } from "@/lib/plan/types";
import type { WriteResult } from "@/lib/doc";
import { Button } from "@/components/ui/button";

/** A column's header: its name (roles can be renamed), its load of R and A, and removal. */
export function ColumnHeader({
  column,
  label,
  load,
  threshold,
  editable,
  onRename,
  onRemove,
}: {
  column: RaciColumn;
  label: string;
  load: ColumnLoad | undefined;
  threshold: number;
  editable: boolean;
  onRename: (name: string) => WriteResult;
  onRemove: () => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const r = draft.trim() === column.name ? ({ ok: true } as const) : onRename(draft.trim());
    if (r.ok) {
      setDraft(null);
      setError(null);
    } else setError(r.problems.map((p) => p.message).join(" "));
  };
  const overloaded = load?.overloaded ?? false;
  return (
    <th
      scope="col"
      className={`min-w-[7rem] border-b border-l border-slate-200 px-2 py-1.5 text-left align-bottom font-normal ${overloaded ? "bg-red-50" : ""}`}
    >
      {draft !== null ? (
        <div>
          <input
            aria-label={`Rename role ${label}`}
            autoFocus
            value={draft}
            maxLength={100}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === "Enter") commit();
              if (e.key === "Escape") {
                setDraft(null);
                setError(null);
              }
            }}
            className="w-full rounded border border-indigo-400 px-1 py-0.5 text-sm"
          />
          {error && (
            <p role="alert" className="mt-0.5 text-xs text-red-700">
              {error}
            </p>
          )}
        </div>
      ) : (
        <span className="block text-sm font-medium text-slate-900">{label}</span>
      )}
      <span className="block text-xs text-slate-600">{column.kind === "member" ? "Member" : "Role"}</span>
      <span
        className={`mt-0.5 block text-xs ${overloaded ? "font-medium text-red-700" : "text-slate-600"}`}
        title={`Responsible ${load?.responsible ?? 0}, Accountable ${load?.accountable ?? 0}`}
      >
        Load {load?.load ?? 0}
        {overloaded && ` · over ${threshold}`}
      </span>
      {editable && draft === null && (
        <span className="mt-0.5 flex gap-1">
          {column.kind === "role" && (
            <Button
              type="button"
              onClick={() => setDraft(column.name)}
              aria-label={`Rename role ${label}`}
              variant="ghost-accent"
              size="tiny"
            >
              Rename
            </Button>
          )}
          <Button type="button" onClick={onRemove} aria-label={`Remove column ${label}`} variant="remove" size="tiny">
            Remove
          </Button>
        </span>
      )}
    </th>
  );
}
