"use client";

import { useRef, useState, type KeyboardEvent } from "react";
import type { Risk } from "@/lib/plan/types";
import { riskStatuses, type OwnerOption } from "@/lib/risks/view";
import type { RiskColumn } from "./columns";
import { scaleWord } from "./scales";
import { Button } from "@/components/ui/button";

export type Move = "next" | "prev" | null;
export type CellValue = string | number | string[] | null;

export type EditorProps = {
  column: RiskColumn;
  risk: Risk;
  label: string;
  /** A character typed on the cell that opened the editor: it replaces the text. */
  seed: string | null;
  owners: readonly OwnerOption[];
  tasks: readonly { id: string; name: string; kind: string }[];
  error: string | null;
  /** Returns whether the value was accepted (the editor then closes). */
  onCommit: (value: CellValue, move: Move, fromBlur: boolean) => boolean;
  onCancel: () => void;
};

const inputClass =
  "w-full min-w-[8rem] rounded border border-indigo-400 bg-white px-1.5 py-1 text-sm outline-none ring-2 ring-indigo-200";

/**
 * The editor of one register cell. Enter commits, Escape cancels, Tab commits and moves on;
 * leaving the cell commits too. Nothing reaches the document until it is committed and valid.
 */
export function CellEditor(props: EditorProps) {
  const { column, risk, label, error } = props;
  const initial = (): CellValue => {
    if (props.seed !== null && (column.kind === "text" || column.kind === "longtext")) return props.seed;
    const v = risk[column.id as keyof Risk] as CellValue;
    return v ?? (column.kind === "tasks" ? [] : null);
  };
  const [draft, setDraft] = useState<CellValue>(initial);
  const done = useRef(false);
  const commit = (move: Move, fromBlur = false) => {
    if (done.current) return;
    if (props.onCommit(draft, move, fromBlur)) done.current = true;
  };
  const cancel = () => {
    done.current = true;
    props.onCancel();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>, multiline = false) => {
    e.stopPropagation();
    if (e.key === "Escape") {
      e.preventDefault();
      cancel();
    } else if (e.key === "Enter" && !(multiline && (e.shiftKey || e.altKey))) {
      e.preventDefault();
      commit(null);
    } else if (e.key === "Tab" && column.kind !== "tasks") {
      e.preventDefault();
      commit(e.shiftKey ? "prev" : "next");
    }
  };
  const describedBy = error ? `${risk.id}-${column.id}-error` : undefined;
  const common = {
    "aria-label": label,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    autoFocus: true,
  };

  let control;
  switch (column.kind) {
    case "text":
      control = (
        <input
          {...common}
          type="text"
          value={String(draft ?? "")}
          maxLength={column.max}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => onKeyDown(e)}
          onBlur={() => commit(null, true)}
          className={inputClass}
          onFocus={(e) =>
            props.seed !== null &&
            e.currentTarget.setSelectionRange(e.currentTarget.value.length, e.currentTarget.value.length)
          }
        />
      );
      break;
    case "longtext":
      control = (
        <textarea
          {...common}
          rows={3}
          value={String(draft ?? "")}
          maxLength={column.max}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => onKeyDown(e, true)}
          onBlur={() => commit(null, true)}
          className={`${inputClass} min-w-[14rem]`}
        />
      );
      break;
    case "owner":
      control = (
        <select
          {...common}
          value={String(draft ?? "")}
          onChange={(e) => setDraft(e.target.value || null)}
          onKeyDown={(e) => onKeyDown(e)}
          onBlur={() => commit(null, true)}
          className={inputClass}
        >
          <option value="">No owner</option>
          {props.owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
          {/* An owner who is no longer a member or resource stays selectable, so the value is not lost by accident. */}
          {draft && !props.owners.some((o) => o.id === draft) && <option value={String(draft)}>Former owner</option>}
        </select>
      );
      break;
    case "scale":
      control = (
        <select
          {...common}
          value={String(draft)}
          onChange={(e) => setDraft(Number(e.target.value))}
          onKeyDown={(e) => onKeyDown(e)}
          onBlur={() => commit(null, true)}
          className={inputClass}
        >
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n} — {scaleWord(column.id as "likelihood" | "impact", n)}
            </option>
          ))}
        </select>
      );
      break;
    case "status":
      control = (
        <select
          {...common}
          value={String(draft)}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => onKeyDown(e)}
          onBlur={() => commit(null, true)}
          className={inputClass}
        >
          {riskStatuses.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      );
      break;
    case "date":
      control = (
        <input
          {...common}
          type="date"
          value={String(draft ?? "")}
          onChange={(e) => setDraft(e.target.value || null)}
          onKeyDown={(e) => onKeyDown(e)}
          onBlur={() => commit(null, true)}
          className={inputClass}
        />
      );
      break;
    case "tasks": {
      const chosen = new Set(Array.isArray(draft) ? draft : []);
      const toggle = (id: string) => setDraft(chosen.has(id) ? [...chosen].filter((x) => x !== id) : [...chosen, id]);
      control = (
        <fieldset
          aria-label={label}
          aria-describedby={describedBy}
          onKeyDown={(e) => onKeyDown(e)}
          onBlur={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && commit(null, true)}
          className="absolute left-0 top-full z-20 mt-1 flex max-h-64 w-72 flex-col gap-1 overflow-y-auto rounded-md border border-slate-300 bg-white p-2 text-sm shadow-lg"
        >
          {props.tasks.length === 0 && <p className="text-slate-500">The plan has no tasks yet.</p>}
          {props.tasks.map((t, i) => (
            <label key={t.id} className="flex items-center gap-2">
              <input type="checkbox" checked={chosen.has(t.id)} onChange={() => toggle(t.id)} autoFocus={i === 0} />
              <span className="truncate">
                {t.name || "Untitled task"}
                {t.kind === "milestone" && <span className="ml-1 text-xs text-slate-500">(milestone)</span>}
              </span>
            </label>
          ))}
          <p className="mt-1 text-xs text-slate-500">Space ticks · Enter saves · Esc cancels</p>
          {props.tasks.length === 0 && (
            <Button type="button" autoFocus onClick={cancel} variant="secondary" size="xs" className="self-start">
              Close
            </Button>
          )}
        </fieldset>
      );
      break;
    }
    default:
      control = null;
  }
  return (
    <div className="relative">
      {control}
      {error && (
        <p id={describedBy} role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
