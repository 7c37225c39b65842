/**
 * Pure logic behind the Schedule section: which rows show (hierarchy, collapsed summaries, deliverable
 * grouping), what one drag or grid edit changes (the task, the dependents it pushes, the summaries
 * above), and the frappe-gantt task objects with names escaped. No DOM, no React: tested on its own.
 */
import { shiftDependents, rollUpChanges, summaryTaskIds, type DateChange } from "@/lib/plan/schedule";
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
  /** Deliverable heading this row starts, when grouping by deliverable. */
  group?: { id: string | null; name: string };
}

/**
 * Tasks in display order: each summary followed by its children (by `order`), children of collapsed
 * summaries left out. Grouped by deliverable, top-level tasks are ordered by deliverable (in the
 * deliverables' order, tasks without one last) and the first row of each group carries its heading.
 */
export function visibleRows(
  tasks: readonly Task[],
  collapsed: ReadonlySet<string>,
  group?: { deliverables: readonly { id: string; name: string }[] },
): Row[] {
  const ids = new Set(tasks.map((t) => t.id));
  const summaries = summaryTaskIds(tasks);
  const children = new Map<string | null, Task[]>();
  for (const t of tasks) {
    const parent = t.parentId && t.parentId !== t.id && ids.has(t.parentId) ? t.parentId : null;
    const list = children.get(parent);
    if (list) list.push(t);
    else children.set(parent, [t]);
  }
  for (const list of children.values()) list.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  let roots = children.get(null) ?? [];
  const rank = new Map(group?.deliverables.map((d, i) => [d.id, i]));
  if (group)
    roots = [...roots].sort(
      (a, b) => (rank.get(a.deliverableId ?? "") ?? 1e9) - (rank.get(b.deliverableId ?? "") ?? 1e9),
    );
  const out: Row[] = [];
  const seen = new Set<string>();
  const walk = (t: Task, depth: number, hidden = false) => {
    if (seen.has(t.id)) return; // a parent loop is cut where it closes
    seen.add(t.id);
    if (!hidden) out.push({ task: t, depth, isSummary: summaries.has(t.id) });
    for (const c of children.get(t.id) ?? []) walk(c, depth + 1, hidden || collapsed.has(t.id));
  };
  let lastGroup: string | null | undefined = undefined;
  for (const r of roots) {
    const at = out.length;
    walk(r, 0);
    if (group && out[at] && r.deliverableId !== lastGroup) {
      lastGroup = r.deliverableId && rank.has(r.deliverableId) ? r.deliverableId : null;
      out[at]!.group = {
        id: lastGroup,
        name: lastGroup ? group.deliverables[rank.get(lastGroup)!]!.name : "No deliverable",
      };
    }
  }
  // Rows caught in a parent loop have no root: show them at the top level rather than lose them.
  for (const t of tasks) if (!seen.has(t.id)) walk(t, 0);
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
