"use client";

import { formatDate } from "./dates";
import { FieldFrame } from "./field-frame";
import { inputClass } from "./styles";
import { useDraft, type Commit } from "./use-draft";

type Props = {
  label: string;
  value: string | null;
  onCommit: Commit<string | null>;
  editable: boolean;
  hideLabel?: boolean;
  className?: string;
};

const ok = (text: string) => ({ ok: true as const, value: text || null });

/**
 * A calendar date (YYYY-MM-DD), saved as soon as a whole date is picked or typed; cleared to "not set".
 * A refused date (say, an end before the start) stays in the field with the reason next to it.
 */
export function DateField({ label, value, onCommit, editable, hideLabel, className }: Props) {
  const f = useDraft<string | null>(value, (v) => v ?? "", ok, onCommit);
  if (!editable) {
    return (
      <FieldFrame label={label} hideLabel={hideLabel} className={className} readOnly>
        <p className={`text-sm ${value ? "text-slate-800" : "text-slate-500"}`}>
          {value ? <time dateTime={value}>{formatDate(value)}</time> : "—"}
        </p>
      </FieldFrame>
    );
  }
  const input = (
    <input
      type="date"
      value={f.text}
      onChange={(e) => {
        f.onChange(e.target.value);
        f.onCommit(e.target.value);
      }}
      onKeyDown={(e) => e.key === "Escape" && f.onCancel()}
      className={inputClass(Boolean(f.error))}
      {...(hideLabel ? { "aria-label": label } : {})}
      {...f.describedBy}
    />
  );
  return (
    <FieldFrame label={label} hideLabel={hideLabel} className={className} messageId={f.messageId} message={f.error}>
      {input}
    </FieldFrame>
  );
}
