import type { ReactNode } from "react";

/** A column: its name, or its name and the classes its cell adds (width, alignment). */
export type ColumnHead = ReactNode | { label: ReactNode; className?: string };

/**
 * A table's header row from its columns' names. `cell` is every header cell's look, `row` the row's;
 * `actions` adds a last column, named for assistive technology only, over rows' action buttons.
 */
export function ColumnHeads({
  columns,
  cell,
  row,
  actions = false,
}: {
  columns: readonly ColumnHead[];
  cell?: string;
  row?: string;
  actions?: boolean;
}) {
  return (
    <thead>
      <tr className={row}>
        {columns.map((c, i) => {
          const { label, className } =
            c !== null && typeof c === "object" && "label" in c ? c : { label: c, className: undefined };
          return (
            <th key={i} scope="col" className={[cell, className].filter(Boolean).join(" ") || undefined}>
              {label}
            </th>
          );
        })}
        {actions && (
          <th scope="col" className="py-1">
            <span className="sr-only">Actions</span>
          </th>
        )}
      </tr>
    </thead>
  );
}
