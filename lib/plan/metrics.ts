/**
 * The plan's dashboard figures in one value: % complete, milestones, overdue work, open risk
 * exposure by band, budget totals and RACI gaps. Composes the rules of progress, risk, budget and
 * raci so the Metrics section, the print view and exports show the same numbers.
 */
import { budgetTotals, type BudgetTotal } from "./budget";
import { kpiProgress, milestoneStatus, overdueTasks, planPercentComplete, type MilestoneStatus } from "./progress";
import { raciProblems, raciRows } from "./raci";
import { bandFor, defaultRiskBands, openExposure, riskScore } from "./risk";
import type { ISODate, PlanContent, RiskBandId, Task } from "./types";

export interface PlanMetrics {
  /** Duration-weighted, 0–100. */
  percentComplete: number;
  milestones: MilestoneStatus;
  overdue: Task[];
  /** Σ likelihood × impact of risks not closed. */
  exposure: number;
  /** Open risks per score band, in band order. */
  openRisksByBand: { band: RiskBandId; label: string; count: number; exposure: number }[];
  budget: BudgetTotal[];
  /** Rows of the RACI grid with letters that break a rule (no single Accountable, no Responsible). */
  raciGaps: { rowId: string; name: string; messages: string[] }[];
  /** Rows nobody is assigned to yet: still to do, not broken (as the RACI grid shows them). */
  raciUnassigned: number;
  /** Objectives with a measurable KPI, and their mean progress toward target (null when none). */
  kpis: { measured: number; total: number; meanProgress: number | null };
}

export function planMetrics(plan: PlanContent, today: ISODate): PlanMetrics {
  const bands = plan.riskBands ?? defaultRiskBands;
  const open = plan.risks.filter((r) => r.status !== "closed");
  const openRisksByBand = bands.map((b) => {
    const inBand = open.filter((r) => bandFor(riskScore(r), bands)?.id === b.id);
    return { band: b.id, label: b.label, count: inBand.length, exposure: inBand.reduce((s, r) => s + riskScore(r), 0) };
  });
  const rows = raciRows(plan.tasks, plan.deliverables);
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const columnIds = new Set(plan.raciColumns.map((c) => c.id));
  const assigned = new Set(plan.raciCells.filter((c) => columnIds.has(c.columnId)).map((c) => c.rowId));
  const raciGaps = raciProblems(
    rows.filter((r) => assigned.has(r.id)),
    plan.raciColumns,
    plan.raciCells,
  ).map((g) => ({ rowId: g.rowId, name: names.get(g.rowId) ?? "", messages: g.problems.map((p) => p.message) }));
  const progress = plan.objectives.map((o) => kpiProgress(o.kpi)).filter((p): p is number => p !== null);
  return {
    percentComplete: planPercentComplete(plan.tasks, plan.calendar),
    milestones: milestoneStatus(plan.tasks, today),
    overdue: overdueTasks(plan.tasks, today),
    exposure: openExposure(plan.risks),
    openRisksByBand,
    budget: budgetTotals(plan.budgetLines),
    raciGaps,
    raciUnassigned: rows.filter((r) => !assigned.has(r.id)).length,
    kpis: {
      measured: progress.length,
      total: plan.objectives.length,
      meanProgress: progress.length ? progress.reduce((s, p) => s + p, 0) / progress.length : null,
    },
  };
}
