import "server-only";
import type { Principal } from "@/lib/access";
import { dateInTimeZone } from "@/lib/plan/dates";
import { raciCsv } from "@/lib/raci/csv";
import { risksCsv } from "@/lib/risks/csv";
import { scheduleToCsv } from "@/lib/schedule/csv";
import { scheduleToMspdi } from "@/lib/schedule/mspdi";
import { sheetFromCsv, workbook, type Sheet } from "@/lib/schedule/xlsx";
import { exportFilename } from "./exports";
import { getPlanView } from "./plans";

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

/** One workbook: the schedule, risk register, RACI grid and budget, a sheet each. */
export async function exportPlanWorkbook(principal: Principal | null, planId: string) {
  const { plan, content, members, nameOf, calendar } = await readSchedule(principal, planId);
  const memberNames = new Map(members.map((m) => [m.id, m.name]));
  const schedule = scheduleToCsv({
    tasks: content.tasks,
    dependencies: content.dependencies,
    deliverables: content.deliverables,
    nameOf,
    calendar,
  });
  const risks = risksCsv({
    risks: content.risks,
    tasks: content.tasks,
    bands: content.settings.riskBands,
    nameOf,
    today: dateInTimeZone(new Date(), "UTC"),
  });
  const raci = raciCsv({
    tasks: content.tasks,
    deliverables: content.deliverables,
    columns: content.raciColumns,
    cells: content.raciCells,
    memberName: (id) => memberNames.get(id) ?? null,
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
        String(l.actual - l.planned),
        l.currency,
      ]),
  };
  const body = await workbook([
    sheetFromCsv("Schedule", schedule),
    sheetFromCsv("Risks", risks),
    sheetFromCsv("RACI", raci),
    budget,
  ]);
  return { filename: exportFilename(plan.title, "xlsx"), body };
}
