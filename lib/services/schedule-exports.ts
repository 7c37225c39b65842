import "server-only";
import type { Principal } from "@/lib/access";
import { absencesText, ceilingNote, exportCapacity, type ExportCapacity } from "@/lib/export/capacity";
import { variance } from "@/lib/plan/budget";
import { scheduleToCsv } from "@/lib/schedule/csv";
import { scheduleToMspdi } from "@/lib/schedule/mspdi";
import { sheetFromCsv, workbook, type Sheet } from "@/lib/schedule/xlsx";
import { exportFilename } from "./exports";
import { getPlanView } from "./plans";
import { planCsvBody } from "./risk-raci-csv";

/** The plan's content with a name for every member and resource id, for anyone who may read it. */
async function readSchedule(principal: Principal | null, planId: string) {
  const view = await getPlanView(principal, planId);
  const { content, members } = view;
  const names = new Map([
    ...members.map((m) => [m.id, m.name] as const),
    ...content.resources.map((r) => [r.id, r.name] as const),
  ]);
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const calendar = { workingWeekdays: content.settings.workingWeekdays, holidays: content.holidays };
  return { ...view, nameOf, calendar };
}

/** The schedule as MS Project XML (MSPDI). */
export async function exportScheduleMspdi(principal: Principal | null, planId: string) {
  const { plan, content, nameOf, calendar } = await readSchedule(principal, planId);
  const body = scheduleToMspdi({
    title: plan.title,
    tasks: content.tasks,
    dependencies: content.dependencies,
    calendar,
    nameOf,
  });
  return { filename: exportFilename(plan.title, "xml"), body };
}

/**
 * The capacity sheets: each person's availability, their absences one row each (date cells), the
 * budget ceiling against planned and actual cost, and the additional resources asked for.
 */
function capacitySheets(cap: ExportCapacity): Sheet[] {
  const c = cap.ceiling;
  return [
    {
      name: "Availability",
      header: ["Name", "Role", "Hours a week", "Allocation", "Hours a week for this plan", "Away"],
      rows: cap.people.map((p) => [
        p.name,
        p.role,
        String(p.hoursPerWeek),
        String(p.allocation),
        String(p.planHours),
        absencesText(p.absences),
      ]),
    },
    {
      name: "Absences",
      header: ["Name", "Start", "End", "Note"],
      rows: cap.people.flatMap((p) => p.absences.map((a) => [p.name, a.start, a.end, a.note])),
    },
    {
      name: "Budget ceiling",
      header: ["Currency", "Ceiling", "Planned", "Actual", "Headroom", "Check"],
      rows: [
        c
          ? [c.currency, String(c.ceiling), String(c.planned), String(c.actual), String(c.headroom), ceilingNote(c)]
          : [cap.currency, "", "", "", "", "No budget ceiling set."],
      ],
    },
    {
      name: "Resource requests",
      header: ["What", "Why", "Estimated cost", "Currency", "Status"],
      rows: cap.requests.map((r) => [r.what, r.why, String(r.estimatedCost), cap.currency, r.statusLabel]),
    },
  ];
}

/**
 * One workbook: the schedule, risk register, RACI grid and budget, a sheet each, then the capacity
 * sheets (availability, absences, budget ceiling, resource requests).
 */
export async function exportPlanWorkbook(principal: Principal | null, planId: string) {
  const view = await readSchedule(principal, planId);
  const { plan, content, nameOf, calendar } = view;
  const schedule = scheduleToCsv({
    tasks: content.tasks,
    dependencies: content.dependencies,
    deliverables: content.deliverables,
    nameOf,
    calendar,
  });
  const budget: Sheet = {
    name: "Budget",
    header: ["Category", "Description", "Planned", "Actual", "Variance", "Currency"],
    rows: [...content.budgetLines]
      .sort((a, b) => a.order - b.order)
      .map((l) => [
        l.category,
        l.description,
        String(l.planned),
        String(l.actual),
        String(variance(l.planned, l.actual).amount),
        l.currency,
      ]),
  };
  const body = await workbook([
    sheetFromCsv("Schedule", schedule),
    sheetFromCsv("Risks", planCsvBody(view, "risks")),
    sheetFromCsv("RACI", planCsvBody(view, "raci")),
    budget,
    ...capacitySheets(exportCapacity(content)),
  ]);
  return { filename: exportFilename(plan.title, "xlsx"), body };
}
