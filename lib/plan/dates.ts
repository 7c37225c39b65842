/**
 * Calendar dates (`YYYY-MM-DD`) as plain day numbers.
 *
 * A plan's dates are calendar days, not instants, so nothing here ever touches the local time zone:
 * a date is parsed into Y/M/D, turned into a whole number of days since 1970-01-01 with UTC-only
 * arithmetic, and formatted back the same way. Adding a day is adding 1; no DST change or time zone
 * can shift it. (date-fns' own helpers work in local time, which is exactly what must be avoided here.)
 */
import type { ISODate } from "./types";

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

function utcDate(year: number, month: number, day: number): Date {
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 onto 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d;
}

/** Y/M/D of a strict `YYYY-MM-DD` string, or null when it is malformed or not a real day (2025-02-30). */
export function parseISODate(value: string): CalendarDate | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const d = utcDate(year, month, day);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** True for a strict `YYYY-MM-DD` string naming a real day. */
export function isISODate(value: unknown): value is ISODate {
  return typeof value === "string" && (dayNumbers.has(value) || tryDayNumber(value) !== null);
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** `YYYY-MM-DD` of a Y/M/D; out-of-range parts roll over (month 13 → next January), like a calendar would. */
export function formatISODate({ year, month, day }: CalendarDate): ISODate {
  const d = utcDate(year, month, day);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/**
 * Schedule rules check and convert the same few hundred dates again and again (a 1,000-task plan's
 * page spent more time parsing dates than reading its rows): remember recent answers, both ways.
 * Only valid dates are remembered. Bounded; pure, so safe.
 */
const DAY_NUMBER_CACHE = 10_000;
const dayNumbers = new Map<string, number>();

/** The day number of a valid date (remembered), or null when the string is not one. */
function tryDayNumber(date: string): number | null {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const p = parseISODate(date);
  if (!p) return null;
  const n = Math.round(utcDate(p.year, p.month, p.day).getTime() / MS_PER_DAY);
  if (dayNumbers.size >= DAY_NUMBER_CACHE) dayNumbers.clear();
  dayNumbers.set(date, n);
  return n;
}

/** Days since 1970-01-01; throws on a malformed date so a bad value never turns into a wrong day. */
export function toDayNumber(date: ISODate): number {
  const n = tryDayNumber(date);
  if (n === null) throw new RangeError(`“${date}” is not a calendar date (expected YYYY-MM-DD).`);
  return n;
}

const dates = new Map<number, ISODate>();

/** The date a day number names (inverse of toDayNumber). */
export function fromDayNumber(dayNumber: number): ISODate {
  const known = dates.get(dayNumber);
  if (known !== undefined) return known;
  const d = new Date(dayNumber * MS_PER_DAY);
  const date: ISODate = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
  if (dates.size >= DAY_NUMBER_CACHE) dates.clear();
  dates.set(dayNumber, date);
  return date;
}

/** The date `days` calendar days later (earlier when negative). */
export function addDays(date: ISODate, days: number): ISODate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to`: positive when `to` is later, 0 for the same day. */
export function diffDays(to: ISODate, from: ISODate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Sort comparator: negative when a is earlier, 0 when equal, positive when later. */
export function compareDates(a: ISODate, b: ISODate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** Day of the week, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(date: ISODate): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

/** Day of the week of a day number, 0 = Sunday … 6 = Saturday. */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** The earliest of some dates, ignoring nulls; null when there is none. */
export function minDate(dates: readonly (ISODate | null | undefined)[]): ISODate | null {
  let best: ISODate | null = null;
  for (const d of dates) if (d && (best === null || compareDates(d, best) < 0)) best = d;
  return best;
}

/** The latest of some dates, ignoring nulls; null when there is none. */
export function maxDate(dates: readonly (ISODate | null | undefined)[]): ISODate | null {
  let best: ISODate | null = null;
  for (const d of dates) if (d && (best === null || compareDates(d, best) > 0)) best = d;
  return best;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date an instant falls on in a given IANA time zone — how "today" is decided for a user.
 * The caller passes the instant, so the rules stay pure.
 */
export function dateInTimeZone(instant: Date, timeZone: string): ISODate {
  // Building a formatter costs far more than using one (≈ 0.3 ms on every plan page), so each zone's is kept.
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    zoneFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return formatISODate({ year: get("year"), month: get("month"), day: get("day") });
}
