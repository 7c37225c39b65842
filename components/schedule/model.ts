/**
 * Pure logic behind the Schedule section: which rows show (hierarchy, collapsed summaries, deliverable
 * grouping), what one drag or grid edit changes (the task, the dependents it pushes, the summaries
 * above), and the frappe-gantt task objects with names escaped. No DOM, no React: tested on its own.
 */
import { shiftDependents, rollUpChanges, rollUpSummaries, type DateChange } from "@/lib/plan/schedule";
import { buildTree, type TaskTree } from "@/lib/plan/tree";
import { addDays, compareDates, isISODate } from "@/lib/plan/dates";
import type { Dependency, ISODate, Task, WorkingCalendar } from "@/lib/plan/types";

/** HTML-escapes text that frappe-gantt will put into innerHTML (bar labels). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export interface Row {
  task: Task;
  depth: number;
  isSummary: boolean;
  /** Work breakdown number from the derived tree (1, 1.2, 1.2.3). */
  wbs: string;
  /** Deliverable heading this row starts, when grouping by deliverable. */
  group?: { id: string | null; name: string };
}

/**
 * Tasks in display order: the derived tree (lib/plan/tree.ts) depth first, children of collapsed
 * summaries left out. Grouped by deliverable, top-level tasks are ordered by deliverable (in the
 * deliverables' order, tasks without one last) and the first row of each group carries its heading.
 */
export function visibleRows(
  tasks: readonly Task[],
  collapsed: ReadonlySet<string>,
  group?: { deliverables: readonly { id: string; name: string }[] },
  tree: TaskTree = buildTree(tasks),
): Row[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  let roots = tree.children.get(null) ?? [];
  const rank = new Map(group?.deliverables.map((d, i) => [d.id, i]));
  const rankOf = (id: string) => rank.get(byId.get(id)!.deliverableId ?? "") ?? 1e9;
  if (group) roots = [...roots].sort((a, b) => rankOf(a) - rankOf(b));
  const out: Row[] = [];
  const walk = (id: string) => {
    const kids = tree.children.get(id) ?? [];
    out.push({ task: byId.get(id)!, depth: tree.depth.get(id)!, isSummary: kids.length > 0, wbs: tree.wbs.get(id)! });
    if (!collapsed.has(id)) for (const c of kids) walk(c);
  };
  let lastGroup: string | null | undefined = undefined;
  for (const r of roots) {
    const at = out.length;
    walk(r);
    const deliverableId = byId.get(r)!.deliverableId;
    if (group && deliverableId !== lastGroup) {
      lastGroup = deliverableId && rank.has(deliverableId) ? deliverableId : null;
      out[at]!.group = {
        id: lastGroup,
        name: lastGroup ? group.deliverables[rank.get(lastGroup)!]!.name : "No deliverable",
      };
    }
  }
  return out;
}

export type TaskPatch = Partial<Pick<Task, "start" | "end" | "progress">>;

/**
 * Everything one edit of a task's dates or progress changes, to write in one transaction (one undo
 * step): the task itself, the dependents whose links it now breaks (lib/plan shiftDependents), and
 * the summary tasks above whose roll-up moved.
 */
export function editChanges(
  tasks: readonly Task[],
  deps: readonly Dependency[],
  calendar: WorkingCalendar,
  id: string,
  patch: TaskPatch,
): { id: string; patch: TaskPatch }[] {
  const current = tasks.find((t) => t.id === id);
  if (!current) return [];
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const out = new Map<string, TaskPatch>([[id, patch]]);
  byId.set(id, { ...current, ...patch });
  const datesMoved =
    (patch.start !== undefined && patch.start !== current.start) ||
    (patch.end !== undefined && patch.end !== current.end);
  if (datesMoved) {
    const shifted: DateChange[] = shiftDependents([...byId.values()], deps, calendar, id);
    for (const c of shifted) {
      out.set(c.id, { ...out.get(c.id), start: c.start, end: c.end });
      byId.set(c.id, { ...byId.get(c.id)!, start: c.start, end: c.end });
    }
  }
  for (const r of rollUpChanges([...byId.values()], calendar)) {
    out.set(r.id, { ...out.get(r.id), start: r.start, end: r.end, progress: Math.round(r.progress * 100) / 100 });
  }
  return [...out].map(([tid, p]) => ({ id: tid, patch: p }));
}

/** A calendar date as the local-midnight Date that frappe-gantt expects (it works in local time). */
export function toLocalDate(date: ISODate): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/**
 * The calendar date a frappe-gantt Date stands for. Its dates are local instants that may sit an hour
 * off midnight after a daylight-saving change, so the nearest local midnight is taken.
 */
export function fromLocalDate(date: Date): ISODate {
  const near = new Date(date.getTime() + 12 * 3600_000);
  const y = near.getFullYear();
  const m = near.getMonth() + 1;
  const d = near.getDate();
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The last day of a frappe-gantt end (it reports an exclusive end less one second). */
export function lastDayOf(end: Date): ISODate {
  return addDays(fromLocalDate(new Date(end.getTime() + 1000)), -1);
}

/** What frappe-gantt draws for a row. */
export interface GanttTask {
  id: string;
  /** Escaped: frappe-gantt writes it into innerHTML. */
  name: string;
  start: ISODate;
  end: ISODate;
  progress: number;
  dependencies: string;
  custom_class: string;
}

export interface BarDecor {
  critical: ReadonlySet<string>;
  /** Ids of tasks linked to at least one risk. */
  risky: ReadonlySet<string>;
  /** Days late against the shown baseline, per task. */
  late: ReadonlyMap<string, number>;
}

/**
 * frappe-gantt tasks for the visible rows. Undated rows get an invisible placeholder bar so the
 * timeline keeps one row per grid row. Links are drawn only between visible, dated tasks.
 */
export function toGanttTasks(
  rows: readonly Row[],
  deps: readonly Dependency[],
  decor: BarDecor,
  fallbackDate: ISODate,
): GanttTask[] {
  const visible = new Set(rows.filter((r) => r.task.start && r.task.end).map((r) => r.task.id));
  const preds = new Map<string, string[]>();
  for (const d of deps) {
    if (!visible.has(d.from) || !visible.has(d.to)) continue;
    const list = preds.get(d.to);
    if (list) list.push(d.from);
    else preds.set(d.to, [d.from]);
  }
  return rows.map(({ task: t, isSummary }) => {
    const dated = Boolean(
      t.start && t.end && isISODate(t.start) && isISODate(t.end) && compareDates(t.end, t.start) >= 0,
    );
    const classes = [
      `kind-${t.kind}`,
      isSummary ? "is-summary" : "",
      decor.critical.has(t.id) ? "is-critical" : "",
      decor.risky.has(t.id) ? "has-risk" : "",
      (decor.late.get(t.id) ?? 0) > 0 ? "is-late" : "",
      dated ? "" : "is-undated",
    ].filter(Boolean);
    const label = escapeHtml(t.name.trim() || "Untitled task") + (decor.risky.has(t.id) ? " ⚠" : "");
    return {
      id: t.id,
      name: label,
      // One class token: frappe-gantt adds it with classList.add, which refuses spaces.
      start: dated ? t.start! : fallbackDate,
      end: dated ? t.end! : fallbackDate,
      progress: t.kind === "task" || isSummary ? t.progress : 0,
      dependencies: (preds.get(t.id) ?? []).join(","),
      custom_class: ["pw", ...classes].join("__"),
    };
  });
}

/**
 * Tasks as the schedule shows them: each summary with its children's rolled-up dates and progress
 * (computed, so they are right even before anyone writes the roll-up back), its own dates kept when
 * no child has any. Other tasks keep their objects, so memoised rows stay as they are.
 */
export function withRollUps(tasks: readonly Task[], calendar: WorkingCalendar): Task[] {
  const rollups = rollUpSummaries(tasks, calendar);
  if (rollups.size === 0) return tasks as Task[];
  return tasks.map((t) => {
    const r = rollups.get(t.id);
    if (!r) return t;
    const dated = r.start !== null || r.end !== null;
    const next = {
      start: dated ? r.start : t.start,
      end: dated ? r.end : t.end,
      progress: Math.round(r.progress * 100) / 100,
    };
    return next.start === t.start && next.end === t.end && next.progress === t.progress ? t : { ...t, ...next };
  });
}
