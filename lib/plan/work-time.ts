/**
 * Working time as a number line, so scheduling is integer arithmetic.
 *
 * Position p is the boundary before the p-th working day counted from an anchor: a task occupying
 * working days [start … end] spans positions [startPos(start), finishPos(end)), and its length is its
 * duration in working days. A milestone is a point at the close of its day (it is reached when the work
 * before it finishes), so "Build ends Friday → Launch (FS)" puts Launch on Friday, and a task after
 * Launch starts on Monday.
 */
import { addWorkingDays, workingDayOnOrAfter, workingDaysBetween } from "./calendar";
import { addDays, compareDates } from "./dates";
import type { ISODate, Task, WorkingCalendar } from "./types";

export interface WorkTime {
  /** Position at the start of the date (a non-working date starts where the next working day does). */
  startPos(date: ISODate): number;
  /** Position at the close of the date (a non-working date closes where the last working day did). */
  finishPos(date: ISODate): number;
  /** The working day that starts at the position. */
  dateAtStart(pos: number): ISODate;
  /** The working day that closes at the position. */
  dateAtFinish(pos: number): ISODate;
}

export function workTime(calendar: WorkingCalendar, anchor: ISODate): WorkTime {
  const origin = workingDayOnOrAfter(anchor, calendar);
  const startPos = (date: ISODate) =>
    compareDates(date, anchor) >= 0
      ? workingDaysBetween(anchor, addDays(date, -1), calendar)
      : -workingDaysBetween(date, addDays(anchor, -1), calendar);
  const dateAtStart = (pos: number) => addWorkingDays(origin, pos, calendar);
  return {
    startPos,
    finishPos: (date) => startPos(addDays(date, 1)),
    dateAtStart,
    dateAtFinish: (pos) => dateAtStart(pos - 1),
  };
}

/** A dated task's span on the line. */
export interface Span {
  start: number;
  finish: number;
}

/** The task's span, or null when it has no dates. Milestones are points at the close of their day. */
export function spanOf(task: Task, wt: WorkTime): Span | null {
  if (!task.start || !task.end) return null;
  if (task.kind === "milestone") {
    const at = wt.finishPos(task.end);
    return { start: at, finish: at };
  }
  const start = wt.startPos(task.start);
  return { start, finish: Math.max(start, wt.finishPos(task.end)) };
}

/**
 * Dates for a span. A task keeps at least one working day, so one that sat wholly on non-working
 * days lands on a working day when it moves.
 */
export function datesOf(kind: Task["kind"], span: Span, wt: WorkTime): { start: ISODate; end: ISODate } {
  if (kind === "milestone") {
    const at = wt.dateAtFinish(span.finish);
    return { start: at, end: at };
  }
  return { start: wt.dateAtStart(span.start), end: wt.dateAtFinish(Math.max(span.finish, span.start + 1)) };
}
