"use client";

import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { WriteResult } from "@/lib/doc";
import type { Risk, RiskBand } from "@/lib/plan/types";
import { moveCell } from "@/components/grid/grid-nav";
import type { OwnerOption, RiskGroup, RiskSort, RiskSortKey } from "@/lib/risks/view";
import { samePeerRows, useCellPresence, type CellPeer } from "@/components/grid/cell-presence";
import { CellEditor, type CellValue, type Move } from "./cell-editor";
import { CellView } from "./cell-view";
import { isEditableColumn, removeColumn, riskColumns, type RiskColumn } from "./columns";
import { PeerTag, peerCellProps } from "@/components/grid/peer-outline";
import { cellId, GridFrame, useFocusCell } from "@/components/grid/grid-frame";
import { useRowWindow } from "@/components/grid/row-window";
import "@/components/grid/grid-cells.css";
import { Button } from "@/components/ui/button";

type Props = {
  groups: readonly RiskGroup[];
  grouped: boolean;
  editable: boolean;
  owners: readonly OwnerOption[];
  tasks: readonly { id: string; name: string; kind: string }[];
  nameOf: (id: string | null) => string | null;
  bands: readonly RiskBand[];
  overdueIds: ReadonlySet<string>;
  sort: RiskSort;
  onSort: (key: RiskSortKey) => void;
  onUpdate: (riskId: string, patch: Partial<Risk>) => WriteResult;
  onRemove: (riskId: string) => void;
  /** Adds a risk (making sure it is shown) and returns its id, or null when it could not. */
  onAdd: () => string | null;
  /** Shown inside the table when no row is visible. */
  emptyMessage: string;
};

/** What Delete puts in a cell; scales and status cannot be empty. */
const cleared: Partial<Record<RiskColumn["kind"], CellValue>> = {
  text: "",
  longtext: "",
  owner: null,
  date: null,
  tasks: [],
};

/** A cell's address in the drawn register: row (across groups) and column index. */

/**
 * The risk register as a spreadsheet-like grid: arrows (and Home/End) move between cells, Enter or
 * typing edits, Escape cancels, Tab commits and moves on, Delete clears. Only one cell is a tab
 * stop, so Tab outside an editor leaves the grid. Collaborators' cells are outlined in their colour.
 * A long register draws its first rows on the server and the rest right after hydration
 * (components/grid/row-window.tsx); the arrows move within the rows drawn.
 */
export function RiskTable(props: Props) {
  const { groups, editable } = props;
  const columns = useMemo(() => (editable ? [...riskColumns, removeColumn] : riskColumns), [editable]);
  const columnIds = useMemo(() => columns.map((c) => c.id), [columns]);
  const risks = groups.flatMap((g) => g.risks);
  const [active, setActive] = useState<{ rowId: string; col: number } | null>(null);
  const [editing, setEditing] = useState<{ rowId: string; col: number; seed: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const { peersInRow, publish } = useCellPresence("risks");
  const drawn = useRowWindow(risks.length);
  const taskNames = useMemo(() => new Map(props.tasks.map((t) => [t.id, t.name])), [props.tasks]);

  const found = active ? risks.findIndex((r) => r.id === active.rowId) : -1;
  const pos = found >= 0 ? { row: found, col: Math.min(active!.col, columns.length - 1) } : { row: 0, col: 0 };

  // Keyboard focus follows the active cell after a keyboard move or a finished edit.
  const focusCell = useFocusCell(tableRef, pos, editing !== null);

  const goTo = (row: number, col: number) => {
    const risk = risks[row];
    if (!risk) return;
    setActive({ rowId: risk.id, col });
    focusCell();
  };

  const startEditing = (rowId: string, col: number, seed: string | null) => {
    if (!editable || !isEditableColumn(columns[col]!)) return;
    setError(null);
    setEditing({ rowId, col, seed });
  };

  const commit = (risk: Risk, col: number, value: CellValue, move: Move, fromBlur: boolean): boolean => {
    const column = columns[col]!;
    const result = props.onUpdate(risk.id, { [column.id]: value } as Partial<Risk>);
    if (!result.ok) {
      setError(result.problems.map((p) => p.message).join(" "));
      return false;
    }
    setError(null);
    setEditing(null);
    const next = move ? moveCell(pos, { key: "Tab", shiftKey: move === "prev" }, drawn, columns.length) : null;
    if (next) goTo(next.row, next.col);
    else if (!fromBlur) focusCell();
    return true;
  };

  const cancel = () => {
    setError(null);
    setEditing(null);
    focusCell();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (editing || risks.length === 0) return;
    const next = moveCell(pos, e, drawn, columns.length);
    if (next) {
      e.preventDefault();
      return goTo(next.row, next.col);
    }
    const risk = risks[pos.row]!;
    const column = columns[pos.col]!;
    if (!editable || !isEditableColumn(column)) return;
    if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      startEditing(risk.id, pos.col, null);
    } else if (e.key === "Delete" || e.key === "Backspace") {
      const empty = cleared[column.kind];
      if (empty === undefined) return;
      e.preventDefault();
      const result = props.onUpdate(risk.id, { [column.id]: empty } as Partial<Risk>);
      setError(result.ok ? null : result.problems.map((p) => p.message).join(" "));
    } else if (
      e.key.length === 1 &&
      !e.ctrlKey &&
      !e.metaKey &&
      !e.altKey &&
      (column.kind === "text" || column.kind === "longtext")
    ) {
      e.preventDefault();
      startEditing(risk.id, pos.col, e.key);
    }
  };

  // Tell the others which cell we are in.
  const onCellFocus = (cell: { row: number; col: number }) => {
    const rowId = risks[cell.row]?.id;
    const colId = columns[cell.col]?.id;
    if (rowId && colId) publish({ row: rowId, col: colId });
  };

  // What the memoized rows need: the same objects from one render to the next while nothing they show
  // changed, so someone moving to another cell redraws only the rows it touches.
  const view = useMemo<RowView>(
    () => ({
      owners: props.owners,
      tasks: props.tasks,
      nameOf: props.nameOf,
      bands: props.bands,
      taskName: (id) => taskNames.get(id) ?? null,
    }),
    [props.owners, props.tasks, props.nameOf, props.bands, taskNames],
  );
  const latest = useRef({ active, startEditing, commit, cancel, onRemove: props.onRemove });
  useEffect(() => {
    latest.current = { active, startEditing, commit, cancel, onRemove: props.onRemove };
  });
  const actions = useMemo<RowActions>(
    () => ({
      focus: (riskId, col) => {
        const current = latest.current.active;
        if (current?.rowId !== riskId || current.col !== col) setActive({ rowId: riskId, col });
      },
      startEditing: (riskId, col) => latest.current.startEditing(riskId, col, null),
      commit: (risk, col, value, move, fromBlur) => latest.current.commit(risk, col, value, move, fromBlur),
      cancel: () => latest.current.cancel(),
      remove: (riskId) => latest.current.onRemove(riskId),
    }),
    [setActive],
  );

  const add = () => {
    const id = props.onAdd();
    if (!id) return;
    setActive({ rowId: id, col: 0 });
    startEditing(id, 0, null);
  };

  const ariaSort = (c: RiskColumn) =>
    c.sort && props.sort.key === c.sort ? (props.sort.direction === "asc" ? "ascending" : "descending") : undefined;

  let rowIndex = -1;
  return (
    <div>
      <GridFrame
        label="Risk register"
        editable={editable}
        shown={drawn}
        total={risks.length}
        noun="risks"
        tableRef={tableRef}
        onCellKey={onKeyDown}
        onCellFocus={onCellFocus}
        onLeave={() => publish(null)}
      >
        <thead className="bg-slate-50">
          <tr>
            {columns.map((c) => (
              <th
                key={c.id}
                scope="col"
                aria-sort={ariaSort(c)}
                className={`${c.id === "title" ? "sticky left-0 z-[1] bg-slate-50" : ""} whitespace-nowrap border-b border-slate-200 px-2 py-1.5 text-left text-xs font-medium uppercase tracking-wide text-slate-600`}
              >
                {c.id === "remove" ? (
                  <span className="sr-only">{c.label}</span>
                ) : c.sort ? (
                  <button
                    type="button"
                    onClick={() => props.onSort(c.sort!)}
                    className="inline-flex items-center gap-1 uppercase hover:text-indigo-700"
                  >
                    {c.label}
                    <span aria-hidden="true" className="text-slate-400">
                      {ariaSort(c) === "ascending" ? "▲" : ariaSort(c) === "descending" ? "▼" : "↕"}
                    </span>
                  </button>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        {risks.length === 0 && (
          <tbody>
            <tr>
              <td colSpan={columns.length} className="px-3 py-4 text-center text-sm text-slate-500">
                {props.emptyMessage}
              </td>
            </tr>
          </tbody>
        )}
        {/* Groups are drawn while rows are left in the window (rowIndex counts the rows drawn so far). */}
        {groups.map((g) =>
          rowIndex + 1 >= drawn ? null : (
            <tbody key={g.category.toLocaleLowerCase() || "\u0000none"}>
              {props.grouped && (
                <tr>
                  <th
                    scope="rowgroup"
                    colSpan={columns.length}
                    className="border-b border-slate-200 bg-slate-100 px-2 py-1 text-left text-xs font-semibold text-slate-700"
                  >
                    {g.category || "No category"} <span className="font-normal text-slate-500">· {g.risks.length}</span>
                  </th>
                </tr>
              )}
              {g.risks.map((risk) => {
                if (rowIndex + 1 >= drawn) return null;
                rowIndex++;
                const row = rowIndex;
                return (
                  <RiskRow
                    key={risk.id}
                    risk={risk}
                    row={row}
                    columns={columns}
                    editable={editable}
                    tabStop={row === pos.row ? pos.col : -1}
                    editing={
                      editable && editing?.rowId === risk.id ? { col: editing.col, seed: editing.seed, error } : null
                    }
                    peers={peersInRow(risk.id, columnIds)}
                    overdue={props.overdueIds.has(risk.id)}
                    view={view}
                    actions={actions}
                  />
                );
              })}
            </tbody>
          ),
        )}
      </GridFrame>
      {error && !editing && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
      {editable && (
        <Button type="button" onClick={add} variant="primary" className="mt-3">
          Add risk
        </Button>
      )}
      {risks.length > 0 && (
        <p className="mt-2 text-xs text-slate-500">
          {editable
            ? "Arrow keys move · Enter or typing edits · Esc cancels · Tab saves and moves on · Delete clears · double-click edits"
            : "Arrow keys move between cells."}
        </p>
      )}
    </div>
  );
}

type RowView = {
  owners: Props["owners"];
  tasks: Props["tasks"];
  nameOf: Props["nameOf"];
  bands: Props["bands"];
  taskName: (id: string) => string | null;
};

type RowActions = {
  focus: (riskId: string, col: number) => void;
  startEditing: (riskId: string, col: number) => void;
  commit: (risk: Risk, col: number, value: CellValue, move: Move, fromBlur: boolean) => boolean;
  cancel: () => void;
  remove: (riskId: string) => void;
};

type RowProps = {
  risk: Risk;
  /** Index among the rows drawn (across groups). */
  row: number;
  columns: readonly RiskColumn[];
  editable: boolean;
  /** The column of the grid's tab stop when it is in this row, else -1. */
  tabStop: number;
  /** The cell being edited in this row, with its seed and the last refusal. */
  editing: { col: number; seed: string | null; error: string | null } | null;
  peers: readonly (readonly CellPeer[])[];
  overdue: boolean;
  view: RowView;
  actions: RowActions;
};

const sameEditing = (a: RowProps["editing"], b: RowProps["editing"]) =>
  a === b || (!!a && !!b && a.col === b.col && a.seed === b.seed && a.error === b.error);

/**
 * One risk's row. Memoized by value: someone moving to another cell, or an edit to another risk,
 * redraws only the rows that show it.
 */
const RiskRow = memo(
  function RiskRow({
    risk,
    row,
    columns,
    editable,
    tabStop,
    editing,
    peers: rowPeers,
    overdue,
    view,
    actions,
  }: RowProps) {
    return (
      <tr className="border-b border-slate-100 align-top last:border-b-0">
        {columns.map((c, col) => {
          const here = col === tabStop;
          const peers = rowPeers[col]!;
          const label = `${c.label} of ${risk.title.trim() || "untitled risk"}`;
          if (c.kind === "remove") {
            return (
              <td key={c.id} role="gridcell" className="px-2 py-1.5 text-right">
                <Button
                  type="button"
                  data-cell={cellId(row, col)}
                  tabIndex={here ? 0 : -1}
                  onClick={() => actions.remove(risk.id)}
                  aria-label={`Remove risk ${risk.title.trim() || "untitled risk"}`}
                  variant="remove"
                  size="xs"
                >
                  Remove
                </Button>
              </td>
            );
          }
          const editingHere = editing !== null && editing.col === col;
          return (
            <td
              key={c.id}
              data-cell={cellId(row, col)}
              {...peerCellProps(peers)}
              tabIndex={editingHere ? -1 : here ? 0 : -1}
              aria-readonly={!editable || !isEditableColumn(c) || undefined}
              onFocus={(e) => e.target === e.currentTarget && actions.focus(risk.id, col)}
              onDoubleClick={() => actions.startEditing(risk.id, col)}
              className={`group grid-cell risk-cell ${c.id === "title" ? "sticky left-0 z-[1] bg-white font-medium" : "relative"}`}
            >
              <PeerTag peers={peers} />
              {editingHere ? (
                <CellEditor
                  column={c}
                  risk={risk}
                  label={label}
                  seed={editing.seed}
                  owners={view.owners}
                  tasks={view.tasks}
                  error={editing.error}
                  onCommit={(value, move, fromBlur) => actions.commit(risk, col, value, move, fromBlur)}
                  onCancel={actions.cancel}
                />
              ) : (
                <CellView
                  column={c}
                  risk={risk}
                  nameOf={view.nameOf}
                  taskName={view.taskName}
                  bands={view.bands}
                  overdue={overdue}
                />
              )}
            </td>
          );
        })}
      </tr>
    );
  },
  (a, b) =>
    a.risk === b.risk &&
    a.row === b.row &&
    a.columns === b.columns &&
    a.editable === b.editable &&
    a.tabStop === b.tabStop &&
    a.overdue === b.overdue &&
    a.view === b.view &&
    a.actions === b.actions &&
    sameEditing(a.editing, b.editing) &&
    samePeerRows(a.peers, b.peers),
);
