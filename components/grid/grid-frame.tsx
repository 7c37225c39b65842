"use client";

import { useCallback, useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from "react";
import type { CellPos } from "./grid-nav";
import { RowWindowNote } from "./row-window";

/** A cell's address in the drawn grid, its `data-cell`: row and column index (ids would be two UUIDs per cell). */
export const cellId = (row: number, col: number) => `${row}:${col}`;

function cellOf(target: EventTarget | null): CellPos | null {
  const key = (target as HTMLElement | null)?.closest?.("[data-cell]")?.getAttribute("data-cell");
  if (!key) return null;
  const [row, col] = key.split(":").map(Number) as [number, number];
  return { row, col };
}

/**
 * Focus the cell at `pos` after the render that follows a call of the returned function (a keyboard
 * move, a finished edit); `paused` holds it back while an editor has the focus.
 */
export function useFocusCell(tableRef: RefObject<HTMLTableElement | null>, pos: CellPos, paused = false) {
  const wanted = useRef(false);
  useEffect(() => {
    if (!wanted.current || paused) return;
    wanted.current = false;
    tableRef.current?.querySelector<HTMLElement>(`[data-cell="${cellId(pos.row, pos.col)}"]`)?.focus();
  });
  return useCallback(() => {
    wanted.current = true;
  }, []);
}

/**
 * The frame of a spreadsheet-like grid (RACI grid, risk register): the note while its rows are
 * windowed, a scroller that keeps a wide grid inside its section, and the `role="grid"` table. Keys
 * pressed on a cell go to `onCellKey` (Tab excepted: it leaves the grid), the cell that takes the
 * focus to `onCellFocus`, and `onLeave` is called when the focus leaves the grid. The grid draws its
 * header and rows as children, each cell marked with `data-cell={cellId(row, col)}`.
 */
export function GridFrame({
  label,
  editable,
  shown,
  total,
  noun,
  tableRef,
  onCellKey,
  onCellFocus,
  onLeave,
  children,
}: {
  label: string;
  editable: boolean;
  /** Rows drawn now, of `total` (see useRowWindow), and what they are called in the note. */
  shown: number;
  total: number;
  noun: string;
  tableRef: RefObject<HTMLTableElement | null>;
  onCellKey: (e: KeyboardEvent<HTMLTableElement>) => void;
  onCellFocus: (cell: CellPos) => void;
  onLeave: () => void;
  children: ReactNode;
}) {
  return (
    <>
      <RowWindowNote shown={shown} total={total} noun={noun} />
      {/* contain: the grid scrolls inside the section instead of widening the page. */}
      <div className="mt-3 overflow-x-auto rounded-md border border-slate-200 [contain:inline-size]">
        <table
          ref={tableRef}
          role="grid"
          aria-label={label}
          aria-readonly={!editable || undefined}
          onKeyDown={(e) => e.key !== "Tab" && cellOf(e.target) && onCellKey(e)}
          onFocus={(e) => {
            const cell = cellOf(e.target);
            if (cell) onCellFocus(cell);
          }}
          onBlur={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && onLeave()}
          className="w-full border-collapse text-sm"
        >
          {children}
        </table>
      </div>
    </>
  );
}
