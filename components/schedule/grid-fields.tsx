"use client";

/** The grid's text fields: committed on Enter or blur, never on every key. */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import type { Task } from "@/lib/plan/types";

/** A name field committed on Enter or blur; a rename arriving from someone else replaces a stale draft. */
export function NameInput({
  task,
  editable,
  onCommit,
  summary,
  focus,
  onTreeKey,
}: {
  task: Task;
  editable: boolean;
  onCommit: (name: string) => void;
  summary: boolean;
  /** Focus it once drawn (a subtask just added). */
  focus?: boolean;
  /** Work breakdown keys (Alt+arrows); true when it handled the key. */
  onTreeKey?: (e: KeyboardEvent<HTMLInputElement>) => boolean;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  const [edit, setEdit] = useState<{ base: string; text: string } | null>(null);
  const draft = edit && edit.base === task.name ? edit.text : null;
  const commit = () => {
    if (draft !== null && draft.trim() !== task.name) onCommit(draft.trim());
    setEdit(null);
  };
  return (
    <input
      ref={ref}
      aria-label="Task name"
      value={draft ?? task.name}
      onChange={(e) => setEdit({ base: task.name, text: e.target.value })}
      onBlur={commit}
      onKeyDown={(e) => {
        if (onTreeKey?.(e)) return;
        if (e.key === "Enter") {
          e.preventDefault();
          e.currentTarget.blur();
        } else if (e.key === "Escape") setEdit(null);
      }}
      readOnly={!editable}
      maxLength={200}
      placeholder="Untitled task"
      className={`min-w-0 flex-1 rounded border border-transparent px-1 py-0.5 hover:border-slate-200 focus:border-slate-300 ${summary ? "font-semibold" : ""}`}
    />
  );
}

/** A text field whose value is sent on Enter or blur, not on every key. */
export function Committed({
  label,
  value,
  disabled,
  onCommit,
  className,
  inputMode,
  placeholder,
}: {
  label: string;
  value: string;
  disabled: boolean;
  onCommit: (v: string) => void;
  className: string;
  inputMode?: "numeric";
  placeholder?: string;
}): ReactNode {
  const [edit, setEdit] = useState<{ base: string; text: string } | null>(null);
  const draft = edit && edit.base === value ? edit.text : null;
  const commit = () => {
    if (draft !== null && draft !== value) onCommit(draft);
    setEdit(null);
  };
  return (
    <input
      aria-label={label}
      value={draft ?? value}
      disabled={disabled}
      inputMode={inputMode}
      placeholder={placeholder}
      onChange={(e) => setEdit({ base: value, text: e.target.value })}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          commit();
        } else if (e.key === "Escape") setEdit(null);
      }}
      className={className}
    />
  );
}

/** A choice among named rows, "—" for none; a value naming no known row shows as "Unknown". */
export function OptionSelect({
  label,
  value,
  options,
  disabled,
  onChange,
  className,
  untitled = "",
}: {
  label: string;
  value: string | null;
  options: readonly { id: string; name: string }[];
  disabled: boolean;
  onChange: (id: string | null) => void;
  className: string;
  untitled?: string;
}) {
  return (
    <select
      aria-label={label}
      value={value ?? ""}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value || null)}
      className={className}
    >
      <option value="">—</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name || untitled}
        </option>
      ))}
      {value && !options.some((o) => o.id === value) && <option value={value}>Unknown</option>}
    </select>
  );
}
