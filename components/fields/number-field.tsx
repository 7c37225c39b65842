"use client";

import { FieldFrame } from "./field-frame";
import { inputClass } from "./styles";
import { useDraft, type Commit } from "./use-draft";
import { formatNumber, parseNumber } from "./numbers";

type Props = {
  label: string;
  value: number | null;
  /** Receives null only when `nullable`. */
  onCommit: Commit<number | null>;
  editable: boolean;
  /** Empty means "not set" (null); otherwise a number is required. */
  nullable?: boolean;
  hideLabel?: boolean;
  /** Shown after the value, e.g. "%" or "EUR". */
  suffix?: string;
  className?: string;
};

/**
 * Inline number editing. Typed as text so a refused value (say, a negative cost) stays visible with
 * its message instead of being silently dropped by the browser.
 */
export function NumberField({ label, value, onCommit, editable, nullable, hideLabel, suffix, className }: Props) {
  const f = useDraft<number | null>(
    value,
    (v) => (v === null ? "" : String(v)),
    (text) => parseNumber(text, Boolean(nullable)),
    onCommit,
  );
  if (!editable) {
    return (
      <FieldFrame label={label} hideLabel={hideLabel} className={className} readOnly>
        <p className="text-sm tabular-nums text-slate-800">
          {value === null ? <span className="text-slate-500">—</span> : formatNumber(value)}
          {value !== null && suffix ? ` ${suffix}` : ""}
        </p>
      </FieldFrame>
    );
  }
  const input = (
    <span className="flex items-center gap-1">
      <input
        type="text"
        inputMode="decimal"
        value={f.text}
        onChange={(e) => f.onChange(e.target.value)}
        onBlur={() => f.onCommit()}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            f.onCommit();
          }
          if (e.key === "Escape") f.onCancel();
        }}
        className={`${inputClass(Boolean(f.error))} tabular-nums`}
        {...(hideLabel ? { "aria-label": label } : {})}
        {...f.describedBy}
      />
      {suffix && <span className="text-xs text-slate-500">{suffix}</span>}
    </span>
  );
  return (
    <FieldFrame label={label} hideLabel={hideLabel} className={className} messageId={f.messageId} message={f.error}>
      {input}
    </FieldFrame>
  );
}
