import "server-only";
import type { Principal } from "@/lib/access";
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

/** One workbook: the schedule, risk register, RACI grid and budget, a sheet each. */
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
  ]);
  return { filename: exportFilename(plan.title, "xlsx"), body };
}
