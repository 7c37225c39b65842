"use client";

import { FocusLink } from "@/components/plan/focus-link";

export type LinkOption = { id: string; label: string; section: string; group?: string };

/**
 * Links from a row to other rows, as chips that open the linked row. Ids whose row no longer exists
 * are kept in the list (someone may undo the delete) but not drawn. Editors remove a chip with its ×
 * and add one from the list of rows not yet linked.
 */
export function LinkChips({
  label,
  of,
  ids,
  options,
  onChange,
  editable,
}: {
  /** What the links are, e.g. "Receives". */
  label: string;
  /** The row's name, for the chips' accessible names. */
  of: string;
  ids: readonly string[];
  options: readonly LinkOption[];
  onChange: (ids: string[]) => void;
  editable: boolean;
}) {
  const byId = new Map(options.map((o) => [o.id, o]));
  const linked = ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  const rest = options.filter((o) => !ids.includes(o.id));
  const groups = [...new Set(rest.map((o) => o.group ?? ""))];
  return (
    <div className="mt-2 text-xs text-slate-600">
      <span className="font-medium text-slate-500">{label}</span>
      {linked.length === 0 ? (
        <span className="ml-2">none</span>
      ) : (
        <ul className="mt-1 flex flex-wrap gap-1" aria-label={`${label}: ${of}`}>
          {linked.map((o) => (
            <li key={o.id} className="flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5">
              <FocusLink section={o.section} rowId={o.id} className="hover:underline">
                {o.group ? `${o.group}: ` : ""}
                {o.label}
              </FocusLink>
              {editable && (
                <button
                  type="button"
                  aria-label={`Unlink ${o.label} from ${of}`}
                  onClick={() => onChange(ids.filter((id) => id !== o.id))}
                  className="text-slate-600 hover:text-red-700"
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && rest.length > 0 && (
        <label className="mt-1 flex items-center gap-2">
          Add
          <select
            value=""
            aria-label={`Add to ${label.toLowerCase()}: ${of}`}
            onChange={(e) => e.target.value && onChange([...ids, e.target.value])}
            className="rounded border border-slate-200 bg-white px-1.5 py-1 text-xs"
          >
            <option value="">Choose…</option>
            {groups.map((g) => {
              const items = rest
                .filter((o) => (o.group ?? "") === g)
                .map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ));
              return g ? (
                <optgroup key={g} label={g}>
                  {items}
                </optgroup>
              ) : (
                items
              );
            })}
          </select>
        </label>
      )}
    </div>
  );
}
