/**
 * CSV export and import of a plan's schedule (papaparse). One row per task:
 *
 *   WBS, Name, Kind, Start, End, Duration, Progress, Parent, Deliverable, Assignee, Predecessors
 *
 * WBS is the work breakdown number of the derived tree (lib/plan/tree.ts; rows are written in tree
 * order); import ignores it and takes the hierarchy from Parent.
 * Parent, Deliverable and Assignee are names; Predecessors lists task names with the link kind and
 * lag in brackets, separated by semicolons: `Design [FS]; Build [SS+2]`. Import validates every row
 * with the same rules as the editors and returns the rows to write plus, per refused row, why.
 * Pure: ids come from the caller, nothing is written here.
 */
import Papa from "papaparse";
import { blankRow } from "@/lib/doc/write";
import { addWorkingDays } from "@/lib/plan/calendar";
import { isISODate } from "@/lib/plan/dates";
import { refuseDependency, taskDuration } from "@/lib/plan/schedule";
import { buildTree, inTreeOrder } from "@/lib/plan/tree";
import type { Dependency, DependencyType, Task, TaskKind, WorkingCalendar } from "@/lib/plan/types";
import { dependencySchema, taskSchema } from "@/lib/plan/validation";

export const CSV_COLUMNS = [
  "WBS",
  "Name",
  "Kind",
  "Start",
  "End",
  "Duration",
  "Progress",
  "Parent",
  "Deliverable",
  "Assignee",
  "Predecessors",
] as const;
const KINDS: TaskKind[] = ["task", "milestone", "buffer"];
const TYPES: DependencyType[] = ["FS", "SS", "FF", "SF"];
/** Rows beyond this are refused as a whole file: a guard against pasting something else. */
export const CSV_MAX_ROWS = 5000;

type Named = { id: string; name: string };

/** Spreadsheet apps run cells starting with these as formulas; a leading quote keeps them text. */
export const guardFormula = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
const unguard = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

export function formatPredecessor(name: string, type: DependencyType, lag: number): string {
  return `${name} [${type}${lag === 0 ? "" : lag > 0 ? `+${lag}` : lag}]`;
}

/** The schedule as CSV text, tasks in tree order (each summary before its subtasks). */
export function scheduleToCsv(input: {
  tasks: readonly Task[];
  dependencies: readonly Dependency[];
  deliverables: readonly Named[];
  nameOf: (id: string | null) => string | null;
  calendar: WorkingCalendar;
}): string {
  const byId = new Map(input.tasks.map((t) => [t.id, t]));
  const deliverables = new Map(input.deliverables.map((d) => [d.id, d.name]));
  const preds = new Map<string, string[]>();
  for (const d of input.dependencies) {
    const from = byId.get(d.from);
    if (!from || !byId.has(d.to)) continue;
    preds.set(d.to, [...(preds.get(d.to) ?? []), formatPredecessor(from.name, d.type, d.lag)]);
  }
  const tree = buildTree(input.tasks);
  const rows = inTreeOrder(input.tasks, tree).map((t) =>
    [
      tree.wbs.get(t.id)!,
      t.name,
      t.kind,
      t.start ?? "",
      t.end ?? "",
      t.start && t.end ? String(taskDuration(t, input.calendar)) : "",
      String(Math.round(t.progress * 100) / 100),
      (t.parentId && byId.get(t.parentId)?.name) || "",
      (t.deliverableId && deliverables.get(t.deliverableId)) || "",
      input.nameOf(t.assigneeId) ?? "",
      (preds.get(t.id) ?? []).join("; "),
    ].map(guardFormula),
  );
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { quotes: false, newline: "\r\n" });
}

export interface RefusedRow {
  /** Row number in the file, the header being row 1. */
  row: number;
  name: string;
  reasons: string[];
  /** True when the task itself was imported and only some of its links were refused. */
  imported: boolean;
}

export interface CsvImport {
  tasks: Task[];
  dependencies: Dependency[];
  refused: RefusedRow[];
  /** A problem with the file as a whole (no header, too many rows); nothing is imported then. */
  fileError: string | null;
}

export interface ImportContext {
  existingTasks: readonly Task[];
  existingDependencies: readonly Dependency[];
  deliverables: readonly Named[];
  /** Members and resources an Assignee may name. */
  people: readonly Named[];
  calendar: WorkingCalendar;
  newId: () => string;
  /** Order of the first imported task; the rest follow by 1. */
  firstOrder: number;
}

const norm = (s: string) => s.trim().toLowerCase();
const PRED = /^(.*?)\s*(?:\[\s*(FS|SS|FF|SF)\s*([+-]\s*\d+)?\s*\])?$/i;

/** Parses `Design [FS+2]` into a name, a link kind and a lag; a bare name is finish-to-start. */
export function parsePredecessor(text: string): { name: string; type: DependencyType; lag: number } | null {
  const m = PRED.exec(text.trim());
  if (!m || !m[1]) return null;
  const type = (m[2]?.toUpperCase() ?? "FS") as DependencyType;
  return {
    name: m[1].trim(),
    type: TYPES.includes(type) ? type : "FS",
    lag: m[3] ? Number(m[3].replace(/\s/g, "")) : 0,
  };
}

/** Reads a CSV of tasks; every row is checked on its own, and a refused row is reported, not written. */
export function parseScheduleCsv(text: string, ctx: ImportContext): CsvImport {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim(),
  });
  return importScheduleRecords(parsed.meta.fields ?? [], parsed.data, ctx);
}

/**
 * The rows of any tabular schedule file (CSV, a spreadsheet's first sheet, MS Project XML read into
 * the same columns), checked row by row. `fields` are the header names; row numbers start at 2.
 */
export function importScheduleRecords(
  fields: readonly string[],
  records: readonly Record<string, string>[],
  ctx: ImportContext,
): CsvImport {
  const empty = (fileError: string): CsvImport => ({ tasks: [], dependencies: [], refused: [], fileError });
  if (!fields.map(norm).includes("name"))
    return empty("The file needs a header row with at least a “Name” column (see the export for every column).");
  if (records.length > CSV_MAX_ROWS)
    return empty(`The file has ${records.length} rows; at most ${CSV_MAX_ROWS} can be imported at once.`);

  const cell = (r: Record<string, string>, col: string) => {
    const key = Object.keys(r).find((k) => norm(k) === norm(col));
    return unguard((key ? (r[key] ?? "") : "").trim());
  };
  const deliverables = new Map(ctx.deliverables.map((d) => [norm(d.name), d.id]));
  const people = new Map(ctx.people.map((p) => [norm(p.name), p.id]));
  const existing = new Map(ctx.existingTasks.map((t) => [norm(t.name), t]));

  // First pass: names of this file, so Parent and Predecessors may refer to any row of it.
  const fileIds = new Map<string, string>();
  const rows = records.map((r, i) => {
    const id = ctx.newId();
    const name = cell(r, "Name");
    if (name && !fileIds.has(norm(name))) fileIds.set(norm(name), id);
    return { r, i, id, name };
  });
  const idOfName = (name: string) => fileIds.get(norm(name)) ?? existing.get(norm(name))?.id ?? null;

  const refused: RefusedRow[] = [];
  const accepted: { task: Task; row: number; preds: string }[] = [];
  for (const { r, i, id, name } of rows) {
    const reasons: string[] = [];
    const rowNo = i + 2;
    if (!name) reasons.push("The name is empty.");
    if (name && fileIds.get(norm(name)) !== id) reasons.push(`Another row of the file is already named “${name}”.`);
    const kindText = norm(cell(r, "Kind")) || "task";
    const kind = KINDS.find((k) => k === kindText);
    if (!kind) reasons.push(`Kind must be task, milestone or buffer, not “${cell(r, "Kind")}”.`);
    let start: string | null = cell(r, "Start") || null;
    let end: string | null = cell(r, "End") || null;
    const durationText = cell(r, "Duration");
    if (start && !isISODate(start)) reasons.push(`Start “${start}” is not a date written YYYY-MM-DD.`);
    if (end && !isISODate(end)) reasons.push(`End “${end}” is not a date written YYYY-MM-DD.`);
    if (kind === "milestone" && start && !end) end = start;
    if (kind === "milestone" && end && !start) start = end;
    if (start && !end && durationText && isISODate(start)) {
      const n = Number(durationText);
      if (!Number.isInteger(n) || n < 1 || n > 3650)
        reasons.push(`Duration must be a whole number of working days from 1 to 3650, not “${durationText}”.`);
      else end = addWorkingDays(start, n - 1, ctx.calendar);
    }
    if (Boolean(start) !== Boolean(end) && reasons.length === 0)
      reasons.push("Give both a start and an end (or a start and a duration).");
    const progressText = cell(r, "Progress").replace(/%$/, "");
    const progress = progressText === "" ? 0 : Number(progressText);
    const parentName = cell(r, "Parent");
    const parentId = parentName ? idOfName(parentName) : null;
    if (parentName && !parentId) reasons.push(`No task named “${parentName}” to be the parent.`);
    if (parentId === id) reasons.push("A task cannot be its own parent.");
    const deliverableName = cell(r, "Deliverable");
    const deliverableId = deliverableName ? (deliverables.get(norm(deliverableName)) ?? null) : null;
    if (deliverableName && !deliverableId) reasons.push(`No deliverable named “${deliverableName}”.`);
    const assigneeName = cell(r, "Assignee");
    const assigneeId = assigneeName ? (people.get(norm(assigneeName)) ?? null) : null;
    if (assigneeName && !assigneeId) reasons.push(`No member or resource named “${assigneeName}”.`);
    const task: Task = {
      ...blankRow("tasks", id),
      name,
      kind: kind ?? "task",
      start,
      end,
      progress,
      parentId,
      deliverableId,
      assigneeId,
      order: ctx.firstOrder + i,
    };
    if (reasons.length === 0) {
      const check = taskSchema.safeParse(task);
      if (!check.success) reasons.push(...new Set(check.error.issues.map((x) => x.message)));
    }
    if (reasons.length) refused.push({ row: rowNo, name, reasons, imported: false });
    else accepted.push({ task, row: rowNo, preds: cell(r, "Predecessors") });
  }

  // Links last: both ends must be accepted (or already in the plan), and no link may close a loop.
  const acceptedIds = new Set(accepted.map((a) => a.task.id));
  const allTasks = [...ctx.existingTasks, ...accepted.map((a) => a.task)];
  const deps: Dependency[] = [];
  const linkProblems = new Map<number, string[]>();
  for (const a of accepted) {
    for (const part of a.preds
      .split(";")
      .map((s) => s.trim())
      .filter(Boolean)) {
      const p = parsePredecessor(part);
      const fromId = p ? idOfName(p.name) : null;
      const problem = (msg: string) => linkProblems.set(a.row, [...(linkProblems.get(a.row) ?? []), msg]);
      if (!p) {
        problem(`Predecessor “${part}” is not written like “Design [FS+2]”.`);
        continue;
      }
      if (!fromId || (fileIds.has(norm(p.name)) && !acceptedIds.has(fromId))) {
        problem(`Predecessor “${p.name}” is not a task of the plan or of the imported rows.`);
        continue;
      }
      const dep = { id: ctx.newId(), from: fromId, to: a.task.id, type: p.type, lag: p.lag };
      const checked = dependencySchema.safeParse(dep);
      const refusal = checked.success
        ? refuseDependency([...ctx.existingDependencies, ...deps], allTasks, dep)
        : checked.error.issues[0]!.message;
      if (refusal) problem(`Link from “${p.name}” refused: ${refusal}`);
      else deps.push(dep);
    }
  }
  // A row whose links were refused is still imported, but reported so the person can add them by hand.
  for (const [row, reasons] of linkProblems) {
    refused.push({ row, name: accepted.find((a) => a.row === row)!.task.name, reasons, imported: true });
  }
  refused.sort((a, b) => a.row - b.row);
  const tasks = accepted.map((a) => a.task);
  return { tasks, dependencies: deps, refused, fileError: null };
}
