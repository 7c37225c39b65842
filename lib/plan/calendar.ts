/**
 * The plan's working calendar: which weekdays are worked and which dates are holidays.
 * Durations, lags and shifting all count working days through these functions.
 */
import { fromDayNumber, toDayNumber, weekdayOfDayNumber } from "./dates";
import type { ISODate, WorkingCalendar } from "./types";

interface Prepared {
  worked: boolean[];
  perWeek: number;
  /** Holidays that fall on a worked weekday (others change nothing), as sorted unique day numbers. */
  holidays: number[];
  holidaySet: Set<number>;
}

const cache = new WeakMap<WorkingCalendar, Prepared>();

function prepare(calendar: WorkingCalendar): Prepared {
  const hit = cache.get(calendar);
  if (hit) return hit;
  const worked = Array.from({ length: 7 }, (_, d) => calendar.workingWeekdays.includes(d));
  const perWeek = worked.filter(Boolean).length;
  const holidaySet = new Set<number>();
  for (const h of calendar.holidays) {
    const n = toDayNumber(h.date);
    if (worked[weekdayOfDayNumber(n)]) holidaySet.add(n);
  }
  const prepared = { worked, perWeek, holidaySet, holidays: [...holidaySet].sort((a, b) => a - b) };
  cache.set(calendar, prepared);
  return prepared;
}

function requireWorkingWeek(p: Prepared): void {
  if (p.perWeek === 0) throw new RangeError("The working calendar has no working day in the week.");
}

/** Index of the first element ≥ value in a sorted array. */
function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function holidaysIn(p: Prepared, from: number, to: number): number {
  return lowerBound(p.holidays, to + 1) - lowerBound(p.holidays, from);
}

function worksOn(p: Prepared, dayNumber: number): boolean {
  return p.worked[weekdayOfDayNumber(dayNumber)]! && !p.holidaySet.has(dayNumber);
}

/** True when the date is a worked weekday and not a holiday. */
export function isWorkingDay(date: ISODate, calendar: WorkingCalendar): boolean {
  return worksOn(prepare(calendar), toDayNumber(date));
}

/** Working days from start to end, both included (a one-day task lasts 1); 0 when end is before start. */
export function workingDaysBetween(start: ISODate, end: ISODate, calendar: WorkingCalendar): number {
  return countWorkingDays(prepare(calendar), toDayNumber(start), toDayNumber(end));
}

function countWorkingDays(p: Prepared, from: number, to: number): number {
  if (to < from) return 0;
  const days = to - from + 1;
  const weeks = Math.floor(days / 7);
  let count = weeks * p.perWeek;
  for (let d = from + weeks * 7; d <= to; d++) if (p.worked[weekdayOfDayNumber(d)]) count++;
  return count - holidaysIn(p, from, to);
}

/**
 * The date `n` working days after `date` (before it when negative); 0 returns the date itself.
 * From a Friday, +1 is Monday; from a Saturday, +1 is also Monday.
 */
export function addWorkingDays(date: ISODate, n: number, calendar: WorkingCalendar): ISODate {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number, not ${n}.`);
  const p = prepare(calendar);
  if (n === 0) return date;
  requireWorkingWeek(p);
  const step = n > 0 ? 1 : -1;
  let remaining = Math.abs(n);
  let d = toDayNumber(date);
  // Skip as many whole weeks as cannot overshoot (holidays only make them shorter), again while the
  // holidays they held leave more than a week to go; then walk the last stretch day by day.
  while (remaining > p.perWeek) {
    const weeks = Math.floor((remaining - 1) / p.perWeek);
    const [from, to] = step > 0 ? [d + 1, d + 7 * weeks] : [d - 7 * weeks, d - 1];
    remaining -= weeks * p.perWeek - holidaysIn(p, from, to);
    d += 7 * weeks * step;
  }
  while (remaining > 0) {
    d += step;
    if (worksOn(p, d)) remaining--;
  }
  return fromDayNumber(d);
}

/** The first working day strictly after the date. */
export function nextWorkingDay(date: ISODate, calendar: WorkingCalendar): ISODate {
  return addWorkingDays(date, 1, calendar);
}

/** The date itself when worked, else the first working day after it. */
export function workingDayOnOrAfter(date: ISODate, calendar: WorkingCalendar): ISODate {
  return isWorkingDay(date, calendar) ? date : addWorkingDays(date, 1, calendar);
}

/** The date itself when worked, else the last working day before it. */
export function workingDayOnOrBefore(date: ISODate, calendar: WorkingCalendar): ISODate {
  return isWorkingDay(date, calendar) ? date : addWorkingDays(date, -1, calendar);
}

/** The holiday's name when the date is a holiday, so the timeline can label it. */
export function holidayName(date: ISODate, calendar: WorkingCalendar): string | null {
  return calendar.holidays.find((h) => h.date === date)?.name ?? null;
}
