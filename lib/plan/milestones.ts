/**
 * The plan's milestones on one line: each one's date now and in the latest baseline, its status
 * (hit, missed, upcoming) and its slip in working days against that baseline.
 */
import { workingDaysLate } from "./baseline";
import { compareDates } from "./dates";
import type { Baseline, ISODate, Task, WorkingCalendar } from "./types";

export type MilestoneState = "hit" | "missed" | "upcoming" | "undated";

export interface MilestonePoint {
  id: string;
  name: string;
  date: ISODate | null;
  /** Its date in the baseline, or null when the baseline has none (added since, or no baseline). */
  baselineDate: ISODate | null;
  /** Working days later than the baseline (negative = earlier); null without both dates. */
  slip: number | null;
  state: MilestoneState;
}

export interface MilestoneReport {
  points: MilestonePoint[];
  /** The baseline compared with, or null when the plan has none. */
  baseline: Pick<Baseline, "id" | "name" | "savedAt"> | null;
  /** Milestones later than the baseline. */
  slipped: number;
  /** The largest slip in working days, 0 when none slipped. */
  worstSlip: number;
}

/** The most recently saved baseline (by `savedAt`), or null. */
export function latestBaseline(baselines: readonly Baseline[]): Baseline | null {
  let latest: Baseline | null = null;
  for (const b of baselines) if (!latest || b.savedAt > latest.savedAt) latest = b;
  return latest;
}

function stateOf(t: Task, today: ISODate): MilestoneState {
  if (t.progress >= 100) return "hit";
  if (!t.end) return "undated";
  return compareDates(t.end, today) < 0 ? "missed" : "upcoming";
}

/** Milestones by date (undated last), compared with `baseline` (the latest one unless told). */
export function milestoneReport(
  tasks: readonly Task[],
  baselines: readonly Baseline[],
  calendar: WorkingCalendar,
  today: ISODate,
  baseline: Baseline | null = latestBaseline(baselines),
): MilestoneReport {
  const saved = new Map(baseline?.tasks.map((t) => [t.id, t.end ?? t.start]));
  const points: MilestonePoint[] = tasks
    .filter((t) => t.kind === "milestone")
    .map((t) => {
      const date = t.end ?? t.start;
      const baselineDate = saved.get(t.id) ?? null;
      return {
        id: t.id,
        name: t.name.trim() || "Untitled milestone",
        date,
        baselineDate,
        slip: date && baselineDate ? workingDaysLate(baselineDate, date, calendar) : null,
        state: stateOf({ ...t, end: date }, today),
      };
    })
    .sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999") || a.id.localeCompare(b.id));
  const slips = points.map((p) => p.slip ?? 0).filter((s) => s > 0);
  return {
    points,
    baseline: baseline && { id: baseline.id, name: baseline.name, savedAt: baseline.savedAt },
    slipped: slips.length,
    worstSlip: slips.length ? Math.max(...slips) : 0,
  };
}
