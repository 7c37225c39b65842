import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { slippage } from "@/lib/plan/baseline";
import { ceilingCheck } from "@/lib/plan/budget";
import { planCompleteness } from "@/lib/plan/completeness";
import { criticalPath } from "@/lib/plan/critical-path";
import { raciProblems, raciRows } from "@/lib/plan/raci";
import { findCycle, validateTask } from "@/lib/plan/schedule";
import {
  budgetLineSchema,
  deliverableSchema,
  dependencySchema,
  objectiveSchema,
  resourceRequestSchema,
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
      [resourceRequestSchema, plan.resourceRequests ?? []],
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

  it("fills in the capacity part: availability, absences, a budget ceiling and resource requests", () => {
    const people = plan.resources.filter((r) => r.kind === "person");
    // Not everyone works a 40-hour week, and someone is away in the coming weeks.
    expect(people.some((r) => r.capacityHoursPerWeek !== 40 && r.capacityHoursPerWeek > 0)).toBe(true);
    const away = people.flatMap((r) => r.absences);
    expect(away.length).toBeGreaterThanOrEqual(1);
    expect(away.every((a) => a.start >= "2026-11-18" && a.note.trim())).toBe(true);
    // People who are not members, so the workspace workload shows them by name.
    expect(people.some((r) => r.userId === null)).toBe(true);
    // A ceiling the plan is within, with headroom to show.
    expect(plan.budgetCeiling).toBe(190_000);
    expect(ceilingCheck(plan.budgetLines, "EUR", plan.budgetCeiling!)).toMatchObject({
      planned: 181_800,
      plannedOver: false,
      actualOver: false,
      headroom: 8_200,
    });
    // At least one request still waiting for a decision, and one decided.
    const statuses = (plan.resourceRequests ?? []).map((r) => r.status);
    expect(statuses).toContain("requested");
    expect(statuses).toContain("approved");
    for (const r of plan.resourceRequests ?? [])
      expect(r.what.trim() && r.why.trim() && r.estimatedCost > 0).toBeTruthy();
  });
});
