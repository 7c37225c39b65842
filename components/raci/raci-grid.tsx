"use client";

import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from "react";
import { PeerTag, peerStyle } from "@/components/risks/peer-outline";
import { useCellPresence } from "@/components/risks/cell-presence";
import type { RaciProblem, RaciRow } from "@/lib/plan/raci";
import type { RaciLetter } from "@/lib/plan/types";
import { cellEditForKey, letterNames, raciLetters } from "@/lib/raci-grid/cells";
import { moveCell } from "@/lib/risk-register/grid-nav";
import { GridFrame } from "@/components/ui/grid-frame";
import { useRowWindow } from "@/components/ui/row-window";
import type { ReactNode } from "react";
import "@/components/ui/grid-cells.css";

/** A cell's address in the drawn grid: row and column index (ids would be two UUIDs per cell). */
const cellId = (row: number, col: number) => `${row}:${col}`;

/** Next letter when a cell is clicked again: empty → R → A → C → I → empty. */
const cycle = (v: RaciLetter | undefined): RaciLetter | null => (v === undefined ? "R" : v === "I" ? null : raciLetters[raciLetters.indexOf(v) + 1]!);

/**
 * The RACI grid: arrows (Home/End) move, typing R, A, C or I sets a cell, Delete or Backspace
 * clears it, clicking a chosen cell again cycles its letter. One cell is the tab stop, so Tab
 * leaves the grid. Rows breaking a rule are marked with the reason. A large grid draws its first rows
 * on the server and the rest right after hydration (components/ui/row-window.tsx); the arrows move
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
  const wantFocus = useRef(false);
  // Whether the clicked cell already had focus before this click (then the click cycles its letter).
  const hadFocus = useRef(false);
  const { peersAt, publish } = useCellPresence("raci");
  const drawn = useRowWindow(rows.length);

  const r = active ? rows.findIndex((x) => x.id === active.rowId) : -1;
  const c = active ? columnIds.indexOf(active.colId) : -1;
  const pos = { row: Math.max(r, 0), col: Math.max(c, 0) };

  useEffect(() => {
    if (!wantFocus.current) return;
    wantFocus.current = false;
    tableRef.current?.querySelector<HTMLElement>(`[data-cell="${cellId(pos.row, pos.col)}"]`)?.focus();
  });

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (!(e.target as HTMLElement).closest("[data-cell]") || e.key === "Tab") return;
    const next = moveCell(pos, e, drawn, columnIds.length);
    if (next) {
      e.preventDefault();
      setActive({ rowId: rows[next.row]!.id, colId: columnIds[next.col]! });
      wantFocus.current = true;
      return;
    }
    const value = cellEditForKey(e);
    if (value === undefined || !editable) return;
    e.preventDefault();
    onSet(rows[pos.row]!.id, columnIds[pos.col]!, value);
  };

  const onFocus = (e: FocusEvent<HTMLTableElement>) => {
    const key = (e.target as HTMLElement).closest("[data-cell]")?.getAttribute("data-cell");
    if (!key) return;
    const [ri, ci] = key.split(":").map(Number) as [number, number];
    const rowId = rows[ri]?.id;
    const colId = columnIds[ci];
    if (!rowId || !colId) return;
    if (active?.rowId !== rowId || active.colId !== colId) setActive({ rowId, colId });
    publish({ row: rowId, col: colId });
  };
  const onBlur = (e: FocusEvent<HTMLTableElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) publish(null);
  };

  return (
    <GridFrame label="RACI grid" editable={editable} shown={drawn} total={rows.length} noun="rows" tableRef={tableRef} onKeyDown={onKeyDown} onFocus={onFocus} onBlur={onBlur}>
      <thead className="bg-slate-50">
        <tr>
          <th scope="col" className="sticky left-0 z-[1] min-w-[12rem] border-b border-slate-200 bg-slate-50 px-2 py-1.5 text-left align-bottom text-xs font-medium uppercase tracking-wide text-slate-600">
            Task or deliverable
          </th>
          {headers}
          <th scope="col" className="min-w-[16rem] border-b border-l border-slate-200 px-2 py-1.5 text-left align-bottom text-xs font-medium uppercase tracking-wide text-slate-600">
            Rule check
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, drawn).map((row, ri) => {
          const empty = unassigned.has(row.id);
          const issues = empty ? [] : (problems.get(row.id) ?? []);
          return (
            <tr key={row.id} data-breaks-rule={issues.length > 0 || undefined} className={`border-b border-slate-100 last:border-b-0 ${issues.length ? "bg-red-50/60" : ""}`}>
              <th scope="row" className={`sticky left-0 z-[1] border-l-4 px-2 py-1.5 text-left font-normal ${issues.length ? "border-l-red-500 bg-red-50" : "border-l-transparent bg-white"}`}>
                <span className="block font-medium text-slate-900">{row.name.trim() || (row.kind === "task" ? "Untitled task" : "Untitled deliverable")}</span>
                <span className="text-xs text-slate-600">{row.kind === "task" ? "Task" : "Deliverable"}</span>
              </th>
              {columnIds.map((colId, ci) => {
                const v = letterAt(row.id, colId);
                const peers = peersAt(row.id, colId);
                const here = ri === pos.row && ci === pos.col;
                return (
                  // A td in a role="grid" table is a gridcell, read-only when the grid is.
                  <td
                    key={colId}
                    data-cell={cellId(ri, ci)}
                    data-peers={peers.length ? peers.map((p) => p.name).join(", ") : undefined}
                    tabIndex={here ? 0 : -1}
                    title={v ? letterNames[v] : undefined}
                    onMouseDown={(e) => (hadFocus.current = document.activeElement === e.currentTarget)}
                    onClick={() => editable && hadFocus.current && onSet(row.id, colId, cycle(v))}
                    style={peerStyle(peers)}
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
        })}
      </tbody>
    </GridFrame>
  );
}
