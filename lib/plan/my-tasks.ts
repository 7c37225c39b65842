/**
 * "My tasks" in groups a person acts on: what is overdue, what is due this week, what comes later.
 * Weeks run Monday to Sunday; `today` is the calendar date where the reader is (see dateInTimeZone),
 * so the same instant can fall in different weeks for two readers. Pure.
 */
import { addDays, compareDates, weekday } from "./dates";
import type { ISODate } from "./types";

export type MyTaskGroupId = "overdue" | "this_week" | "later" | "done";

export const myTaskGroups: { id: MyTaskGroupId; label: string }[] = [
  { id: "overdue", label: "Overdue" },
  { id: "this_week", label: "This week" },
  { id: "later", label: "Later" },
  { id: "done", label: "Done" },
];

/** The Sunday that ends `today`'s week. */
export const endOfWeek = (today: ISODate) => addDays(today, (7 - weekday(today)) % 7);

type Dated = { end: string | null; progress: number };

export function myTaskGroup(task: Dated, today: ISODate): MyTaskGroupId {
  if (task.progress >= 100) return "done";
  if (task.end === null) return "later";
  if (compareDates(task.end, today) < 0) return "overdue";
  return compareDates(task.end, endOfWeek(today)) <= 0 ? "this_week" : "later";
}

/**
 * The groups in reading order, each by due date (undated last, in the order given). Done tasks are
 * left out unless asked for; empty groups are kept so each can say it is empty.
 */
export function groupMyTasks<T extends Dated>(tasks: readonly T[], today: ISODate, opts: { showDone?: boolean } = {}) {
  const byDue = (a: T, b: T) =>
    a.end === b.end ? 0 : a.end === null ? 1 : b.end === null ? -1 : compareDates(a.end, b.end);
  return myTaskGroups
    .filter((g) => opts.showDone || g.id !== "done")
    .map((g) => ({ ...g, rows: tasks.filter((t) => myTaskGroup(t, today) === g.id).sort(byDue) }));
}
