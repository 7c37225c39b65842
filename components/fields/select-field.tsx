"use client";

import { FieldFrame } from "./field-frame";
import { inputClass } from "./styles";
import { useDraft, type Commit } from "./use-draft";

export type Option = { value: string; label: string; group?: string };

type Props = {
  label: string;
  value: string;
  options: readonly Option[];
  onCommit: Commit<string>;
  editable: boolean;
  hideLabel?: boolean;
  className?: string;
};

const ok = (text: string) => ({ ok: true as const, value: text });

/** A choice from a list, saved when chosen; the chosen option's label when read-only. */
export function SelectField({ label, value, options, onCommit, editable, hideLabel, className }: Props) {
  const f = useDraft(value, (v) => v, ok, onCommit);
  if (!editable) {
    const shown = options.find((o) => o.value === value)?.label;
    return (
      <FieldFrame label={label} hideLabel={hideLabel} className={className} readOnly>
        <p className={`text-sm ${shown ? "text-slate-800" : "text-slate-500"}`}>{shown ?? "—"}</p>
      </FieldFrame>
    );
  }
  const groups = [...new Set(options.map((o) => o.group ?? ""))];
  const optionsOf = (g: string) =>
    options
      .filter((o) => (o.group ?? "") === g)
      .map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ));
  const select = (
    <select
      value={f.text}
      onChange={(e) => {
        f.onChange(e.target.value);
        f.onCommit(e.target.value);
      }}
      className={inputClass(Boolean(f.error))}
      {...(hideLabel ? { "aria-label": label } : {})}
      {...f.describedBy}
    >
      {groups.map((g) =>
        g ? (
          <optgroup key={g} label={g}>
            {optionsOf(g)}
          </optgroup>
        ) : (
          optionsOf(g)
        ),
      )}
    </select>
  );
  return (
    <FieldFrame label={label} hideLabel={hideLabel} className={className} messageId={f.messageId} message={f.error}>
      {select}
    </FieldFrame>
  );
}
