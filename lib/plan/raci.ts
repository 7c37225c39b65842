/**
 * RACI rules: every row (a task or a deliverable) has exactly one Accountable and at least one
 * Responsible; each column's load is its count of R and A.
 */
import type { Deliverable, RaciCell, RaciColumn, Task } from "./types";

export const DEFAULT_OVERLOAD_THRESHOLD = 5;

export interface RaciRow {
  id: string;
  kind: "task" | "deliverable";
  name: string;
}

/** The grid's rows: the plan's tasks, then its deliverables. */
export function raciRows(tasks: readonly Task[], deliverables: readonly Deliverable[]): RaciRow[] {
  return [
    ...tasks.map((t): RaciRow => ({ id: t.id, kind: "task", name: t.name })),
    ...deliverables.map((d): RaciRow => ({ id: d.id, kind: "deliverable", name: d.name })),
  ];
}

export interface RaciProblem {
  rule: "one-accountable" | "responsible";
  message: string;
}

const columnName = (c: RaciColumn) => c.name.trim() || "Unnamed";

/** What is wrong with one row, worded for the margin of the grid; empty when the row is fine. */
export function raciRowProblems(
  rowId: string,
  columns: readonly RaciColumn[],
  cells: readonly RaciCell[],
): RaciProblem[] {
  return rowProblems(
    new Map(columns.map((c) => [c.id, c])),
    cells.filter((c) => c.rowId === rowId),
  );
}

function rowProblems(byId: ReadonlyMap<string, RaciColumn>, rowCells: readonly RaciCell[]): RaciProblem[] {
  const mine = rowCells.filter((c) => byId.has(c.columnId));
  const accountable = mine.filter((c) => c.value === "A").map((c) => byId.get(c.columnId)!);
  const problems: RaciProblem[] = [];
  if (accountable.length === 0) {
    problems.push({ rule: "one-accountable", message: "No one is Accountable: exactly one must be." });
  } else if (accountable.length > 1) {
    const names = accountable.map(columnName).join(", ");
    problems.push({
      rule: "one-accountable",
      message: `${accountable.length} are Accountable (${names}): exactly one must be.`,
    });
  }
  if (!mine.some((c) => c.value === "R")) {
    problems.push({ rule: "responsible", message: "No one is Responsible: at least one must be." });
  }
  return problems;
}

/** Every row that breaks a rule, with its reasons, in row order. */
export function raciProblems(
  rows: readonly Pick<RaciRow, "id">[],
  columns: readonly RaciColumn[],
  cells: readonly RaciCell[],
): { rowId: string; problems: RaciProblem[] }[] {
  // Cells grouped by row once: filtering every cell for every row is quadratic (1,000 rows × 15,000 cells).
  const byId = new Map(columns.map((c) => [c.id, c]));
  const byRow = new Map<string, RaciCell[]>();
  for (const cell of cells) {
    const list = byRow.get(cell.rowId);
    if (list) list.push(cell);
    else byRow.set(cell.rowId, [cell]);
  }
  return rows
    .map((r) => ({ rowId: r.id, problems: rowProblems(byId, byRow.get(r.id) ?? []) }))
    .filter((r) => r.problems.length > 0);
}

export interface ColumnLoad {
  columnId: string;
  responsible: number;
  accountable: number;
  /** responsible + accountable */
  load: number;
  overloaded: boolean;
}

/**
 * Each column's load (count of R and A) against a threshold; only rows that still exist count,
 * so a deleted task stops weighing on its people.
 */
export function columnLoads(
  columns: readonly RaciColumn[],
  cells: readonly RaciCell[],
  rows: readonly Pick<RaciRow, "id">[] | null = null,
  threshold = DEFAULT_OVERLOAD_THRESHOLD,
): ColumnLoad[] {
  const live = rows ? new Set(rows.map((r) => r.id)) : null;
  // One pass over the cells (not one per column).
  const counts = new Map(columns.map((c) => [c.id, { responsible: 0, accountable: 0 }]));
  for (const cell of cells) {
    if (cell.value !== "R" && cell.value !== "A") continue;
    const count = counts.get(cell.columnId);
    if (!count || (live && !live.has(cell.rowId))) continue;
    if (cell.value === "R") count.responsible++;
    else count.accountable++;
  }
  return columns.map((c) => {
    const { responsible, accountable } = counts.get(c.id)!;
    const load = responsible + accountable;
    return { columnId: c.id, responsible, accountable, load, overloaded: load > threshold };
  });
}
