"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { useEdit } from "@/components/collab/plan-data";
import { SelectField } from "@/components/fields/select-field";
import { updateRow } from "@/lib/doc";
import { priorityLabels } from "@/lib/plan/template";
import type { Priority, Task } from "@/lib/plan/types";
import { Button } from "@/components/ui/button";
import { field, Refusal } from "./link-popover";

const priorityOptions = Object.entries(priorityLabels).map(([value, label]) => ({ value, label }));

export interface PopupFacts {
  task: Task;
  duration: number;
  slack: number | null;
  critical: boolean;
  daysLate: number | null;
  assignee: string | null;
  deliverable: string | null;
  risks: string[];
}

/** Facts about one task, rendered as text (never HTML): frappe-gantt's own popup is switched off. */
export function TaskPopup({
  facts,
  onClose,
  children,
}: {
  facts: PopupFacts;
  onClose: () => void;
  /** Editing parts below the facts (dates, links). */
  children?: ReactNode;
}) {
  const { task } = facts;
  const rows: [string, string][] = [
    [
      "Dates",
      task.start && task.end ? (task.start === task.end ? task.start : `${task.start} → ${task.end}`) : "Not scheduled",
    ],
    [
      "Duration",
      task.kind === "milestone" ? "Milestone" : `${facts.duration} working day${facts.duration === 1 ? "" : "s"}`,
    ],
    [
      "Slack",
      facts.slack === null
        ? "—"
        : `${facts.slack} working day${facts.slack === 1 ? "" : "s"}${facts.critical ? " (critical path)" : ""}`,
    ],
    ["Progress", `${Math.round(task.progress)}%`],
    ["Assignee", facts.assignee ?? "Unassigned"],
    ["Deliverable", facts.deliverable ?? "None"],
  ];
  if (facts.daysLate !== null)
    rows.push([
      "Against baseline",
      facts.daysLate > 0
        ? `${facts.daysLate} days late`
        : facts.daysLate < 0
          ? `${-facts.daysLate} days early`
          : "On time",
    ]);
  return (
    <div
      role="dialog"
      aria-label={`Task ${task.name || "Untitled task"}`}
      data-testid="task-popup"
      className="mt-3 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-sm"
    >
      <div className="flex items-start justify-between gap-2">
        <p className="font-semibold break-words" data-testid="task-popup-name">
          {task.name || "Untitled task"}
        </p>
        <Button type="button" onClick={onClose} variant="ghost" size="xs" aria-label="Close task details">
          ×
        </Button>
      </div>
      <dl className="mt-2 grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
        <dt className="text-slate-500">Priority</dt>
        <dd>
          <TaskPriority task={task} />
        </dd>
        <dt className="text-slate-500">Linked risks</dt>
        <dd>
          {facts.risks.length ? (
            <ul className="list-disc pl-4">
              {facts.risks.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          ) : (
            "None"
          )}
        </dd>
      </dl>
      {children}
    </div>
  );
}

/** The task's priority (also a column of the grid). */
function TaskPriority({ task }: { task: Task }) {
  const { editable, edit } = useEdit();
  return (
    <SelectField
      label="Priority"
      hideLabel
      value={task.priority}
      options={priorityOptions}
      onCommit={(v) => edit((doc) => updateRow(doc, "tasks", task.id, { priority: v as Priority }))}
      editable={editable}
    />
  );
}

/** Dates and progress by keyboard: what dragging, resizing and the progress handle do on the bar. */
export function TaskSchedule({
  task,
  summary,
  onDates,
  onProgress,
}: {
  task: Task;
  /** A summary's dates and progress come from its children: nothing to edit here. */
  summary: boolean;
  onDates: (start: string | null, end: string | null) => string | null;
  onProgress: (progress: number) => string | null;
}) {
  const [start, setStart] = useState(task.start ?? "");
  const [end, setEnd] = useState(task.end ?? "");
  const [progress, setProgress] = useState(String(Math.round(task.progress)));
  const [error, setError] = useState<string | null>(null);
  if (summary) return null;
  const save = (e: FormEvent) => {
    e.preventDefault();
    const p = Number(progress);
    let refusal = start !== (task.start ?? "") || end !== (task.end ?? "") ? onDates(start || null, end || null) : null;
    if (!refusal && task.kind === "task" && p !== Math.round(task.progress))
      refusal = Number.isFinite(p) ? onProgress(Math.max(0, Math.min(100, p))) : "Progress is a number from 0 to 100.";
    setError(refusal);
  };
  return (
    <form onSubmit={save} aria-label="Task dates" className="mt-3 flex flex-wrap items-end gap-2 text-sm">
      <label className="flex flex-col text-xs text-slate-600">
        {task.kind === "milestone" ? "Date" : "Start"}
        <input
          type="date"
          aria-label="Task start"
          value={start}
          onChange={(e) => setStart(e.target.value)}
          className={field}
        />
      </label>
      {task.kind !== "milestone" && (
        <label className="flex flex-col text-xs text-slate-600">
          End
          <input
            type="date"
            aria-label="Task end"
            value={end}
            onChange={(e) => setEnd(e.target.value)}
            className={field}
          />
        </label>
      )}
      {task.kind === "task" && (
        <label className="flex flex-col text-xs text-slate-600">
          Progress %
          <input
            type="number"
            min={0}
            max={100}
            aria-label="Task progress"
            value={progress}
            onChange={(e) => setProgress(e.target.value)}
            className={`${field} w-20`}
          />
        </label>
      )}
      <Button type="submit" size="sm" variant="secondary" className="min-h-6">
        Save dates
      </Button>
      <Refusal error={error} />
    </form>
  );
}
