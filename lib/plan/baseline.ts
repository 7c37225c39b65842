/**
 * Slippage against a saved baseline.
 *
 * Measured in **working days** on the plan's calendar, like durations and lags: a task that was due on
 * Friday and now ends on Monday is 1 day late, not 3, and moving over a holiday costs nothing.
 * Positive = later than the baseline, negative = earlier.
 */
import { workingDaysBetween } from "./calendar";
import { addDays, compareDates } from "./dates";
import type { Baseline, ISODate, Task, WorkingCalendar } from "./types";

/** A baseline of every task's current dates; the caller supplies the id and the moment. */
export function captureBaseline(tasks: readonly Task[], id: string, name: string, savedAt: string): Baseline {
  return { id, name, savedAt, tasks: tasks.map((t) => ({ id: t.id, start: t.start, end: t.end })) };
}

/** Signed working days from `planned` to `actual`: working days after the earlier date up to the later. */
export function workingDaysLate(planned: ISODate, actual: ISODate, calendar: WorkingCalendar): number {
  const c = compareDates(actual, planned);
  if (c === 0) return 0;
  return c > 0
    ? workingDaysBetween(addDays(planned, 1), actual, calendar)
    : -workingDaysBetween(addDays(actual, 1), planned, calendar);
}

export interface Slip {
  id: string;
  milestone: boolean;
  baselineStart: ISODate;
  baselineEnd: ISODate;
  start: ISODate;
  end: ISODate;
  /** Working days the start moved (positive = later). */
  startSlip: number;
  /** Working days the end moved: the days late (negative = early). */
  endSlip: number;
}

/** Slippage of every task dated both now and in the baseline; tasks added since have nothing to compare. */
export function slippage(tasks: readonly Task[], baseline: Baseline, calendar: WorkingCalendar): Slip[] {
  const saved = new Map(baseline.tasks.map((t) => [t.id, t]));
  const slips: Slip[] = [];
  for (const t of tasks) {
    const b = saved.get(t.id);
    if (!b?.start || !b.end || !t.start || !t.end) continue;
    slips.push({
      id: t.id,
      milestone: t.kind === "milestone",
      baselineStart: b.start,
      baselineEnd: b.end,
      start: t.start,
      end: t.end,
      startSlip: workingDaysLate(b.start, t.start, calendar),
      endSlip: workingDaysLate(b.end, t.end, calendar),
    });
  }
  return slips;
}

/** Milestone slippage only: the chart managers read first. */
export function milestoneSlippage(tasks: readonly Task[], baseline: Baseline, calendar: WorkingCalendar): Slip[] {
  return slippage(tasks, baseline, calendar).filter((s) => s.milestone);
}

export interface SlippageSummary {
  late: number;
  onTime: number;
  early: number;
  /** The slip with the most days late, or null when nothing is late. */
  worst: Slip | null;
}

/** Counts of late, on-time and early tasks, and the worst slip. */
export function summarizeSlippage(slips: readonly Slip[]): SlippageSummary {
  let worst: Slip | null = null;
  for (const s of slips) if (s.endSlip > 0 && (!worst || s.endSlip > worst.endSlip)) worst = s;
  return {
    late: slips.filter((s) => s.endSlip > 0).length,
    onTime: slips.filter((s) => s.endSlip === 0).length,
    early: slips.filter((s) => s.endSlip < 0).length,
    worst,
  };
}
