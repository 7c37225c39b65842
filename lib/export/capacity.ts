/**
 * The capacity part of the Resources section as every export shows it: each person's availability,
 * the budget ceiling against planned and actual cost, and the additional resources asked for. Values
 * are plain text and numbers; each exporter escapes them its own way. Pure.
 */
import type { DocContent } from "@/lib/doc";
import { ceilingCheck, type CeilingCheck } from "@/lib/plan/budget";
import type { Absence } from "@/lib/plan/types";

export interface ExportAvailability {
  id: string;
  name: string;
  role: string;
  /** Hours the person can work in a full week, before their allocation. */
  hoursPerWeek: number;
  /** Share of their time given to the plan, 0–100. */
  allocation: number;
  /** hoursPerWeek × allocation, rounded to a tenth: the hours a week this plan may take. */
  planHours: number;
  absences: Absence[];
}

export interface ExportRequest {
  id: string;
  what: string;
  why: string;
  estimatedCost: number;
  status: string;
  statusLabel: string;
}

export interface ExportCapacity {
  people: ExportAvailability[];
  /** The plan's currency, which the ceiling and the requests' costs are in. */
  currency: string;
  /** Null when the plan sets no ceiling. */
  ceiling: CeilingCheck | null;
  requests: ExportRequest[];
  /** The estimated cost of the requests not declined. */
  requestedCost: number;
}

export const requestStatusLabels: Record<string, string> = {
  requested: "Requested",
  approved: "Approved",
  declined: "Declined",
};

const byOrder = <T extends { order: number }>(rows: readonly T[]) => [...rows].sort((a, b) => a.order - b.order);

export function exportCapacity(content: DocContent): ExportCapacity {
  const { currency, budgetCeiling } = content.settings;
  const requests = byOrder(content.resourceRequests).map((r) => ({
    id: r.id,
    what: r.what,
    why: r.why,
    estimatedCost: r.estimatedCost,
    status: r.status,
    statusLabel: requestStatusLabels[r.status] ?? r.status,
  }));
  return {
    people: byOrder(content.resources.filter((r) => r.kind === "person")).map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role,
      hoursPerWeek: r.capacityHoursPerWeek,
      allocation: r.allocation,
      planHours: Math.round((r.capacityHoursPerWeek * r.allocation) / 10) / 10,
      absences: r.absences,
    })),
    currency,
    ceiling: ceilingCheck(content.budgetLines, currency, budgetCeiling),
    requests,
    requestedCost:
      Math.round(requests.filter((r) => r.status !== "declined").reduce((s, r) => s + r.estimatedCost, 0) * 100) / 100,
  };
}

/** One absence as text: "2026-12-09 – 2026-12-13 (Holiday)", one day as "2026-11-26 (Training)". */
export function absenceText(a: Absence): string {
  const days = a.start === a.end ? a.start : `${a.start} – ${a.end}`;
  return a.note.trim() ? `${days} (${a.note.trim()})` : days;
}

/** A person's absences as one line of text; "" when they are never away. */
export const absencesText = (absences: readonly Absence[]) => absences.map(absenceText).join("; ");

/** What the ceiling check says, in words. */
export function ceilingNote(c: CeilingCheck): string {
  if (c.actualOver) return "Spending is over the ceiling.";
  if (c.plannedOver) return "The planned cost is over the ceiling.";
  return "Within the ceiling.";
}
