"use client";

import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { PeerTag, peerCellProps } from "@/components/grid/peer-outline";
import { samePeerRows, useCellPresence, type CellPeer } from "@/components/grid/cell-presence";
import type { RaciProblem, RaciRow } from "@/lib/plan/raci";
import type { RaciLetter } from "@/lib/plan/types";
import { cellEditForKey, letterNames, raciLetters } from "@/lib/raci/cells";
import { moveCell } from "@/components/grid/grid-nav";
import { cellId, GridFrame, useFocusCell } from "@/components/grid/grid-frame";
import { useRowWindow } from "@/components/grid/row-window";
import type { ReactNode } from "react";
import "@/components/grid/grid-cells.css";

/** Next letter when a cell is clicked again: empty → R → A → C → I → empty. */
const cycle = (v: RaciLetter | undefined): RaciLetter | null =>
  v === undefined ? "R" : v === "I" ? null : raciLetters[raciLetters.indexOf(v) + 1]!;

/**
 * The RACI grid: arrows (Home/End) move, typing R, A, C or I sets a cell, Delete or Backspace
 * clears it, clicking a chosen cell again cycles its letter. One cell is the tab stop, so Tab
 * leaves the grid. Rows breaking a rule are marked with the reason. A large grid draws its first rows
 * on the server and the rest right after hydration (components/grid/row-window.tsx); the arrows move
 * within the rows drawn, which is every row once the page has loaded.
 */
export function RaciGrid({
  rows,
  columnIds,
  headers,
  letterAt,
  problems,
  unassigned,
  editable,
  onSet,
}: {
  rows: readonly RaciRow[];
  columnIds: readonly string[];
  headers: ReactNode;
  letterAt: (rowId: string, columnId: string) => RaciLetter | undefined;
  problems: ReadonlyMap<string, RaciProblem[]>;
  /** Rows nobody is assigned to yet: shown as to do, not as broken. */
  unassigned: ReadonlySet<string>;
  editable: boolean;
  onSet: (rowId: string, columnId: string, value: RaciLetter | null) => void;
}) {
  const [active, setActive] = useState<{ rowId: string; colId: string } | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  // Whether the clicked cell already had focus before this click (then the click cycles its letter).
  const hadFocus = useRef(false);
  const { peersInRow, publish } = useCellPresence("raci");
  const drawn = useRowWindow(rows.length);
  // Each row's letters, the same arrays while the letters stay: a presence move does not look up 15,000
  // cells again, and the memoized rows compare them at once.
  const lettersByRow = useMemo(
    () => new Map(rows.map((r) => [r.id, columnIds.map((colId) => letterAt(r.id, colId))])),
    [rows, columnIds, letterAt],
  );

  const r = active ? rows.findIndex((x) => x.id === active.rowId) : -1;
  const c = active ? columnIds.indexOf(active.colId) : -1;
  const pos = { row: Math.max(r, 0), col: Math.max(c, 0) };

  const focusCell = useFocusCell(tableRef, pos);

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const next = moveCell(pos, e, drawn, columnIds.length);
    if (next) {
      e.preventDefault();
      setActive({ rowId: rows[next.row]!.id, colId: columnIds[next.col]! });
      focusCell();
      return;
    }
    const value = cellEditForKey(e);
    if (value === undefined || !editable) return;
    e.preventDefault();
    onSet(rows[pos.row]!.id, columnIds[pos.col]!, value);
  };

  // One handler for every cell, the same across renders (the rows are memoized): it reads the latest
  // props through a ref.
  const latest = useRef({ editable, onSet });
  useEffect(() => {
    latest.current = { editable, onSet };
  });
  const onCell = useCallback(
    (kind: "down" | "click", rowId: string, colId: string, value: RaciLetter | undefined, cell: HTMLElement) => {
      if (kind === "down") hadFocus.current = document.activeElement === cell;
      else if (latest.current.editable && hadFocus.current) latest.current.onSet(rowId, colId, cycle(value));
    },
    [],
  );

  const onCellFocus = (cell: { row: number; col: number }) => {
    const rowId = rows[cell.row]?.id;
    const colId = columnIds[cell.col];
    if (!rowId || !colId) return;
    if (active?.rowId !== rowId || active.colId !== colId) setActive({ rowId, colId });
    publish({ row: rowId, col: colId });
  };

  return (
    <GridFrame
      label="RACI grid"
      editable={editable}
      shown={drawn}
      total={rows.length}
      noun="rows"
      tableRef={tableRef}
      onCellKey={onKeyDown}
      onCellFocus={onCellFocus}
      onLeave={() => publish(null)}
    >
      <thead className="bg-slate-50">
        <tr>
          <th
            scope="col"
            className="sticky left-0 z-[1] min-w-[12rem] border-b border-slate-200 bg-slate-50 px-2 py-1.5 text-left align-bottom text-xs font-medium uppercase tracking-wide text-slate-600"
          >
            Task or deliverable
          </th>
          {headers}
          <th
            scope="col"
            className="min-w-[16rem] border-b border-l border-slate-200 px-2 py-1.5 text-left align-bottom text-xs font-medium uppercase tracking-wide text-slate-600"
          >
            Rule check
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, drawn).map((row, ri) => {
          const empty = unassigned.has(row.id);
          return (
            <RaciGridRow
              key={row.id}
              row={row}
              index={ri}
              columnIds={columnIds}
              letters={lettersByRow.get(row.id)!}
              peers={peersInRow(row.id, columnIds)}
              tabStop={ri === pos.row ? pos.col : -1}
              empty={empty}
              issues={empty ? noIssues : (problems.get(row.id) ?? noIssues)}
              onCell={onCell}
            />
          );
        })}
      </tbody>
    </GridFrame>
  );
}

const noIssues: RaciProblem[] = [];

type RowProps = {
  row: RaciRow;
  index: number;
  columnIds: readonly string[];
  letters: (RaciLetter | undefined)[];
  peers: readonly (readonly CellPeer[])[];
  /** The column of the grid's tab stop when it is in this row, else -1. */
  tabStop: number;
  empty: boolean;
  issues: readonly RaciProblem[];
  onCell: (
    kind: "down" | "click",
    rowId: string,
    colId: string,
    value: RaciLetter | undefined,
    cell: HTMLElement,
  ) => void;
};

const sameList = <T,>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = Object.is) =>
  a === b || (a.length === b.length && a.every((x, i) => same(x, b[i]!)));

/**
 * One row of the grid. Memoized by value: when someone moves to another cell, or one letter changes,
 * only the rows that show it draw again (a 1,000-row grid has 15,000 cells).
 */
const RaciGridRow = memo(
  function RaciGridRow({
    row,
    index: ri,
    columnIds,
    letters,
    peers: rowPeers,
    tabStop,
    empty,
    issues,
    onCell,
  }: RowProps) {
    return (
      <tr
        data-breaks-rule={issues.length > 0 || undefined}
        className={`border-b border-slate-100 last:border-b-0 ${issues.length ? "bg-red-50/60" : ""}`}
      >
        <th
          scope="row"
          className={`sticky left-0 z-[1] border-l-4 px-2 py-1.5 text-left font-normal ${issues.length ? "border-l-red-500 bg-red-50" : "border-l-transparent bg-white"}`}
        >
          <span className="block font-medium text-slate-900">
            {row.name.trim() || (row.kind === "task" ? "Untitled task" : "Untitled deliverable")}
          </span>
          <span className="text-xs text-slate-600">{row.kind === "task" ? "Task" : "Deliverable"}</span>
        </th>
        {columnIds.map((colId, ci) => {
          const v = letters[ci];
          const peers = rowPeers[ci]!;
          return (
            // A td in a role="grid" table is a gridcell, read-only when the grid is.
            <td
              key={colId}
              data-cell={cellId(ri, ci)}
              {...peerCellProps(peers)}
              tabIndex={ci === tabStop ? 0 : -1}
              title={v ? letterNames[v] : undefined}
              onMouseDown={(e) => onCell("down", row.id, colId, v, e.currentTarget)}
              onClick={(e) => onCell("click", row.id, colId, v, e.currentTarget)}
              className="group grid-cell raci-cell"
            >
              <PeerTag peers={peers} />
              {v && <span className={`raci-letter raci-${v}`}>{v}</span>}
            </td>
          );
        })}
        <td className="border-l border-slate-100 px-2 py-1.5 text-xs">
          {empty ? (
            <span className="text-slate-600">Not assigned yet</span>
          ) : issues.length ? (
            <ul className="text-red-800">
              {issues.map((p) => (
                <li key={p.rule}>
                  <span aria-hidden="true">⚠ </span>
                  {p.message}
                </li>
              ))}
            </ul>
          ) : (
            <span className="text-emerald-700">OK</span>
          )}
        </td>
      </tr>
    );
  },
  (a, b) =>
    a.row.id === b.row.id &&
    a.row.name === b.row.name &&
    a.row.kind === b.row.kind &&
    a.index === b.index &&
    a.tabStop === b.tabStop &&
    a.empty === b.empty &&
    a.onCell === b.onCell &&
    sameList(a.columnIds, b.columnIds) &&
    sameList(a.letters, b.letters) &&
    samePeerRows(a.peers, b.peers) &&
    sameList(a.issues, b.issues, (x, y) => x.rule === y.rule && x.message === y.message),
);
