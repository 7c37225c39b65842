import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { slippage } from "@/lib/plan/baseline";
import { planCompleteness } from "@/lib/plan/completeness";
import { criticalPath } from "@/lib/plan/critical-path";
import { raciProblems, raciRows } from "@/lib/plan/raci";
import { findCycle, validateTask } from "@/lib/plan/schedule";
import {
  budgetLineSchema,
  deliverableSchema,
  dependencySchema,
  objectiveSchema,
  resourceSchema,
  riskSchema,
  taskSchema,
} from "@/lib/plan/validation";
import { demoPlanContent } from "./demo-content";

describe("demo plan content", () => {
  const user = randomUUID();
  const plan = demoPlanContent("2026-11-18", user);

  it("is valid row by row", () => {
    for (const t of plan.tasks) {
      expect(taskSchema.safeParse(t).success, t.name).toBe(true);
      expect(validateTask(t), t.name).toEqual([]);
    }
    for (const [schema, rows] of [
      [dependencySchema, plan.dependencies],
      [objectiveSchema, plan.objectives],
      [deliverableSchema, plan.deliverables],
      [riskSchema, plan.risks],
      [resourceSchema, plan.resources],
      [budgetLineSchema, plan.budgetLines],
    ] as const) {
      for (const row of rows)
        expect((schema as { safeParse: (v: unknown) => { success: boolean } }).safeParse(row).success).toBe(true);
    }
  });

  it("shows every kind of dependency, milestones, a buffer, a hierarchy and a baseline with slippage", () => {
    expect(new Set(plan.dependencies.map((d) => d.type))).toEqual(new Set(["FS", "SS", "FF", "SF"]));
    expect(plan.tasks.filter((t) => t.kind === "milestone").length).toBeGreaterThanOrEqual(3);
    expect(plan.tasks.some((t) => t.kind === "buffer")).toBe(true);
    expect(plan.tasks.some((t) => t.parentId !== null)).toBe(true);
    expect(findCycle(plan.dependencies)).toBeNull();
    const cp = criticalPath(plan.tasks, plan.dependencies, plan.calendar);
    expect(cp.criticalTaskIds.length).toBeGreaterThan(0);
    const late = slippage(plan.tasks, plan.baselines[0]!, plan.calendar).filter((s) => s.endSlip > 0);
    expect(late.length).toBeGreaterThan(0);
  });

  it("has one RACI row that breaks a rule, and is otherwise nearly complete", () => {
    const rows = raciRows(plan.tasks, plan.deliverables).filter((r) => plan.raciCells.some((c) => c.rowId === r.id));
    const broken = raciProblems(rows, plan.raciColumns, plan.raciCells).filter((r) => r.problems.length > 0);
    expect(broken.map((b) => plan.deliverables.find((d) => d.id === b.rowId)?.name)).toEqual([
      "Support-team training and help articles",
    ]);
    expect(planCompleteness(plan).score).toBeGreaterThan(60);
  });
});
