"use client";

import { FieldFrame } from "./field-frame";
import { inputClass } from "./styles";
import { useDraft, type Commit } from "./use-draft";

type Props = {
  label: string;
  value: string;
  onCommit: Commit<string>;
  editable: boolean;
  /** Label for assistive technology only (the surrounding layout already says what it is). */
  hideLabel?: boolean;
  maxLength?: number;
  placeholder?: string;
  /** Several lines (Enter adds a line; Ctrl/⌘+Enter or leaving the field saves). */
  multiline?: boolean;
  /** Shown read-only when the value is empty. */
  empty?: string;
  className?: string;
  inputClassName?: string;
};

const same = (s: string) => s;
const ok = (text: string) => ({ ok: true as const, value: text });

/** Inline text editing: saved on Enter or when leaving the field, Escape reverts; plain text when read-only. */
export function TextField({
  label,
  value,
  onCommit,
  editable,
  hideLabel,
  maxLength,
  placeholder,
  multiline,
  empty = "—",
  className,
  inputClassName,
}: Props) {
  const f = useDraft(value, same, ok, onCommit);
  if (!editable) {
    return (
      <FieldFrame label={label} hideLabel={hideLabel} className={className} readOnly>
        <p
          className={`text-sm ${value ? "whitespace-pre-line text-slate-800" : "text-slate-500"} ${inputClassName ?? ""}`}
        >
          {value || empty}
        </p>
      </FieldFrame>
    );
  }
  const common = {
    value: f.text,
    maxLength,
    placeholder,
    onBlur: () => f.onCommit(),
    className: `${inputClass(Boolean(f.error))} ${inputClassName ?? ""}`,
    ...(hideLabel ? { "aria-label": label } : {}),
    ...f.describedBy,
  };
  const input = multiline ? (
    <textarea
      {...common}
      rows={2}
      onChange={(e) => f.onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) f.onCommit();
        if (e.key === "Escape") f.onCancel();
      }}
    />
  ) : (
    <input
      {...common}
      type="text"
      onChange={(e) => f.onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          f.onCommit();
        }
        if (e.key === "Escape") f.onCancel();
      }}
    />
  );
  return (
    <FieldFrame label={label} hideLabel={hideLabel} className={className} messageId={f.messageId} message={f.error}>
      {input}
    </FieldFrame>
  );
}
