"use client";

import { useEdit } from "@/components/collab/plan-data";
import { SelectField } from "@/components/fields/select-field";
import { updateRow } from "@/lib/doc";
import { priorityLabels } from "@/lib/plan/template";
import type { Priority, Task } from "@/lib/plan/types";
import { Button } from "@/components/ui/button";

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
export function TaskPopup({ facts, onClose }: { facts: PopupFacts; onClose: () => void }) {
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
    </div>
  );
}

/** The task's priority; editors change it here (the grid has no column for it). */
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
