/**
 * MS Project XML (MSPDI) export of a plan's schedule, the format Microsoft Project, ProjectLibre and
 * GanttProject exchange. Elements follow the order of Microsoft's schema (docs/exports.md lists every
 * element written; a test holds the output to that list). Days are 8 working hours, 08:00–17:00.
 * Pure: the caller reads the plan, nothing is written here.
 */
import { XMLBuilder } from "fast-xml-parser";
import { taskDuration } from "@/lib/plan/schedule";
import type { Dependency, DependencyType, Task, WorkingCalendar } from "@/lib/plan/types";

/** MSPDI link Type codes: 0 = FF, 1 = FS, 2 = SF, 3 = SS. */
export const MSPDI_LINK_TYPES: Record<DependencyType, number> = { FF: 0, FS: 1, SF: 2, SS: 3 };
export const MINUTES_PER_DAY = 480;
/** LagFormat 7: the lag is shown in working days (LinkLag itself is always tenths of a minute). */
export const LAG_FORMAT_DAYS = 7;
const WORK_TIMES = [
  { FromTime: "08:00:00", ToTime: "12:00:00" },
  { FromTime: "13:00:00", ToTime: "17:00:00" },
];

/** An ISO 8601 duration of working days as MS Project writes it: 3 days → PT24H0M0S. */
export const mspdiDuration = (days: number) => `PT${days * (MINUTES_PER_DAY / 60)}H0M0S`;

/** Tasks parent-first, siblings by order, each with its outline number (1, 1.1, 1.2, 2 …). */
export function outline(tasks: readonly Task[]): { task: Task; number: string; level: number }[] {
  const ids = new Set(tasks.map((t) => t.id));
  const children = new Map<string | null, Task[]>();
  for (const t of tasks) {
    const p = t.parentId && ids.has(t.parentId) && t.parentId !== t.id ? t.parentId : null;
    children.set(p, [...(children.get(p) ?? []), t]);
  }
  const out: { task: Task; number: string; level: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, prefix: string, level: number) => {
    const kids = (children.get(parent) ?? []).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
    kids.forEach((t, i) => {
      if (seen.has(t.id)) return;
      seen.add(t.id);
      const number = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      out.push({ task: t, number, level });
      walk(t.id, number, level + 1);
    });
  };
  walk(null, "", 1);
  // A loop of parents has no root: such tasks follow at the top level rather than vanish.
  for (const t of tasks) if (!seen.has(t.id)) out.push({ task: t, number: String(out.length + 1), level: 1 });
  return out;
}

export function scheduleToMspdi(input: {
  title: string;
  tasks: readonly Task[];
  dependencies: readonly Dependency[];
  calendar: WorkingCalendar;
  nameOf: (id: string | null) => string | null;
}): string {
  const rows = outline(input.tasks);
  const uid = new Map(rows.map((r, i) => [r.task.id, i + 1]));
  const parents = new Set(input.tasks.map((t) => t.parentId).filter(Boolean));
  const preds = new Map<string, Dependency[]>();
  for (const d of input.dependencies)
    if (uid.has(d.from) && uid.has(d.to)) preds.set(d.to, [...(preds.get(d.to) ?? []), d]);
  const people = [...new Set(rows.map((r) => r.task.assigneeId).filter((a): a is string => !!a))]
    .map((id) => ({ id, name: input.nameOf(id) }))
    .filter((p): p is { id: string; name: string } => !!p.name);
  const resourceUid = new Map(people.map((p, i) => [p.id, i + 1]));
  const dated = rows.flatMap((r) => [r.task.start, r.task.end]).filter((d): d is string => !!d);
  const start = dated.reduce((a, b) => (a < b ? a : b), dated[0] ?? "");
  const finish = dated.reduce((a, b) => (a > b ? a : b), dated[0] ?? "");
  const cal = input.calendar;

  const tasks = rows.map(({ task: t, number, level }) => {
    const milestone = t.kind === "milestone";
    const days = t.start && t.end && !milestone ? taskDuration(t, cal) : 0;
    return {
      UID: uid.get(t.id),
      ID: uid.get(t.id),
      Name: t.name,
      WBS: number,
      OutlineNumber: number,
      OutlineLevel: level,
      ...(t.start && { Start: `${t.start}T08:00:00` }),
      ...(t.end && { Finish: milestone ? `${t.start ?? t.end}T08:00:00` : `${t.end}T17:00:00` }),
      ...(t.start && t.end && { Duration: mspdiDuration(days), DurationFormat: 7 }),
      Milestone: milestone ? 1 : 0,
      Summary: parents.has(t.id) ? 1 : 0,
      PercentComplete: Math.round(t.progress),
      PredecessorLink: (preds.get(t.id) ?? []).map((d) => ({
        PredecessorUID: uid.get(d.from),
        Type: MSPDI_LINK_TYPES[d.type],
        CrossProject: 0,
        LinkLag: d.lag * MINUTES_PER_DAY * 10,
        LagFormat: LAG_FORMAT_DAYS,
      })),
    };
  });

  const project = {
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8", "@_standalone": "yes" },
    Project: {
      "@_xmlns": "http://schemas.microsoft.com/project",
      SaveVersion: 14,
      Name: `${input.title}.xml`,
      Title: input.title,
      ScheduleFromStart: 1,
      ...(start && { StartDate: `${start}T08:00:00`, FinishDate: `${finish}T17:00:00` }),
      CalendarUID: 1,
      MinutesPerDay: MINUTES_PER_DAY,
      MinutesPerWeek: MINUTES_PER_DAY * cal.workingWeekdays.length,
      DaysPerMonth: 20,
      Calendars: {
        Calendar: {
          UID: 1,
          Name: "Standard",
          IsBaseCalendar: 1,
          WeekDays: {
            WeekDay: [0, 1, 2, 3, 4, 5, 6].map((d) => {
              const working = cal.workingWeekdays.includes(d);
              return {
                DayType: d + 1,
                DayWorking: working ? 1 : 0,
                ...(working && { WorkingTimes: { WorkingTime: WORK_TIMES } }),
              };
            }),
          },
          ...(cal.holidays.length > 0 && {
            Exceptions: {
              Exception: cal.holidays.map((h) => ({
                EnteredByOccurrences: 0,
                TimePeriod: { FromDate: `${h.date}T00:00:00`, ToDate: `${h.date}T23:59:00` },
                Occurrences: 1,
                Name: h.name,
                Type: 1,
                DayWorking: 0,
              })),
            },
          }),
        },
      },
      Tasks: { Task: tasks },
      Resources: {
        Resource: people.map((p) => ({ UID: resourceUid.get(p.id), ID: resourceUid.get(p.id), Name: p.name, Type: 1 })),
      },
      Assignments: {
        Assignment: rows
          .filter((r) => r.task.assigneeId && resourceUid.has(r.task.assigneeId))
          .map((r, i) => ({
            UID: i + 1,
            TaskUID: uid.get(r.task.id),
            ResourceUID: resourceUid.get(r.task.assigneeId!),
            Units: 1,
          })),
      },
    },
  };
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    format: true,
    indentBy: "  ",
    suppressEmptyNode: true,
    processEntities: true,
  });
  return builder.build(project) as string;
}
