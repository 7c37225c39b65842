/**
 * Critical path method over the plan's links (FS/SS/FF/SF with lags) on the working calendar.
 *
 * The forward pass starts each task no earlier than where it is drawn (a live plan's dates are
 * commitments, not suggestions) and no earlier than its links allow; the backward pass runs from the
 * plan's end. Slack is therefore "how many working days this task can still slip, from where it is,
 * before the plan's end moves". Summary and undated tasks take no part; a loop's closing link is left out.
 */
import type { Dependency, ISODate, Task, WorkingCalendar } from "./types";
import { appendTo, linkBound, scheduleGraph } from "./schedule";
import { datesOf, type Span } from "./work-time";

export interface TaskTiming {
  earlyStart: ISODate;
  earlyFinish: ISODate;
  lateStart: ISODate;
  lateFinish: ISODate;
  /** Working days the task can slip without moving the plan's end. */
  totalSlack: number;
  critical: boolean;
}

export interface CriticalPathResult {
  timings: Map<string, TaskTiming>;
  /** Critical tasks, predecessors before successors. */
  criticalTaskIds: string[];
  /** The plan's end date (latest early finish), or null when no task is dated. */
  endDate: ISODate | null;
  /** A loop found in the links (left out of the computation), or null. */
  cycle: string[] | null;
}

/** Early/late dates, slack and the critical tasks of a plan. */
export function criticalPath(tasks: readonly Task[], deps: readonly Dependency[], calendar: WorkingCalendar): CriticalPathResult {
  const g = scheduleGraph(tasks, deps, calendar);
  const incoming = new Map<string, Dependency[]>();
  const outgoing = new Map<string, Dependency[]>();
  for (const d of g.links) {
    appendTo(incoming, d.to, d);
    appendTo(outgoing, d.from, d);
  }
  const duration = (id: string) => g.spans.get(id)!.finish - g.spans.get(id)!.start;

  const early = new Map<string, Span>();
  for (const id of g.order) {
    const d = duration(id);
    let start = g.spans.get(id)!.start;
    for (const link of incoming.get(id) ?? []) {
      const b = linkBound(link, early.get(link.from)!);
      start = Math.max(start, b.on === "start" ? b.pos : b.pos - d);
    }
    early.set(id, { start, finish: start + d });
  }
  if (early.size === 0) return { timings: new Map(), criticalTaskIds: [], endDate: null, cycle: g.cycle };
  const end = Math.max(...[...early.values()].map((s) => s.finish));

  const late = new Map<string, Span>();
  for (const id of [...g.order].reverse()) {
    const d = duration(id);
    let finish = end;
    for (const link of outgoing.get(id) ?? []) {
      const s = late.get(link.to)!;
      const limit = { FS: s.start - link.lag, SS: s.start - link.lag + d, FF: s.finish - link.lag, SF: s.finish - link.lag + d }[link.type];
      finish = Math.min(finish, limit);
    }
    late.set(id, { start: finish - d, finish });
  }

  const timings = new Map<string, TaskTiming>();
  for (const id of g.order) {
    const kind = g.tasks.get(id)!.kind;
    const e = datesOf(kind, early.get(id)!, g.wt);
    const l = datesOf(kind, late.get(id)!, g.wt);
    const totalSlack = late.get(id)!.start - early.get(id)!.start;
    timings.set(id, { earlyStart: e.start, earlyFinish: e.end, lateStart: l.start, lateFinish: l.end, totalSlack, critical: totalSlack <= 0 });
  }
  return {
    timings,
    criticalTaskIds: g.order.filter((id) => timings.get(id)!.critical),
    endDate: g.wt.dateAtFinish(end),
    cycle: g.cycle,
  };
}
