"use client";

/**
 * The task table beside the timeline: one row per timeline row (same height), every edit the
 * timeline offers done with the keyboard. Values are committed on change (dates, selects) or on
 * Enter/blur (text); a refused value shows its reason under the row and never reaches the document.
 * Rows are dragged by their handle (HTML drag and drop): onto a row's middle third makes the dragged
 * task its last subtask, onto its top or bottom third places it before or after it. Column widths
 * are fixed (table-layout: fixed) and resizable (./grid-columns.tsx).
 */
import { useLayoutEffect, useRef, useState, type DragEvent } from "react";
import "@/components/grid/grid-cells.css";
import type { DropPosition } from "@/lib/plan/wbs";
import { ColumnResizer, columns, useColumnWidths, type ColumnKey } from "./grid-columns";
import { GridRow } from "./grid-row";
import { HEADER_HEIGHT, ROW_HEIGHT, type GridProps } from "./grid-types";

export { HEADER_HEIGHT, ROW_HEIGHT, type GridEdits, type RowFacts } from "./grid-types";

const rowOf = (e: DragEvent) => (e.target as HTMLElement).closest<HTMLElement>("tr[data-task-id]");

/** A header cell: the anchor of its column's resize separator. */
const head = "relative font-medium";

function positionIn(row: HTMLElement, clientY: number): DropPosition {
  const box = row.getBoundingClientRect();
  const at = (clientY - box.top) / box.height;
  return at < 1 / 3 ? "before" : at > 2 / 3 ? "after" : "inside";
}

export function TaskGrid(props: GridProps) {
  const {
    rows,
    window: [from, to],
  } = props;
  const { widths, setWidth, reset, customised } = useColumnWidths();
  const resizer = (key: ColumnKey) => <ColumnResizer column={key} width={widths[key]} onResize={setWidth} />;
  const dragged = useRef<string | null>(null);
  const [dropAt, setDropAt] = useState<{ id: string; where: DropPosition } | null>(null);
  const [dropError, setDropError] = useState<string | null>(null);
  const tree = props.tree;
  const end = () => {
    dragged.current = null;
    setDropAt(null);
  };
  const grid: GridProps = {
    ...props,
    tree: {
      ...tree,
      dragStart: (id) => {
        dragged.current = id;
        setDropError(null);
      },
      dragEnd: end,
    },
  };
  // Rows call the latest handlers through this ref, so a row whose task did not change need not
  // re-render when the handlers do (they change with every change to the plan).
  const latest = useRef(grid);
  useLayoutEffect(() => {
    latest.current = grid;
  });
  const onDragOver = (e: DragEvent) => {
    const row = rowOf(e);
    const id = row?.dataset.taskId;
    if (!row || !id || !dragged.current || id === dragged.current) return;
    e.preventDefault(); // allows the drop (on dragenter too, as the HTML spec asks)
    e.dataTransfer.dropEffect = "move";
    const where = positionIn(row, e.clientY);
    setDropAt((d) => (d?.id === id && d.where === where ? d : { id, where }));
  };
  const onDrop = (e: DragEvent) => {
    const row = rowOf(e);
    const target = row?.dataset.taskId;
    const id = dragged.current;
    e.preventDefault();
    end();
    if (row && target && id && id !== target) setDropError(tree.drop(id, target, positionIn(row, e.clientY)));
  };
  return (
    <>
      {dropError && (
        <p role="alert" className="px-2 py-1 text-xs text-red-700">
          {dropError}
        </p>
      )}
      <table
        className="border-collapse text-sm"
        style={{ tableLayout: "fixed", width: columns.reduce((sum, c) => sum + widths[c.key], 0) }}
        aria-label="Tasks"
      >
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} style={{ width: widths[c.key] }} />
          ))}
        </colgroup>
        <thead>
          <tr style={{ height: HEADER_HEIGHT }} className="text-left text-xs uppercase tracking-wide text-slate-500">
            <th className={`${head} pl-1`}>
              <abbr title="Work breakdown structure number">WBS</abbr>
              {resizer("wbs")}
            </th>
            <th className={`${head} px-2`}>
              Task
              {resizer("name")}
            </th>
            <th className={`${head} px-1`}>
              Start
              {resizer("start")}
            </th>
            <th className={`${head} px-1`}>
              End
              {resizer("end")}
            </th>
            <th className={`${head} px-1`} title="Working days">
              Days
              {resizer("days")}
            </th>
            <th className={`${head} px-1`}>
              Assignee
              {resizer("assignee")}
            </th>
            <th className={`${head} px-1`}>
              <abbr title="Progress">%</abbr>
              {resizer("progress")}
            </th>
            <th className={`${head} px-1`}>Priority</th>
            <th className={`${head} px-1`} title="Milestone">
              <abbr title="Milestone">MS</abbr>
            </th>
            <th className={`${head} px-1`}>Predecessors</th>
            <th className={`${head} px-1`}>Deliverable</th>
            <th className={`${head} px-1`}>Slack</th>
            <th className={`${head} px-1`}>Late</th>
            <th className="px-1 text-right normal-case tracking-normal">
              <span className="sr-only">Actions</span>
              {customised && (
                <button
                  type="button"
                  onClick={reset}
                  className="min-h-6 rounded px-1 text-xs font-normal text-indigo-700 underline hover:text-indigo-900"
                >
                  Reset widths
                </button>
              )}
            </th>
          </tr>
        </thead>
        <tbody
          onDragEnter={props.editable ? onDragOver : undefined}
          onDragOver={props.editable ? onDragOver : undefined}
          onDrop={props.editable ? onDrop : undefined}
          onDragLeave={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropAt(null);
          }}
        >
          {from > 0 && <tr aria-hidden style={{ height: from * ROW_HEIGHT }} />}
          {rows.slice(from, to).map((r) => (
            <GridRow
              key={r.task.id}
              row={r}
              focus={props.focusId === r.task.id}
              drop={dropAt?.id === r.task.id ? dropAt.where : null}
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
    </>
  );
}
