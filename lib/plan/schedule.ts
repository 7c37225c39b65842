/**
 * Schedule rules: task checks, dependency loops, shifting dependents and summary roll-ups.
 *
 * Links of all four kinds carry a lag in working days (negative = lead). On the working-time line of
 * work-time.ts (a task spans [start, finish); a milestone is a point at the close of its day):
 *   FS: successor start  ≥ predecessor finish + lag
 *   SS: successor start  ≥ predecessor start  + lag
 *   FF: successor finish ≥ predecessor finish + lag
 *   SF: successor finish ≥ predecessor start  + lag
 * Summary tasks (tasks that have children) take their dates from their children, so a link that touches
 * one is scheduled on the leaf tasks beneath it (`expandSummaryLinks`).
 */
import { workingDaysBetween } from "./calendar";
import { compareDates, isISODate, maxDate, minDate } from "./dates";
import type { Problem } from "./problem";
import { buildTree, summaryIds } from "./tree";
import type { Dependency, ISODate, Task, WorkingCalendar } from "./types";
import { datesOf, spanOf, workTime, type Span, type WorkTime } from "./work-time";

/** A date change for the caller to apply, all of them in one transaction (one undo step). */
export interface DateChange {
  id: string;
  start: ISODate;
  end: ISODate;
}

export type { Problem } from "./problem";

/** How a task is named in messages: in quotes, “Untitled task” when it has no name. */
export function taskLabel(task: Pick<Task, "name"> | undefined): string {
  const name = task?.name.trim();
  return `“${name || "Untitled task"}”`;
}

/** Problems with one task on its own: dates in order, progress 0–100, a milestone on one day. */
export function validateTask(task: Task): Problem[] {
  const problems: Problem[] = [];
  const startOk = task.start === null || isISODate(task.start);
  const endOk = task.end === null || isISODate(task.end);
  if (!startOk) problems.push({ field: "start", message: "The start must be a date (YYYY-MM-DD)." });
  if (!endOk) problems.push({ field: "end", message: "The end must be a date (YYYY-MM-DD)." });
  if (startOk && endOk && task.start && task.end && compareDates(task.end, task.start) < 0) {
    problems.push({ field: "end", message: "The end date cannot be before the start date." });
  }
  if (!Number.isFinite(task.progress) || task.progress < 0 || task.progress > 100) {
    problems.push({ field: "progress", message: "Progress must be between 0 and 100%." });
  }
  if (task.kind === "milestone" && task.start !== task.end) {
    problems.push({ field: "end", message: "A milestone is a single day: its start and end must be the same date." });
  }
  return problems;
}

/** Working days a task lasts, both ends included; a milestone or an undated task lasts 0. */
export function taskDuration(task: Task, calendar: WorkingCalendar): number {
  if (task.kind === "milestone" || !task.start || !task.end) return 0;
  return workingDaysBetween(task.start, task.end, calendar);
}

/** Ids of summary tasks: those with children in the derived tree (tree.ts, loops resolved). */
export function summaryTaskIds(tasks: readonly Task[]): Set<string> {
  if (!tasks.some((t) => t.parentId && t.parentId !== t.id)) return new Set();
  return summaryIds(buildTree(tasks));
}

/** Adds a value to the list kept under a key (linear, unlike spreading a copy each time). */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// ---------------------------------------------------------------------------------------------
// Loops

function successorsOf(deps: readonly Dependency[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of deps) appendTo(out, d.from, d.to);
  return out;
}

/**
 * A loop in the links, as the path of task ids that closes it (`[a, b, a]`; a task linked to itself
 * gives `[a, a]`), or null. Concurrent edits can merge two harmless links into a loop, so the rules
 * that walk the graph must survive one rather than trust that it was refused.
 */
export function findCycle(deps: readonly Dependency[]): string[] | null {
  const next = successorsOf(deps);
  const state = new Map<string, "open" | "done">();
  for (const root of next.keys()) {
    if (state.has(root)) continue;
    const path: string[] = [];
    const stack: { id: string; i: number }[] = [{ id: root, i: 0 }];
    state.set(root, "open");
    path.push(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const succ = next.get(top.id) ?? [];
      if (top.i >= succ.length) {
        state.set(top.id, "done");
        stack.pop();
        path.pop();
        continue;
      }
      const to = succ[top.i++]!;
      const s = state.get(to);
      if (s === "open") return [...path.slice(path.indexOf(to)), to];
      if (s === undefined) {
        state.set(to, "open");
        path.push(to);
        stack.push({ id: to, i: 0 });
      }
    }
  }
  return null;
}

/** The loop adding `dep` would close, as a path from its predecessor back to it, or null when it closes none. */
export function wouldCreateCycle(deps: readonly Dependency[], dep: Pick<Dependency, "from" | "to">): string[] | null {
  if (dep.from === dep.to) return [dep.from, dep.from];
  const next = successorsOf(deps);
  const cameFrom = new Map<string, string>([[dep.to, dep.to]]);
  const queue = [dep.to];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i]!;
    if (at === dep.from) {
      const back = [at];
      while (back[back.length - 1] !== dep.to) back.push(cameFrom.get(back[back.length - 1]!)!);
      return [dep.from, ...back.reverse()];
    }
    for (const to of next.get(at) ?? []) {
      if (!cameFrom.has(to)) {
        cameFrom.set(to, at);
        queue.push(to);
      }
    }
  }
  return null;
}

/** “Design” → “Build” → “Design” would make a loop. */
export function cycleMessage(path: readonly string[], tasks: readonly Task[]): string {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  return `${path.map((id) => taskLabel(byId.get(id))).join(" → ")} would make a loop`;
}

/**
 * Why a new link must be refused, as a sentence, or null when it may be added: unknown task,
 * a task linked to itself, a second link between the same two tasks, or a loop.
 */
export function refuseDependency(
  deps: readonly Dependency[],
  tasks: readonly Task[],
  dep: Pick<Dependency, "from" | "to">,
): string | null {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  if (!byId.has(dep.from) || !byId.has(dep.to)) return "Both ends of a dependency must be tasks of this plan.";
  if (dep.from === dep.to) return `${taskLabel(byId.get(dep.from))} cannot depend on itself.`;
  const dup = deps.find((d) => (d.from === dep.from && d.to === dep.to) || (d.from === dep.to && d.to === dep.from));
  if (dup) return `${taskLabel(byId.get(dup.from))} and ${taskLabel(byId.get(dup.to))} are already linked.`;
  const loop = wouldCreateCycle(deps, dep);
  return loop ? `${cycleMessage(loop, tasks)}.` : null;
}

// ---------------------------------------------------------------------------------------------
// The scheduling graph shared by shifting and the critical path

/** A link between two dated leaf tasks, with loops already broken. */
export interface ScheduleGraph {
  wt: WorkTime;
  spans: Map<string, Span>;
  tasks: Map<string, Task>;
  links: Dependency[];
  /** Task ids in an order where every predecessor comes before its successors. */
  order: string[];
  /** The first loop found (its links are left out), or null. */
  cycle: string[] | null;
}

/** Lower bound a link puts on its successor's start or finish, given the predecessor's span. */
export function linkBound(dep: Dependency, pred: Span): { on: "start" | "finish"; pos: number } {
  switch (dep.type) {
    case "FS":
      return { on: "start", pos: pred.finish + dep.lag };
    case "SS":
      return { on: "start", pos: pred.start + dep.lag };
    case "FF":
      return { on: "finish", pos: pred.finish + dep.lag };
    case "SF":
      return { on: "finish", pos: pred.start + dep.lag };
  }
}

/** Builds the graph of dated leaf tasks on one working-time line; loops are broken, not fatal. */
export function scheduleGraph(
  tasks: readonly Task[],
  deps: readonly Dependency[],
  calendar: WorkingCalendar,
): ScheduleGraph {
  const summaries = summaryTaskIds(tasks);
  const leaves = tasks.filter(
    (t) => !summaries.has(t.id) && t.start && t.end && isISODate(t.start) && isISODate(t.end),
  );
  const anchor = minDate(leaves.map((t) => t.start)) ?? "2000-01-03";
  const wt = remembered(workTime(calendar, anchor));
  const spans = new Map<string, Span>();
  for (const t of leaves) spans.set(t.id, spanOf(t, wt)!);
  const usable = expandSummaryLinks(tasks, deps, summaries).filter(
    (d) => d.from !== d.to && spans.has(d.from) && spans.has(d.to) && Number.isInteger(d.lag),
  );
  const cycle = findCycle(usable);
  const { order, links } = breakLoops(
    leaves.map((t) => t.id),
    usable,
  );
  return { wt, spans, tasks: new Map(leaves.map((t) => [t.id, t])), links, order, cycle };
}

/**
 * Links that touch a summary, restated on the dated leaf tasks beneath it: a summary spans from its
 * earliest leaf start to its latest leaf end. Into a summary, a bound on its start holds for every
 * leaf; a bound on its finish holds for the leaves that end last. Out of a summary, its finish is that
 * of the leaves that end last and its start that of the leaves that start first.
 */
export function expandSummaryLinks(
  tasks: readonly Task[],
  deps: readonly Dependency[],
  summaries: ReadonlySet<string> = summaryTaskIds(tasks),
): Dependency[] {
  if (!deps.some((d) => summaries.has(d.from) || summaries.has(d.to))) return deps as Dependency[];
  const kids = new Map<string, Task[]>();
  for (const t of tasks) if (t.parentId && t.parentId !== t.id) appendTo(kids, t.parentId, t);
  const leavesOf = (id: string): Task[] => {
    const out: Task[] = [];
    const seen = new Set([id]);
    const stack = [...(kids.get(id) ?? [])];
    while (stack.length) {
      const t = stack.pop()!;
      if (seen.has(t.id)) continue; // a parent loop is cut where it closes
      seen.add(t.id);
      if (summaries.has(t.id)) stack.push(...(kids.get(t.id) ?? []));
      else if (t.start && t.end && isISODate(t.start) && isISODate(t.end)) out.push(t);
    }
    return out;
  };
  const extreme = (leaves: Task[], key: "start" | "end", sign: 1 | -1) => {
    const best = leaves.reduce<string | null>(
      (b, t) => (b === null || sign * compareDates(t[key]!, b) > 0 ? t[key]! : b),
      null,
    );
    return leaves.filter((t) => t[key] === best);
  };
  const out: Dependency[] = [];
  for (const d of deps) {
    if (!summaries.has(d.from) && !summaries.has(d.to)) {
      out.push(d);
      continue;
    }
    const fromFinish = d.type === "FS" || d.type === "FF";
    const toStart = d.type === "FS" || d.type === "SS";
    const froms = summaries.has(d.from)
      ? extreme(leavesOf(d.from), fromFinish ? "end" : "start", fromFinish ? 1 : -1).map((t) => t.id)
      : [d.from];
    const tos = summaries.has(d.to)
      ? (toStart ? leavesOf(d.to) : extreme(leavesOf(d.to), "end", 1)).map((t) => t.id)
      : [d.to];
    for (const from of froms)
      for (const to of tos) if (from !== to) out.push({ ...d, id: `${d.id}:${from}:${to}`, from, to });
  }
  return out;
}

/**
 * Working time that remembers each conversion: a plan's tasks share few distinct dates, and each
 * conversion walks the calendar day by day.
 */
function remembered(wt: WorkTime): WorkTime {
  const memo = <K, V>(fn: (k: K) => V) => {
    const seen = new Map<K, V>();
    return (k: K) => {
      let v = seen.get(k);
      if (v === undefined) seen.set(k, (v = fn(k)));
      return v;
    };
  };
  return {
    startPos: memo(wt.startPos),
    finishPos: memo(wt.finishPos),
    dateAtStart: memo(wt.dateAtStart),
    dateAtFinish: memo(wt.dateAtFinish),
  };
}

/** Topological order (Kahn); links that would close a loop are dropped so the rest can be scheduled. */
function breakLoops(ids: string[], deps: Dependency[]): { order: string[]; links: Dependency[] } {
  let links = deps;
  for (;;) {
    const indeg = new Map(ids.map((id) => [id, 0]));
    for (const d of links) indeg.set(d.to, indeg.get(d.to)! + 1);
    const out = new Map<string, Dependency[]>();
    for (const d of links) appendTo(out, d.from, d);
    const order = ids.filter((id) => indeg.get(id) === 0);
    for (let i = 0; i < order.length; i++) {
      for (const d of out.get(order[i]!) ?? []) {
        const n = indeg.get(d.to)! - 1;
        indeg.set(d.to, n);
        if (n === 0) order.push(d.to);
      }
    }
    if (order.length === ids.length) return { order, links };
    const loop = findCycle(links)!;
    const [a, b] = [loop[0], loop[1]];
    links = links.filter((d) => !(d.from === a && d.to === b));
  }
}

// ---------------------------------------------------------------------------------------------
// Shifting

/**
 * After a task moved, the successors whose link to a moved task is now broken, moved later by just
 * enough and cascading on. A successor with enough slack stays put; nothing ever moves earlier;
 * durations in working days are kept. A buffer absorbs the slip instead: its start moves and its end
 * stays (it keeps at least one working day), so the milestone after it holds until the buffer is used up.
 * Links from tasks that did not move are not re-checked: the move should not rewrite the rest of the plan.
 */
export function shiftDependents(
  tasks: readonly Task[],
  deps: readonly Dependency[],
  calendar: WorkingCalendar,
  movedTaskId: string,
): DateChange[] {
  const g = scheduleGraph(tasks, deps, calendar);
  if (!g.spans.has(movedTaskId)) return [];
  const incoming = new Map<string, Dependency[]>();
  for (const d of g.links) appendTo(incoming, d.to, d);
  const moved = new Set([movedTaskId]);
  const changes: DateChange[] = [];
  for (const id of g.order) {
    if (moved.has(id)) continue;
    const fromMoved = (incoming.get(id) ?? []).filter((d) => moved.has(d.from));
    if (fromMoved.length === 0) continue;
    const span = g.spans.get(id)!;
    const task = g.tasks.get(id)!;
    let needStart = span.start;
    let needFinish = span.finish;
    for (const d of fromMoved) {
      const b = linkBound(d, g.spans.get(d.from)!);
      if (b.on === "start") needStart = Math.max(needStart, b.pos);
      else needFinish = Math.max(needFinish, b.pos);
    }
    const next = task.kind === "buffer" ? absorb(span, needStart, needFinish) : push(span, needStart, needFinish);
    if (next.start === span.start && next.finish === span.finish) continue;
    g.spans.set(id, next);
    moved.add(id);
    const dates = datesOf(task.kind, next, g.wt);
    if (dates.start !== task.start || dates.end !== task.end) changes.push({ id, ...dates });
  }
  return changes;
}

function push(span: Span, needStart: number, needFinish: number): Span {
  const by = Math.max(0, needStart - span.start, needFinish - span.finish);
  return { start: span.start + by, finish: span.finish + by };
}

function absorb(span: Span, needStart: number, needFinish: number): Span {
  const start = Math.max(span.start, needStart);
  return { start, finish: Math.max(span.finish, needFinish, start + 1) };
}

// ---------------------------------------------------------------------------------------------
// Summary roll-up

export interface SummaryRollup {
  start: ISODate | null;
  end: ISODate | null;
  /** Weighted by working days of the leaf tasks beneath; a plain average when they have none. */
  progress: number;
}

/**
 * Dates and progress of every summary task from its children: start = earliest child start,
 * end = latest child end, progress = duration-weighted average over the leaf tasks beneath it.
 * The hierarchy is the derived tree (tree.ts), so a parent loop is resolved as everywhere else.
 */
export function rollUpSummaries(tasks: readonly Task[], calendar: WorkingCalendar): Map<string, SummaryRollup> {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const children = new Map<string, Task[]>();
  if (tasks.some((t) => t.parentId && t.parentId !== t.id))
    for (const [id, kids] of buildTree(tasks).children)
      if (id !== null && kids.length > 0)
        children.set(
          id,
          kids.map((k) => byId.get(k)!),
        );
  const result = new Map<string, SummaryRollup & { work: number; done: number; count: number; sum: number }>();
  const visiting = new Set<string>();

  const visit = (
    t: Task,
  ): { start: ISODate | null; end: ISODate | null; work: number; done: number; count: number; sum: number } => {
    const kids = children.get(t.id);
    if (!kids || visiting.has(t.id)) {
      const work = taskDuration(t, calendar);
      return { start: t.start, end: t.end, work, done: (work * t.progress) / 100, count: 1, sum: t.progress };
    }
    const cached = result.get(t.id);
    if (cached) return cached;
    visiting.add(t.id);
    const parts = kids.map(visit);
    visiting.delete(t.id);
    const work = parts.reduce((s, p) => s + p.work, 0);
    const done = parts.reduce((s, p) => s + p.done, 0);
    const count = parts.reduce((s, p) => s + p.count, 0);
    const sum = parts.reduce((s, p) => s + p.sum, 0);
    const progress = work > 0 ? (100 * done) / work : count > 0 ? sum / count : 0;
    const r = {
      start: minDate(parts.map((p) => p.start)),
      end: maxDate(parts.map((p) => p.end)),
      progress,
      work,
      done,
      count,
      sum,
    };
    result.set(t.id, r);
    return r;
  };
  for (const id of children.keys()) visit(byId.get(id)!);
  return new Map([...result].map(([id, r]) => [id, { start: r.start, end: r.end, progress: r.progress }]));
}

/** The summary tasks whose stored dates or progress differ from their roll-up, to write back in one step. */
export function rollUpChanges(tasks: readonly Task[], calendar: WorkingCalendar): ({ id: string } & SummaryRollup)[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  return [...rollUpSummaries(tasks, calendar)]
    .filter(([id, r]) => {
      const t = byId.get(id)!;
      return t.start !== r.start || t.end !== r.end || Math.abs(t.progress - r.progress) > 1e-9;
    })
    .map(([id, r]) => ({ id, ...r }));
}
