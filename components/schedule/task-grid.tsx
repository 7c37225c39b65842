"use client";

/**
 * The task table beside the timeline: one row per timeline row (same height), every edit the
 * timeline offers done with the keyboard. Values are committed on change (dates, selects) or on
 * Enter/blur (text); a refused value shows its reason under the row and never reaches the document.
 */
import { memo, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import type { Task } from "@/lib/plan/types";
import "@/components/grid/grid-cells.css";
import type { Row } from "./model";
import { Button } from "@/components/ui/button";

export const ROW_HEIGHT = 48;
export const HEADER_HEIGHT = 85;

export interface RowFacts {
  duration: number;
  slack: number | null;
  critical: boolean;
  daysLate: number | null;
  predecessors: string;
}

export interface GridEdits {
  rename: (id: string, name: string) => string | null;
  setDates: (id: string, start: string | null, end: string | null) => string | null;
  setDuration: (id: string, days: number) => string | null;
  setProgress: (id: string, progress: number) => string | null;
  setMilestone: (id: string, milestone: boolean) => string | null;
  setAssignee: (id: string, assigneeId: string | null) => string | null;
  setDeliverable: (id: string, deliverableId: string | null) => string | null;
  setPredecessors: (id: string, text: string) => string | null;
  remove: (id: string) => void;
}

type Option = { id: string; name: string };

type GridProps = {
  rows: Row[];
  facts: (id: string) => RowFacts;
  editable: boolean;
  collapsed: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onSelect: (id: string) => void;
  edits: GridEdits;
  people: Option[];
  deliverables: Option[];
  /** Rows [from, to) are drawn; the others are spacers of the same height (large plans). */
  window: [number, number];
};

export function TaskGrid(props: GridProps) {
  const {
    rows,
    window: [from, to],
  } = props;
  // Rows call the latest handlers through this ref, so a row whose task did not change need not
  // re-render when the handlers do (they change with every change to the plan).
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  return (
    <table className="w-full border-collapse text-sm" aria-label="Tasks">
      <thead>
        <tr style={{ height: HEADER_HEIGHT }} className="text-left text-xs uppercase tracking-wide text-slate-500">
          <th className="px-2 font-medium">Task</th>
          <th className="px-1 font-medium">Start</th>
          <th className="px-1 font-medium">End</th>
          <th className="px-1 font-medium" title="Working days">
            Days
          </th>
          <th className="px-1 font-medium">Assignee</th>
          <th className="px-1 font-medium">%</th>
          <th className="px-1 font-medium" title="Milestone">
            <abbr title="Milestone">MS</abbr>
          </th>
          <th className="px-1 font-medium">Predecessors</th>
          <th className="px-1 font-medium">Deliverable</th>
          <th className="px-1 font-medium">Slack</th>
          <th className="px-1 font-medium">Late</th>
          <th className="px-1">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {from > 0 && <tr aria-hidden style={{ height: from * ROW_HEIGHT }} />}
        {rows.slice(from, to).map((r) => (
          <GridRow
            key={r.task.id}
            row={r}
            f={props.facts(r.task.id)}
            editable={props.editable}
            collapsed={props.collapsed.has(r.task.id)}
            people={props.people}
            deliverables={props.deliverables}
            act={latest}
          />
        ))}
        {to < rows.length && <tr aria-hidden style={{ height: (rows.length - to) * ROW_HEIGHT }} />}
      </tbody>
    </table>
  );
}

type RowProps = {
  row: Row;
  f: RowFacts;
  editable: boolean;
  collapsed: boolean;
  people: Option[];
  deliverables: Option[];
  act: RefObject<GridProps>;
};

const sameFacts = (a: RowFacts, b: RowFacts) =>
  a.duration === b.duration &&
  a.slack === b.slack &&
  a.critical === b.critical &&
  a.daysLate === b.daysLate &&
  a.predecessors === b.predecessors;
const sameRow = (a: RowProps, b: RowProps) =>
  a.row.task === b.row.task &&
  a.row.depth === b.row.depth &&
  a.row.isSummary === b.row.isSummary &&
  a.row.group?.id === b.row.group?.id &&
  a.row.group?.name === b.row.group?.name &&
  sameFacts(a.f, b.f) &&
  a.editable === b.editable &&
  a.collapsed === b.collapsed &&
  a.people === b.people &&
  a.deliverables === b.deliverables &&
  a.act === b.act;

const GridRow = memo(function GridRow({
  row,
  f,
  editable,
  collapsed: isCollapsed,
  people,
  deliverables,
  act,
}: RowProps) {
  const t = row.task;
  const label = t.name || "Untitled task";
  const [error, setError] = useState<string | null>(null);
  const run = (result: string | null) => setError(result);
  const summary = row.isSummary;
  const cell = "task-cell";
  const input = "task-input";
  return (
    <tr
      style={{ height: ROW_HEIGHT }}
      className={`border-t border-slate-100 ${f.critical ? "bg-red-50/40" : ""}`}
      data-task-id={t.id}
      aria-describedby={error ? `err-${t.id}` : undefined}
    >
      <td className="relative px-2 align-middle">
        {row.group && (
          <span className="absolute -top-0 left-2 text-[10px] font-semibold uppercase text-indigo-700">
            {row.group.name}
          </span>
        )}
        <div className="flex items-center gap-1" style={{ paddingLeft: row.depth * 14 }}>
          {summary ? (
            <button
              type="button"
              onClick={() => act.current.onToggle(t.id)}
              aria-expanded={!isCollapsed}
              aria-label={`${isCollapsed ? "Expand" : "Collapse"} ${label}`}
              className="w-4 text-slate-500"
            >
              {isCollapsed ? "▸" : "▾"}
            </button>
          ) : (
            <span className="w-4" />
          )}
          <NameInput
            task={t}
            editable={editable}
            onCommit={(name) => run(act.current.edits.rename(t.id, name))}
            summary={summary}
          />
          <button
            type="button"
            onClick={() => act.current.onSelect(t.id)}
            aria-label={`Details of ${label}`}
            className="flex h-4 w-4 shrink-0 items-center justify-center rounded-full border border-slate-400 text-[10px] font-semibold text-slate-600 hover:bg-slate-100"
          >
            i
          </button>
        </div>
        {error && (
          <p
            id={`err-${t.id}`}
            role="alert"
            className="absolute bottom-0 left-8 z-10 truncate text-xs text-red-700"
            title={error}
          >
            {error}
          </p>
        )}
      </td>
      <td className={cell}>
        <input
          type="date"
          aria-label={`Start of ${label}`}
          value={t.start ?? ""}
          disabled={!editable || summary}
          onChange={(e) =>
            run(
              act.current.edits.setDates(
                t.id,
                e.target.value || null,
                t.kind === "milestone" ? e.target.value || null : t.end,
              ),
            )
          }
          className={input}
        />
      </td>
      <td className={cell}>
        <input
          type="date"
          aria-label={`End of ${label}`}
          value={t.end ?? ""}
          disabled={!editable || summary || t.kind === "milestone"}
          onChange={(e) => run(act.current.edits.setDates(t.id, t.start, e.target.value || null))}
          className={input}
        />
      </td>
      <td className={cell}>
        <Committed
          label={`Duration of ${label} in working days`}
          value={t.start && t.end && t.kind !== "milestone" ? String(f.duration) : ""}
          disabled={!editable || summary || t.kind === "milestone" || !t.start}
          onCommit={(v) =>
            run(
              Number.isInteger(Number(v)) && Number(v) >= 1
                ? act.current.edits.setDuration(t.id, Number(v))
                : "The duration must be a whole number of working days, at least 1.",
            )
          }
          className={`${input} w-12`}
          inputMode="numeric"
        />
      </td>
      <td className={cell}>
        <select
          aria-label={`Assignee of ${label}`}
          value={t.assigneeId ?? ""}
          disabled={!editable}
          onChange={(e) => run(act.current.edits.setAssignee(t.id, e.target.value || null))}
          className={`${input} max-w-32`}
        >
          <option value="">—</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
          {t.assigneeId && !people.some((p) => p.id === t.assigneeId) && <option value={t.assigneeId}>Unknown</option>}
        </select>
      </td>
      <td className={cell}>
        <Committed
          label={`Progress of ${label} in percent`}
          value={String(Math.round(t.progress))}
          disabled={!editable || summary || t.kind !== "task"}
          onCommit={(v) =>
            run(
              v.trim() !== "" && Number.isFinite(Number(v))
                ? act.current.edits.setProgress(t.id, Number(v))
                : "Progress must be a number from 0 to 100.",
            )
          }
          className={`${input} w-12`}
          inputMode="numeric"
        />
      </td>
      <td className={cell}>
        <input
          type="checkbox"
          aria-label={`${label} is a milestone`}
          checked={t.kind === "milestone"}
          disabled={!editable || summary || t.kind === "buffer"}
          onChange={(e) => run(act.current.edits.setMilestone(t.id, e.target.checked))}
        />
      </td>
      <td className={cell}>
        <Committed
          label={`Predecessors of ${label}`}
          value={f.predecessors}
          disabled={!editable || summary}
          onCommit={(v) => run(act.current.edits.setPredecessors(t.id, v))}
          className={`${input} min-w-32`}
          placeholder={editable ? "Design [FS+2]" : ""}
        />
      </td>
      <td className={cell}>
        <select
          aria-label={`Deliverable of ${label}`}
          value={t.deliverableId ?? ""}
          disabled={!editable}
          onChange={(e) => run(act.current.edits.setDeliverable(t.id, e.target.value || null))}
          className={`${input} max-w-32`}
        >
          <option value="">—</option>
          {deliverables.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name || "Untitled deliverable"}
            </option>
          ))}
        </select>
      </td>
      <td className={`${cell} whitespace-nowrap text-xs`} aria-label={`Slack of ${label}`}>
        {f.slack === null ? (
          "—"
        ) : f.critical ? (
          <span className="font-semibold text-red-700">Critical</span>
        ) : (
          `${f.slack} d`
        )}
      </td>
      <td className={`${cell} whitespace-nowrap text-xs`}>
        {f.daysLate === null ? (
          "—"
        ) : f.daysLate > 0 ? (
          <span className="text-red-700">+{f.daysLate} d</span>
        ) : f.daysLate < 0 ? (
          `${f.daysLate} d`
        ) : (
          "0"
        )}
      </td>
      <td className={`${cell} text-right`}>
        {editable && (
          <Button
            type="button"
            aria-label={`Remove ${label}`}
            onClick={() => act.current.edits.remove(t.id)}
            variant="remove"
            size="tiny"
          >
            ✕
          </Button>
        )}
      </td>
    </tr>
  );
}, sameRow);

/** A name field committed on Enter or blur; a rename arriving from someone else replaces a stale draft. */
function NameInput({
  task,
  editable,
  onCommit,
  summary,
}: {
  task: Task;
  editable: boolean;
  onCommit: (name: string) => void;
  summary: boolean;
}) {
  const [edit, setEdit] = useState<{ base: string; text: string } | null>(null);
  const draft = edit && edit.base === task.name ? edit.text : null;
  const commit = () => {
    if (draft !== null && draft.trim() !== task.name) onCommit(draft.trim());
    setEdit(null);
  };
  return (
    <input
      aria-label="Task name"
      value={draft ?? task.name}
      onChange={(e) => setEdit({ base: task.name, text: e.target.value })}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          e.currentTarget.blur();
        } else if (e.key === "Escape") setEdit(null);
      }}
      readOnly={!editable}
      maxLength={200}
      placeholder="Untitled task"
      className={`min-w-32 flex-1 rounded border border-transparent px-1 py-0.5 hover:border-slate-200 focus:border-slate-300 ${summary ? "font-semibold" : ""}`}
    />
  );
}

/** A text field whose value is sent on Enter or blur, not on every key. */
function Committed({
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
