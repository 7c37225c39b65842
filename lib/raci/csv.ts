/** The RACI grid as CSV (papaparse): one row per task or deliverable, one column per person or role. */
import Papa from "papaparse";
import { raciProblems, raciRows } from "@/lib/plan/raci";
import type { Deliverable, RaciCell, RaciColumn, Task } from "@/lib/plan/types";
import { cellIndex, columnLabel } from "./cells";

export function raciCsv(input: {
  tasks: readonly Task[];
  deliverables: readonly Deliverable[];
  columns: readonly RaciColumn[];
  cells: readonly RaciCell[];
  memberName: (userId: string) => string | null;
}): string {
  const rows = raciRows(input.tasks, input.deliverables);
  // Problems name member columns after the member's current name, like the header does.
  const columns = [...input.columns]
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
    .map((c) => ({ ...c, name: columnLabel(c, input.memberName) }));
  const at = cellIndex(input.cells);
  const problems = new Map(
    raciProblems(rows, columns, input.cells).map((p) => [p.rowId, p.problems.map((x) => x.message).join(" ")]),
  );
  const fields = ["Kind", "Name", ...columns.map((c) => c.name), "Problems"];
  const data = rows.map((r) => [
    r.kind === "task" ? "Task" : "Deliverable",
    r.name,
    ...columns.map((c) => at.get(`${r.id}:${c.id}`) ?? ""),
    problems.get(r.id) ?? "",
  ]);
  return Papa.unparse({ fields, data }, { escapeFormulae: true, newline: "\r\n" });
}
