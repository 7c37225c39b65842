import type { FocusEvent, KeyboardEvent, ReactNode, RefObject } from "react";
import { RowWindowNote } from "./row-window";

/**
 * The frame of a spreadsheet-like grid (RACI grid, risk register): the note while its rows are
 * windowed, a scroller that keeps a wide grid inside its section, and the `role="grid"` table with
 * the grid's keyboard and focus handlers. The grid draws its header and rows as children.
 */
export function GridFrame({
  label,
  editable,
  shown,
  total,
  noun,
  tableRef,
  onKeyDown,
  onFocus,
  onBlur,
  children,
}: {
  label: string;
  editable: boolean;
  /** Rows drawn now, of `total` (see useRowWindow), and what they are called in the note. */
  shown: number;
  total: number;
  noun: string;
  tableRef: RefObject<HTMLTableElement | null>;
  onKeyDown: (e: KeyboardEvent<HTMLTableElement>) => void;
  onFocus: (e: FocusEvent<HTMLTableElement>) => void;
  onBlur: (e: FocusEvent<HTMLTableElement>) => void;
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
          onKeyDown={onKeyDown}
          onFocus={onFocus}
          onBlur={onBlur}
          className="w-full border-collapse text-sm"
        >
          {children}
        </table>
      </div>
    </>
  );
}
