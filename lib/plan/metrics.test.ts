import { describe, expect, it } from "vitest";
import { emptyPlanContent } from "./completeness";
import { makeTask as task } from "./fixtures";
import { planMetrics } from "./metrics";
import type { PlanContent, Risk } from "./types";

const risk = (id: string, likelihood: number, impact: number, status: Risk["status"] = "open"): Risk => ({
  id,
  title: id,
  description: "",
  category: "",
  ownerId: null,
  likelihood,
  impact,
  trigger: "",
  mitigation: "",
  contingency: "",
  status,
  linkedTaskIds: [],
  reviewDate: null,
});

const plan = (): PlanContent => ({
  ...emptyPlanContent(),
  tasks: [
    task({ id: "a", name: "Build", start: "2025-06-02", end: "2025-06-06", progress: 50 }),
    task({ id: "b", name: "Test", start: "2025-06-09", end: "2025-06-13", progress: 100 }),
    task({ id: "m1", name: "Go-live", kind: "milestone", start: "2025-06-13", end: "2025-06-13", progress: 0 }),
    task({ id: "m2", name: "Kick-off", kind: "milestone", start: "2025-06-02", end: "2025-06-02", progress: 100 }),
  ],
  risks: [risk("r1", 4, 4), risk("r2", 1, 2), risk("r3", 5, 5, "closed")],
  budgetLines: [{ id: "l", category: "Dev", description: "", planned: 100, actual: 120, currency: "EUR", order: 1 }],
  objectives: [
    {
      id: "o1",
      title: "Calls",
      description: "",
      kpi: { metric: "Calls", baseline: 100, target: 50, current: 75, unit: "", due: null },
      order: 1,
    },
    {
      id: "o2",
      title: "Vague",
      description: "",
      kpi: { metric: "", baseline: null, target: null, current: null, unit: "", due: null },
      order: 2,
    },
  ],
  raciColumns: [{ id: "c", kind: "role", userId: null, name: "Lead", order: 1 }],
  raciCells: [
    { rowId: "a", columnId: "c", value: "R" },
    { rowId: "b", columnId: "c", value: "C" },
  ],
});

describe("planMetrics", () => {
  const m = planMetrics(plan(), "2025-06-10");

  it("gathers progress, milestones and overdue work as of today", () => {
    expect(m.percentComplete).toBe(75);
    expect(m.milestones.hit.map((t) => t.id)).toEqual(["m2"]);
    expect(m.milestones.upcoming.map((t) => t.id)).toEqual(["m1"]);
    expect(m.overdue.map((t) => t.id)).toEqual(["a"]);
  });

  it("sums the exposure of open risks and sorts them into bands", () => {
    expect(m.exposure).toBe(18);
    expect(m.openRisksByBand.map((b) => [b.band, b.count, b.exposure])).toEqual([
      ["low", 1, 2],
      ["medium", 0, 0],
      ["high", 1, 16],
      ["critical", 0, 0],
    ]);
  });

  it("reports budget variance per currency, RACI gaps and KPI progress", () => {
    expect(m.budget[0]).toMatchObject({ currency: "EUR", planned: 100, actual: 120, variance: { amount: 20 } });
    // "a" lacks an Accountable, "b" has only a Consulted; the milestones are not assigned yet.
    expect(m.raciGaps.map((g) => g.rowId)).toEqual(["a", "b"]);
    expect(m.raciGaps[1]!.messages).toHaveLength(2);
    expect(m.raciUnassigned).toBe(2);
    expect(m.kpis).toEqual({ measured: 1, total: 2, meanProgress: 50 });
  });

  it("reports no RACI gaps before anyone is in the grid, only rows to assign", () => {
    const empty = planMetrics({ ...plan(), raciColumns: [], raciCells: [] }, "2025-06-10");
    expect(empty.raciGaps).toEqual([]);
    expect(empty.raciUnassigned).toBe(4);
  });
});
