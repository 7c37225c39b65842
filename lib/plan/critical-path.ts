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

/** The latest finish a link lets its predecessor (of duration d) have, given the successor's span. */
function latestFinish(link: Dependency, succ: Span, d: number): number {
  switch (link.type) {
    case "FS":
      return succ.start - link.lag;
    case "SS":
      return succ.start - link.lag + d;
    case "FF":
      return succ.finish - link.lag;
    case "SF":
      return succ.finish - link.lag + d;
  }
}

/** Early/late dates, slack and the critical tasks of a plan. */
export function criticalPath(
  tasks: readonly Task[],
  deps: readonly Dependency[],
  calendar: WorkingCalendar,
): CriticalPathResult {
  const g = scheduleGraph(tasks, deps, calendar);
  const incoming = new Map<string, Dependency[]>();
  const outgoing = new Map<string, Dependency[]>();
  for (const d of g.links) {
    appendTo(incoming, d.to, d);
    appendTo(outgoing, d.from, d);
  }
  const duration = (id: string) => {
    const s = g.spans.get(id)!;
    return s.finish - s.start;
  };

  const early = new Map<string, Span>();
  let end = -Infinity;
  for (const id of g.order) {
    const d = duration(id);
    let start = g.spans.get(id)!.start;
    const links = incoming.get(id);
    if (links)
      for (const link of links) {
        const b = linkBound(link, early.get(link.from)!);
        start = Math.max(start, b.on === "start" ? b.pos : b.pos - d);
      }
    early.set(id, { start, finish: start + d });
    if (start + d > end) end = start + d;
  }
  if (early.size === 0) return { timings: new Map(), criticalTaskIds: [], endDate: null, cycle: g.cycle };

  const late = new Map<string, Span>();
  for (let i = g.order.length - 1; i >= 0; i--) {
    const id = g.order[i]!;
    const d = duration(id);
    let finish = end;
    const links = outgoing.get(id);
    if (links)
      for (const link of links) {
        const s = late.get(link.to)!;
        finish = Math.min(finish, latestFinish(link, s, d));
      }
    late.set(id, { start: finish - d, finish });
  }

  const timings = new Map<string, TaskTiming>();
  for (const id of g.order) {
    const kind = g.tasks.get(id)!.kind;
    const e = datesOf(kind, early.get(id)!, g.wt);
    const l = datesOf(kind, late.get(id)!, g.wt);
    const totalSlack = late.get(id)!.start - early.get(id)!.start;
    timings.set(id, {
      earlyStart: e.start,
      earlyFinish: e.end,
      lateStart: l.start,
      lateFinish: l.end,
      totalSlack,
      critical: totalSlack <= 0,
    });
  }
  return {
    timings,
    criticalTaskIds: g.order.filter((id) => timings.get(id)!.critical),
    endDate: g.wt.dateAtFinish(end),
    cycle: g.cycle,
  };
}
