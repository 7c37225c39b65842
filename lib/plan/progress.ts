/**
 * Progress: the plan's % complete, deliverables rolled up from their tasks, milestones hit or missed,
 * overdue tasks and KPI progress. Work is weighted by duration in working days, so a two-week task
 * done counts for more than a one-day task done.
 */
import { compareDates } from "./dates";
import { summaryTaskIds, taskDuration } from "./schedule";
import { buildTree } from "./tree";
import type { Deliverable, ISODate, Kpi, Task, WorkingCalendar } from "./types";

/** Duration-weighted progress of some leaf tasks; a plain average when none has working days; null for none. */
export function weightedProgress(leaves: readonly Task[], calendar: WorkingCalendar): number | null {
  if (leaves.length === 0) return null;
  let work = 0;
  let done = 0;
  for (const t of leaves) {
    const d = taskDuration(t, calendar);
    work += d;
    done += (d * clampPercent(t.progress)) / 100;
  }
  if (work > 0) return (100 * done) / work;
  return leaves.reduce((s, t) => s + clampPercent(t.progress), 0) / leaves.length;
}

function clampPercent(n: number): number {
  return Number.isFinite(n) ? Math.min(100, Math.max(0, n)) : 0;
}

function leavesOf(tasks: readonly Task[]): Task[] {
  const summaries = summaryTaskIds(tasks);
  return tasks.filter((t) => !summaries.has(t.id));
}

/** The plan's % complete over its leaf tasks (summaries would count their children twice); 0 for an empty plan. */
export function planPercentComplete(tasks: readonly Task[], calendar: WorkingCalendar): number {
  return weightedProgress(leavesOf(tasks), calendar) ?? 0;
}

/**
 * Progress of one deliverable from the leaf tasks that produce it — linked directly or through a linked
 * summary task; null when no task is linked.
 */
export function deliverableProgress(
  deliverableId: string,
  tasks: readonly Task[],
  calendar: WorkingCalendar,
): number | null {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const { parent } = buildTree(tasks);
  const linked = (t: Task): boolean => {
    for (let at: Task | undefined = t; at; at = byId.get(parent.get(at.id) ?? "")) {
      if (at.deliverableId === deliverableId) return true;
    }
    return false;
  };
  return weightedProgress(leavesOf(tasks).filter(linked), calendar);
}

/** Progress of every deliverable, by id. */
export function deliverablesProgress(
  deliverables: readonly Deliverable[],
  tasks: readonly Task[],
  calendar: WorkingCalendar,
): Map<string, number | null> {
  return new Map(deliverables.map((d) => [d.id, deliverableProgress(d.id, tasks, calendar)]));
}

export interface MilestoneStatus {
  /** Reached: progress 100. */
  hit: Task[];
  /** Not reached and dated before today. */
  missed: Task[];
  /** Not reached, dated today or later, soonest first. */
  upcoming: Task[];
  /** No date yet. */
  unscheduled: Task[];
}

/** Milestones sorted into hit, missed, upcoming and unscheduled, given today's date. */
export function milestoneStatus(tasks: readonly Task[], today: ISODate): MilestoneStatus {
  const status: MilestoneStatus = { hit: [], missed: [], upcoming: [], unscheduled: [] };
  const byDate = (a: Task, b: Task) => compareDates(a.end!, b.end!);
  for (const t of tasks) {
    if (t.kind !== "milestone") continue;
    if (t.progress >= 100) status.hit.push(t);
    else if (!t.end) status.unscheduled.push(t);
    else if (compareDates(t.end, today) < 0) status.missed.push(t);
    else status.upcoming.push(t);
  }
  status.missed.sort(byDate);
  status.upcoming.sort(byDate);
  return status;
}

/** Unfinished work tasks whose end date has passed, most overdue first (milestones are counted as missed instead). */
export function overdueTasks(tasks: readonly Task[], today: ISODate): Task[] {
  return leavesOf(tasks)
    .filter((t) => t.kind === "task" && t.end !== null && t.progress < 100 && compareDates(t.end, today) < 0)
    .sort((a, b) => compareDates(a.end!, b.end!));
}

/**
 * How far a KPI has come from its baseline toward its target, 0–100; works for targets below the baseline
 * (e.g. cutting costs). Null when baseline, target or current is missing, or target equals baseline.
 */
export function kpiProgress(kpi: Pick<Kpi, "baseline" | "target" | "current">): number | null {
  const { baseline, target, current } = kpi;
  if (baseline === null || target === null || current === null || target === baseline) return null;
  return Math.min(100, Math.max(0, (100 * (current - baseline)) / (target - baseline)));
}
