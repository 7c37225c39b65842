/**
 * The assembled plan as one value: the document's content plus every figure the print view and the
 * Markdown export show, computed once with the rules in lib/plan. Pure; no server-only imports.
 */
import { toPlanContent, type DocContent } from "@/lib/doc";
import { budgetByCategory, budgetTotals, variance, type BudgetTotal, type CategoryTotal } from "@/lib/plan/budget";
import { planCompleteness, type Completeness } from "@/lib/plan/completeness";
import {
  deliverablesProgress,
  kpiProgress,
  milestoneStatus,
  overdueTasks,
  planPercentComplete,
  type MilestoneStatus,
} from "@/lib/plan/progress";
import { raciProblems, raciRows, type RaciRow } from "@/lib/plan/raci";
import { bandFor, openExposure, riskScore } from "@/lib/plan/risk";
import { rollUpSummaries, taskDuration } from "@/lib/plan/schedule";
import { statusLabels } from "@/lib/plan/template";
import { buildTree, inTreeOrder } from "@/lib/plan/tree";
import type { ISODate, PlanContent, RiskBand, Task } from "@/lib/plan/types";
import { exportCapacity, type ExportCapacity } from "./capacity";

export type ExportHeader = {
  title: string;
  status: keyof typeof statusLabels;
  ownerName: string | null;
  summary: string;
  workspaceName: string;
};

export type ExportInput = {
  plan: ExportHeader;
  content: DocContent;
  /** Workspace members (id → name), to name owners and assignees. */
  members: { id: string; name: string }[];
  today: ISODate;
};

/**
 * A schedule row as printed: summary tasks carry their children's rolled-up dates and progress; `wbs`
 * is its work breakdown number (1, 1.2, 1.2.3) in the derived tree.
 */
export type ExportTask = Task & { summary: boolean; depth: number; wbs: string };

export type ExportRisk = DocContent["risks"][number] & { ref: string; score: number; band: RiskBand | null };

export interface ExportModel {
  plan: ExportHeader & { statusLabel: string };
  today: ISODate;
  content: DocContent;
  rules: PlanContent;
  nameOf: (id: string | null) => string;
  taskName: (id: string) => string;
  /** A task's deliverable by name ("" for none or one that no longer exists). */
  deliverableName: (id: string | null) => string;
  /** The schedule in tree order (each summary before its subtasks), summaries rolled up. */
  tasks: ExportTask[];
  summaryIds: Set<string>;
  /** Predecessor names per task id. */
  predecessors: Map<string, string[]>;
  durations: Map<string, number>;
  deliverableProgress: Map<string, number | null>;
  kpiProgress: Map<string, number | null>;
  /** Risks with a short reference (R1, R2 …) shared by the table and the matrix, highest score first. */
  risks: ExportRisk[];
  budget: { totals: BudgetTotal[]; categories: CategoryTotal[] };
  /** Availability of each person, the budget ceiling and the additional resources asked for. */
  capacity: ExportCapacity;
  raci: { rows: RaciRow[]; gaps: number };
  metrics: { percentComplete: number; milestones: MilestoneStatus; overdue: Task[]; exposure: number };
  completeness: Completeness;
}

/** Everything the assembled document shows, derived from the plan's content. */
export function buildExportModel({ plan, content, members, today }: ExportInput): ExportModel {
  const rules = toPlanContent(content);
  const names = new Map<string, string>();
  for (const m of members) names.set(m.id, m.name);
  for (const r of content.resources) if (r.name.trim()) names.set(r.id, r.name);
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? "Unknown") : "—");
  const tasksById = new Map(content.tasks.map((t) => [t.id, t]));
  const taskName = (id: string) => tasksById.get(id)?.name.trim() || "Untitled task";
  const deliverableNames = new Map(content.deliverables.map((d) => [d.id, d.name]));
  const deliverableName = (id: string | null) => (id ? (deliverableNames.get(id) ?? "") : "");

  const predecessors = new Map<string, string[]>();
  for (const d of content.dependencies) {
    if (!tasksById.has(d.from) || !tasksById.has(d.to)) continue;
    const lag = d.lag ? ` ${d.lag > 0 ? "+" : ""}${d.lag}d` : "";
    predecessors.set(d.to, [...(predecessors.get(d.to) ?? []), `${taskName(d.from)} (${d.type}${lag})`]);
  }
  const bands = content.settings.riskBands;
  const risks = content.risks
    .map((r) => ({ ...r, score: riskScore(r), band: bandFor(riskScore(r), bands) }))
    .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title))
    .map((r, i) => ({ ...r, ref: `R${i + 1}` }));
  const rows = raciRows(content.tasks, content.deliverables);
  const rollups = rollUpSummaries(content.tasks, rules.calendar);
  const tree = buildTree(content.tasks);
  const tasks = inTreeOrder(content.tasks, tree).map((t): ExportTask => {
    const r = rollups.get(t.id);
    const place = { depth: tree.depth.get(t.id)!, wbs: tree.wbs.get(t.id)! };
    return r
      ? { ...t, start: r.start, end: r.end, progress: Math.round(r.progress), summary: true, ...place }
      : { ...t, summary: false, ...place };
  });
  return {
    plan: { ...plan, statusLabel: statusLabels[plan.status] },
    today,
    content,
    rules,
    nameOf,
    taskName,
    deliverableName,
    tasks,
    summaryIds: new Set(rollups.keys()),
    predecessors,
    durations: new Map(tasks.map((t) => [t.id, taskDuration(t, rules.calendar)])),
    deliverableProgress: deliverablesProgress(content.deliverables, content.tasks, rules.calendar),
    kpiProgress: new Map(content.objectives.map((o) => [o.id, kpiProgress(o.kpi)])),
    risks,
    budget: { totals: budgetTotals(content.budgetLines), categories: budgetByCategory(content.budgetLines) },
    capacity: exportCapacity(content),
    raci: { rows, gaps: raciProblems(rows, content.raciColumns, content.raciCells).length },
    metrics: {
      percentComplete: Math.round(planPercentComplete(content.tasks, rules.calendar)),
      milestones: milestoneStatus(content.tasks, today),
      overdue: overdueTasks(content.tasks, today),
      exposure: openExposure(content.risks),
    },
    completeness: planCompleteness(rules),
  };
}

/** A money amount with its currency, grouped for reading. */
export function money(amount: number, currency: string): string {
  return `${amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
}

/** A signed variance ("+1,200.00 EUR (+12%)"), positive meaning over budget. */
export function varianceText(planned: number, actual: number, currency: string): string {
  const v = variance(planned, actual);
  const sign = v.amount > 0 ? "+" : "";
  const pct = v.percent === null ? "" : ` (${sign}${Math.round(v.percent)}%)`;
  return `${sign}${money(v.amount, currency)}${pct}`;
}

export const scopeHeadings = [
  ["in", "In scope"],
  ["out", "Out of scope"],
  ["assumption", "Assumptions"],
  ["constraint", "Constraints"],
] as const;

export const swotHeadings = [
  ["strengths", "Strengths"],
  ["weaknesses", "Weaknesses"],
  ["opportunities", "Opportunities"],
  ["threats", "Threats"],
] as const;

export const deliverableStatusLabels: Record<string, string> = {
  planned: "Planned",
  in_progress: "In progress",
  done: "Done",
  accepted: "Accepted",
};
export const riskStatusLabels: Record<string, string> = {
  open: "Open",
  mitigating: "Mitigating",
  closed: "Closed",
  occurred: "Occurred",
};
export const resourceKindLabels: Record<string, string> = {
  person: "People",
  tool: "Tools & software",
  equipment: "Equipment",
};
