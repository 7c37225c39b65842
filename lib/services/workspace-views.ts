import "server-only";
import { listOpenRisks, listTasksFor, listWorkspaceMilestones } from "@/db/queries/workspace-views";
import { listMemberAssignments, listPlanCalendars } from "@/db/queries/workload";
import { listMembers } from "@/db/queries/workspaces";
import { requireWorkspace, type Principal } from "@/lib/access";
import { settingsSchema } from "@/lib/doc";
import { weeklyLoad, weekStartOf, type Assignment } from "@/lib/plan/capacity";
import { addDays, maxDate, minDate } from "@/lib/plan/dates";
import { endOfWeek, groupMyTasks } from "@/lib/plan/my-tasks";
import { bandFor, defaultRiskBands } from "@/lib/plan/risk";
import { defaultCalendar, type Absence, type ISODate, type RiskBand, type WorkingCalendar } from "@/lib/plan/types";
import { viewsFilter } from "@/lib/validation/plan";

/** A plan's own score bands from its projected settings, or the defaults. */
function bandsOf(settings: Record<string, unknown> | null): RiskBand[] {
  const parsed = settingsSchema.shape.riskBands.safeParse(settings?.riskBands);
  return parsed.success ? parsed.data : defaultRiskBands;
}

/**
 * The workspace's cross-plan views for the caller: their tasks grouped overdue / this week / later
 * (done ones on request, one priority when filtered), every milestone on one timeline, and the open
 * risks in each plan's high or critical band. Every member may read every plan of their workspace
 * (lib/access), so membership is the check. `filter` comes from the address bar: unknown values are
 * ignored rather than refused.
 */
export async function getWorkspaceViews(
  principal: Principal | null,
  workspaceId: string,
  today: ISODate,
  filter: unknown = {},
) {
  const { workspace, principal: who } = await requireWorkspace(principal, workspaceId, "read");
  const { showDone, priority } = viewsFilter.parse(filter);
  // The lowest score any band could call high: prefilter in SQL, then apply each plan's bands.
  const [tasks, milestones, risks, members] = await Promise.all([
    listTasksFor(workspace.id, who.userId, { includeDone: showDone, priority }),
    listWorkspaceMilestones(workspace.id),
    listOpenRisks(workspace.id, 1),
    listMembers(workspace.id),
  ]);
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const highRisks = risks
    .map(({ settings, ownerResourceName, ...r }) => ({
      ...r,
      band: bandFor(r.score, bandsOf(settings)),
      ownerName: ownerResourceName ?? (r.ownerId ? (names.get(r.ownerId) ?? null) : null),
    }))
    .filter((r) => r.band?.id === "high" || r.band?.id === "critical");
  const taskGroups = groupMyTasks(tasks, today, { showDone });
  return { workspace, today, weekEnd: endOfWeek(today), showDone, priority, taskGroups, milestones, highRisks };
}

export const WORKLOAD_WEEKS = 12;

/**
 * Each member's hours per ISO week across every live plan of the workspace, for the weeks from this
 * one on, flagged where they exceed the member's capacity. A member's capacity is the largest any
 * plan gives them and their absences those of every plan; weekly capacity counts Monday to Friday.
 */
export async function getWorkload(principal: Principal | null, workspaceId: string, today: ISODate) {
  const { workspace } = await requireWorkspace(principal, workspaceId, "read");
  const from = weekStartOf(today);
  const to = addDays(from, 7 * WORKLOAD_WEEKS - 1);
  const [rows, members] = await Promise.all([listMemberAssignments(workspace.id, from, to), listMembers(workspace.id)]);
  const calendars = new Map(
    (await listPlanCalendars([...new Set(rows.map((r) => r.planId))])).map((c) => [c.planId, calendarOf(c)]),
  );
  const titles = new Map(rows.map((r) => [r.planId, r.planTitle]));
  const people = members
    .map((m) => {
      const mine = rows.filter((r) => r.userId === m.userId);
      if (mine.length === 0) return null;
      const assignments: Assignment[] = mine.map((r) => ({
        start: maxDate([r.start, from])!,
        end: minDate([r.end, to])!,
        allocation: r.allocation,
        calendar: calendars.get(r.planId) ?? defaultCalendar,
        source: r.planId,
      }));
      const capacity = Math.max(...mine.map((r) => r.capacityHoursPerWeek));
      const absences: Absence[] = mine.flatMap((r) => r.absences);
      const weeks = weeklyLoad(assignments, capacity, absences, defaultCalendar);
      return { userId: m.userId, name: m.name, capacity, weeks, overAllocated: weeks.some((w) => w.overAllocated) };
    })
    .filter((p) => p !== null);
  return { workspace, from, to, people, planTitles: Object.fromEntries(titles) };
}

function calendarOf(c: { settings: Record<string, unknown> | null; holidays: WorkingCalendar["holidays"] }) {
  const weekdays = settingsSchema.shape.workingWeekdays.safeParse(c.settings?.workingWeekdays);
  return { workingWeekdays: weekdays.success ? weekdays.data : defaultCalendar.workingWeekdays, holidays: c.holidays };
}
