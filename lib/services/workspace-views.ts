import "server-only";
import { listOpenRisks, listTasksFor, listWorkspaceMilestones } from "@/db/queries/workspace-views";
import { listPersonAssignments, listPlanCalendars } from "@/db/queries/workload";
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

/** How people who are not members are told apart: their name, case and outer spaces aside. */
export const personKey = (name: string) => name.trim().toLocaleLowerCase("en-US");

/**
 * Each person's hours per ISO week across every live plan of the workspace, for the weeks from this
 * one on, flagged where they exceed the person's capacity. Members are matched by their user id;
 * people named only as a plan resource (no member behind the row, e.g. a contractor) are matched by
 * name across plans and marked `member: false`. A person's capacity is the largest any of their rows
 * gives them and their absences those of every row; weekly capacity counts Monday to Friday.
 * Members come first in the workspace's order, then the others by name.
 */
export async function getWorkload(principal: Principal | null, workspaceId: string, today: ISODate) {
  const { workspace } = await requireWorkspace(principal, workspaceId, "read");
  const from = weekStartOf(today);
  const to = addDays(from, 7 * WORKLOAD_WEEKS - 1);
  const [rows, members] = await Promise.all([listPersonAssignments(workspace.id, from, to), listMembers(workspace.id)]);
  const calendars = new Map(
    (await listPlanCalendars([...new Set(rows.map((r) => r.planId))])).map((c) => [c.planId, calendarOf(c)]),
  );
  const titles = new Map(rows.map((r) => [r.planId, r.planTitle]));
  const memberIds = new Set(members.map((m) => m.userId));
  const others = new Map<string, typeof rows>();
  for (const r of rows) {
    if (r.userId && memberIds.has(r.userId)) continue;
    const key = personKey(r.name);
    if (key) others.set(key, [...(others.get(key) ?? []), r]);
  }
  const load = (mine: typeof rows) => {
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
    return { capacity, weeks, overAllocated: weeks.some((w) => w.overAllocated) };
  };
  const memberRows = members.flatMap((m) => {
    const mine = rows.filter((r) => r.userId === m.userId);
    if (mine.length === 0) return [];
    return [
      { key: `member:${m.userId}`, userId: m.userId as string | null, name: m.name, member: true, ...load(mine) },
    ];
  });
  const otherRows = [...others]
    .map(([key, mine]) => ({
      key: `name:${key}`,
      userId: null,
      name: mine[0]!.name.trim(),
      member: false,
      ...load(mine),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "en-US", { sensitivity: "base" }));
  return { workspace, from, to, people: [...memberRows, ...otherRows], planTitles: Object.fromEntries(titles) };
}

function calendarOf(c: { settings: Record<string, unknown> | null; holidays: WorkingCalendar["holidays"] }) {
  const weekdays = settingsSchema.shape.workingWeekdays.safeParse(c.settings?.workingWeekdays);
  return { workingWeekdays: weekdays.success ? weekdays.data : defaultCalendar.workingWeekdays, holidays: c.holidays };
}
