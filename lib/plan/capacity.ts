/**
 * Capacity and workload: the hours a person's assigned tasks take in each ISO week, against the hours
 * they have. A task takes, on each of its working days, the person's daily hours (weekly capacity over
 * the calendar's working days) times their allocation to the plan. Holidays of the plan's calendar and
 * the person's absences take no hours, and absences shrink the capacity too.
 */
import { isWorkingDay } from "./calendar";
import { addDays, compareDates, fromDayNumber, maxDate, minDate, toDayNumber, weekday } from "./dates";
import type { Absence, ISODate, Resource, Task, WorkingCalendar } from "./types";

/** One stretch of work: a task's dates, the person's allocation (%) and the calendar of its plan. */
export interface Assignment {
  start: ISODate;
  end: ISODate;
  /** Share of the person's time given to the plan, 0–100. */
  allocation: number;
  calendar: WorkingCalendar;
  /** Where the work comes from (a plan id), so a week can say which plans fill it. */
  source?: string;
}

export interface WeekLoad {
  /** The Monday the ISO week starts on. */
  weekStart: ISODate;
  /** ISO 8601 week label, e.g. `2026-W49`. */
  week: string;
  /** Hours of work planned in the week, rounded to a tenth. */
  hours: number;
  /** Hours the person has in the week (absences taken off), rounded to a tenth. */
  capacity: number;
  overAllocated: boolean;
  /** The sources (plans) with work in the week. */
  sources: string[];
}

const tenth = (n: number) => Math.round(n * 10) / 10;

/** The Monday of the ISO week the date falls in. */
export function weekStartOf(date: ISODate): ISODate {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/** The ISO 8601 week label of a date: the week belongs to the year its Thursday falls in. */
export function isoWeek(date: ISODate): string {
  const thursday = addDays(weekStartOf(date), 3);
  const year = thursday.slice(0, 4);
  const week = Math.floor((toDayNumber(thursday) - toDayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

const isAbsent = (date: ISODate, absences: readonly Absence[]) =>
  absences.some((a) => compareDates(a.start, date) <= 0 && compareDates(date, a.end) <= 0);

/** Hours a person with `hoursPerWeek` works on one working day of the calendar. */
const dailyHours = (hoursPerWeek: number, calendar: WorkingCalendar) =>
  calendar.workingWeekdays.length ? hoursPerWeek / calendar.workingWeekdays.length : 0;

/**
 * Hours per ISO week for one person: every week from the first assignment's start to the last one's
 * end, each with the week's capacity (on `capacityCalendar`, by default the first assignment's).
 * Over-allocated when the week holds more hours than the person has.
 */
export function weeklyLoad(
  assignments: readonly Assignment[],
  hoursPerWeek: number,
  absences: readonly Absence[] = [],
  capacityCalendar?: WorkingCalendar,
): WeekLoad[] {
  const dated = assignments.filter((a) => compareDates(a.start, a.end) <= 0);
  const first = minDate(dated.map((a) => a.start));
  const last = maxDate(dated.map((a) => a.end));
  if (!first || !last) return [];
  const calendar = capacityCalendar ?? dated[0]!.calendar;
  const weeks: WeekLoad[] = [];
  for (let monday = weekStartOf(first); compareDates(monday, last) <= 0; monday = addDays(monday, 7)) {
    let hours = 0;
    let capacity = 0;
    const sources = new Set<string>();
    for (let d = toDayNumber(monday); d < toDayNumber(monday) + 7; d++) {
      const date = fromDayNumber(d);
      if (isAbsent(date, absences)) continue;
      if (isWorkingDay(date, calendar)) capacity += dailyHours(hoursPerWeek, calendar);
      for (const a of dated) {
        if (compareDates(date, a.start) < 0 || compareDates(date, a.end) > 0 || !isWorkingDay(date, a.calendar))
          continue;
        hours += (dailyHours(hoursPerWeek, a.calendar) * a.allocation) / 100;
        if (a.source) sources.add(a.source);
      }
    }
    const h = tenth(hours);
    const c = tenth(capacity);
    weeks.push({
      weekStart: monday,
      week: isoWeek(monday),
      hours: h,
      capacity: c,
      overAllocated: h > c,
      sources: [...sources],
    });
  }
  return weeks;
}

/** Tasks that take someone's time: dated, not milestones or buffers, and not summaries of other tasks. */
export function workingTasks(tasks: readonly Task[]): (Task & { start: ISODate; end: ISODate })[] {
  const parents = new Set(tasks.map((t) => t.parentId).filter(Boolean));
  return tasks.filter(
    (t): t is Task & { start: ISODate; end: ISODate } =>
      t.kind === "task" && !!t.start && !!t.end && !parents.has(t.id),
  );
}

export interface ResourceLoad {
  resource: Resource;
  weeks: WeekLoad[];
}

/**
 * The weekly load of each person of one plan, from the tasks assigned to them (by resource id, or by
 * the member's user id). A person listed twice (two roles) is two rows, each with its own allocation.
 */
export function planWorkload(
  resources: readonly Resource[],
  tasks: readonly Task[],
  calendar: WorkingCalendar,
): ResourceLoad[] {
  const work = workingTasks(tasks);
  return resources
    .filter((r) => r.kind === "person")
    .map((resource) => {
      const mine = work.filter(
        (t) => t.assigneeId === resource.id || (!!resource.userId && t.assigneeId === resource.userId),
      );
      const assignments = mine.map((t) => ({ start: t.start, end: t.end, allocation: resource.allocation, calendar }));
      return { resource, weeks: weeklyLoad(assignments, resource.capacityHoursPerWeek, resource.absences, calendar) };
    });
}
