"use client";

/** One task row of the grid: the task's fields, its work breakdown number and controls. */
import { memo, useState, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import { priorityLabels } from "@/lib/plan/template";
import type { Priority } from "@/lib/plan/types";
import type { DropPosition } from "@/lib/plan/wbs";
import { Committed, NameInput, OptionSelect } from "./grid-fields";
import type { Row } from "./model";
import { RowHandle, RowMoves, treeKey } from "./row-tools";
import { ROW_HEIGHT, type GridProps, type Option, type RowFacts } from "./grid-types";

const priorities = Object.entries(priorityLabels) as [Priority, string][];

type RowProps = {
  row: Row;
  /** Focus the name field once drawn. */
  focus: boolean;
  /** Where a dragged row would land, relative to this one. */
  drop: DropPosition | null;
  f: RowFacts;
  editable: boolean;
  collapsed: boolean;
  people: Option[];
  deliverables: Option[];
  act: RefObject<GridProps>;
};

// An inset line above or below the row, or a frame around it (becomes its subtask).
const DROP_MARK: Record<DropPosition, string> = {
  before: "inset 0 3px 0 0 #4f46e5",
  after: "inset 0 -3px 0 0 #4f46e5",
  inside: "inset 0 0 0 2px #4f46e5",
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
  a.row.wbs === b.row.wbs &&
  a.focus === b.focus &&
  a.drop === b.drop &&
  a.row.group?.id === b.row.group?.id &&
  a.row.group?.name === b.row.group?.name &&
  sameFacts(a.f, b.f) &&
  a.editable === b.editable &&
  a.collapsed === b.collapsed &&
  a.people === b.people &&
  a.deliverables === b.deliverables &&
  a.act === b.act;

export const GridRow = memo(function GridRow({
  row,
  focus,
  drop,
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
  const computed = summary ? "Rolled up from its subtasks" : undefined;
  return (
    <tr
      style={{ height: ROW_HEIGHT, boxShadow: drop ? DROP_MARK[drop] : undefined }}
      data-drop={drop ?? undefined}
      className={`border-t border-slate-100 ${f.critical ? "bg-red-50/40" : ""}`}
      data-task-id={t.id}
      aria-describedby={error ? `err-${t.id}` : undefined}
    >
      <td className="whitespace-nowrap pl-1 align-middle text-xs text-slate-600">
        <span className="flex items-center gap-0.5">
          {editable && <RowHandle id={t.id} label={label} act={act} report={run} />}
          <span data-testid="wbs" aria-label={`Work breakdown number of ${label}`}>
            {row.wbs}
          </span>
        </span>
      </td>
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
              className="h-6 w-6 shrink-0 text-slate-500"
            >
              {isCollapsed ? "▸" : "▾"}
            </button>
          ) : (
            <span className="w-6 shrink-0" />
          )}
          <NameInput
            task={t}
            editable={editable}
            onCommit={(name) => run(act.current.edits.rename(t.id, name))}
            summary={summary}
            focus={focus}
            onTreeKey={editable ? (e) => treeKey(e, t.id, act, run, false) : undefined}
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
          title={computed}
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
          title={computed}
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
          className={input}
          inputMode="numeric"
        />
      </td>
      <td className={cell}>
        <OptionSelect
          label={`Assignee of ${label}`}
          value={t.assigneeId}
          options={people}
          disabled={!editable}
          onChange={(v) => run(act.current.edits.setAssignee(t.id, v))}
          className={input}
        />
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
          className={input}
          inputMode="numeric"
        />
      </td>
      <td className={cell}>
        <select
          aria-label={`Priority of ${label}`}
          value={t.priority}
          disabled={!editable}
          onChange={(e) => run(act.current.edits.setPriority(t.id, e.target.value as Priority))}
          className={input}
        >
          {priorities.map(([value, name]) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
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
          className={input}
          placeholder={editable ? "Design [FS+2]" : ""}
        />
      </td>
      <td className={cell}>
        <OptionSelect
          label={`Deliverable of ${label}`}
          value={t.deliverableId}
          options={deliverables}
          disabled={!editable}
          onChange={(v) => run(act.current.edits.setDeliverable(t.id, v))}
          className={input}
          untitled="Untitled deliverable"
        />
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
      <td className={`${cell} whitespace-nowrap text-right`}>
        {editable && <RowMoves id={t.id} label={label} act={act} report={run} />}
        {editable && (
          <Button
            type="button"
            aria-label={`Remove ${label}`}
            onClick={() => act.current.edits.remove(t.id)}
            variant="remove"
            size="tiny"
            className="min-h-6 min-w-6"
          >
            ✕
          </Button>
        )}
      </td>
    </tr>
  );
}, sameRow);
