import { describe, expect, it } from "vitest";
import { emptyPlanContent, planCompleteness } from "./completeness";
import { makeTask } from "./fixtures";
import { planSections } from "./template";
import type { PlanContent } from "./types";

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

/** A plan an outsider could read without a question left. */
function completePlan(): PlanContent {
  return {
    ...emptyPlanContent(),
    objectives: [
      {
        id: "o1",
        title: "Faster support",
        description: "",
        order: 0,
        kpi: { metric: "Median reply time", baseline: 24, target: 4, current: 12, unit: "h", due: "2025-12-31" },
      },
    ],
    scope: {
      inScope: ["Email support"],
      outOfScope: ["Phone support"],
      assumptions: ["Team of four"],
      constraints: ["No new hires"],
      text: "",
    },
    deliverables: [
      {
        id: "d1",
        name: "Help centre",
        description: "",
        ownerId: "u1",
        due: "2025-06-20",
        acceptanceCriteria: "50 articles live",
        status: "planned",
        order: 0,
      },
    ],
    stakeholders: [
      {
        id: "s1",
        name: "Support agents",
        role: "Support team",
        interest: 5,
        influence: 2,
        deliverableIds: ["d1"],
        channel: "Stand-up",
        frequency: "weekly",
        ownerId: "u1",
        order: 0,
      },
    ],
    researchEntries: [
      {
        id: "re1",
        kind: "interview",
        title: "Agent interviews",
        date: "2025-05-20",
        participants: "Four agents",
        findings: "Most tickets ask for **order status**.",
        linkedIds: ["o1"],
        order: 0,
      },
    ],
    strategy: words(60),
    tasks: [
      makeTask({
        id: "t1",
        name: "Write articles",
        start: "2025-06-02",
        end: "2025-06-13",
        assigneeId: "u1",
        deliverableId: "d1",
      }),
      makeTask({ id: "m1", name: "Launch", kind: "milestone", start: "2025-06-13" }),
    ],
    dependencies: [{ id: "dep1", from: "t1", to: "m1", type: "FS", lag: 0 }],
    risks: [
      {
        id: "r1",
        title: "Writers leave",
        description: "",
        category: "People",
        ownerId: "u1",
        likelihood: 2,
        impact: 4,
        trigger: "",
        mitigation: "Pair writers",
        contingency: "",
        status: "open",
        linkedTaskIds: [],
        reviewDate: null,
      },
    ],
    raciColumns: [{ id: "c1", kind: "member", userId: "u1", name: "Ana", order: 0 }],
    raciCells: ["t1", "m1", "d1"].flatMap((rowId) => [
      { rowId, columnId: "c1", value: "A" as const },
      { rowId, columnId: "c1", value: "R" as const },
    ]),
    resources: [
      {
        id: "p1",
        kind: "person",
        name: "Ana",
        role: "Lead",
        userId: "u1",
        allocation: 50,
        notes: "",
        order: 0,
        capacityHoursPerWeek: 40,
        absences: [],
      },
    ],
    budgetLines: [
      { id: "b1", category: "Tools", description: "Help desk", planned: 1000, actual: 200, currency: "EUR", order: 0 },
    ],
    baselines: [{ id: "bl", name: "Approved", savedAt: "2025-05-30T09:00:00.000Z", tasks: [] }],
  };
}

describe("planCompleteness", () => {
  it("scores a complete plan 100 with nothing to fix, in template order", () => {
    const c = planCompleteness(completePlan());
    expect(c.items).toEqual([]);
    expect(c.score).toBe(100);
    expect(c.sections.map((s) => s.section)).toEqual(planSections.map((s) => s.id));
    expect(c.sections.every((s) => s.score === 1)).toBe(true);
  });

  it("scores an empty plan 0 and asks for every component", () => {
    const c = planCompleteness(emptyPlanContent());
    expect(c.score).toBe(0);
    expect(new Set(c.items.map((i) => i.section))).toEqual(new Set(planSections.map((s) => s.id)));
    expect(c.items.find((i) => i.section === "objectives")).toEqual({
      section: "objectives",
      rowId: null,
      message: "Add at least one objective: what does success look like?",
    });
  });

  it("points at the row to fix: undated task, deliverable without owner, risk without mitigation, objective without target", () => {
    const p = completePlan();
    p.tasks.push(makeTask({ id: "t2", name: "Train staff", assigneeId: "u1" }));
    p.deliverables[0] = { ...p.deliverables[0]!, ownerId: null };
    p.risks[0] = { ...p.risks[0]!, mitigation: " " };
    p.objectives[0] = { ...p.objectives[0]!, kpi: { ...p.objectives[0]!.kpi, target: null } };
    const c = planCompleteness(p);
    expect(c.items).toEqual(
      expect.arrayContaining([
        { section: "schedule", rowId: "t2", message: "“Train staff” has no dates." },
        { section: "deliverables", rowId: "d1", message: "“Help centre” has no owner." },
        { section: "risks", rowId: "r1", message: "“Writers leave” has no mitigation." },
        { section: "objectives", rowId: "o1", message: "“Faster support” has no KPI target." },
        { section: "raci", rowId: "t2", message: "“Train staff”: No one is Accountable: exactly one must be." },
      ]),
    );
    expect(c.score).toBeLessThan(100);
    expect(c.score).toBeGreaterThan(50);
  });

  it("asks what each stakeholder receives and how, how often and by whom they are informed", () => {
    const p = completePlan();
    // A deliverable that no longer exists counts as nothing received.
    p.stakeholders[0] = {
      ...p.stakeholders[0]!,
      deliverableIds: ["gone"],
      channel: " ",
      frequency: null,
      ownerId: null,
    };
    const s = planCompleteness(p).sections.find((x) => x.section === "stakeholders")!;
    expect(s.score).toBe(0);
    expect(s.items.map((i) => [i.rowId, i.message])).toEqual([
      ["s1", "“Support agents” receives no deliverable: say what they need to receive."],
      ["s1", "“Support agents” has no channel: say how they are informed."],
      ["s1", "“Support agents” has no frequency: say how often they are informed."],
      ["s1", "“Support agents” has no one responsible for keeping them informed."],
    ]);
    expect(planCompleteness({ ...p, stakeholders: [] }).items).toContainEqual({
      section: "stakeholders",
      rowId: null,
      message: "List the stakeholders who receive the plan's deliverables.",
    });
  });

  it("asks for each research entry's date, findings and what it informed; dangling links still count", () => {
    const p = completePlan();
    p.researchEntries.push({ ...p.researchEntries[0]!, id: "re2", title: "Survey", linkedIds: ["deleted-risk"] });
    p.researchEntries[0] = { ...p.researchEntries[0]!, date: null, findings: "", linkedIds: [] };
    const s = planCompleteness(p).sections.find((x) => x.section === "research")!;
    expect(s.score).toBe(0.5);
    expect(s.items.map((i) => i.message)).toEqual([
      "“Agent interviews” has no date.",
      "“Agent interviews” has no findings recorded.",
      "“Agent interviews” informs nothing yet: link the objectives, scope, risks or tasks it supports.",
    ]);
  });

  it("reports a RACI row with two Accountables", () => {
    const p = completePlan();
    p.raciColumns.push({ id: "c2", kind: "role", userId: null, name: "Sponsor", order: 1 });
    p.raciCells.push({ rowId: "t1", columnId: "c2", value: "A" });
    const raci = planCompleteness(p).sections.find((s) => s.section === "raci")!;
    expect(raci.items).toEqual([
      {
        section: "raci",
        rowId: "t1",
        message: "“Write articles”: 2 are Accountable (Ana, Sponsor): exactly one must be.",
      },
    ]);
    expect(raci.score).toBeCloseTo(2 / 3, 10);
  });

  it("marks thin sections: short strategy, missing out-of-scope, no milestone, no baseline, no budget", () => {
    const p = completePlan();
    p.strategy = "Do it well.";
    p.scope.outOfScope = [];
    p.tasks = p.tasks.filter((t) => t.kind !== "milestone");
    p.baselines = [];
    p.budgetLines = [];
    const bySection = Object.fromEntries(planCompleteness(p).sections.map((s) => [s.section, s]));
    expect(bySection.strategy!.items[0]!.message).toBe(
      "The strategy is only 3 words: explain the approach, its phases and why.",
    );
    expect(bySection.strategy!.score).toBe(0.5);
    expect(bySection.scope!.score).toBe(0.75);
    expect(bySection.schedule!.items.map((i) => i.message)).toEqual([
      "Add at least one milestone so progress can be checked along the way.",
    ]);
    expect(bySection.schedule!.score).toBe(0.5);
    expect(bySection.metrics!.items.map((i) => i.message)).toEqual([
      "Save a baseline of the schedule so slippage can be tracked.",
    ]);
    expect(bySection.resources!.items.map((i) => i.message)).toEqual(["Add the budget: a planned cost for each line."]);
  });

  it("flags invalid rows with the rule's own message", () => {
    const p = completePlan();
    p.tasks[0] = { ...p.tasks[0]!, end: "2025-05-01" };
    p.budgetLines[0] = { ...p.budgetLines[0]!, planned: -5 };
    const items = planCompleteness(p).items.map((i) => i.message);
    expect(items).toContain("“Write articles”: The end date cannot be before the start date.");
    expect(items).toContain("Budget line “Help desk”: Planned cost cannot be negative.");
  });

  it("does not ask for dates or assignees on summary tasks, nor mitigation on closed risks", () => {
    const p = completePlan();
    p.tasks.push(makeTask({ id: "phase", name: "Phase 1" }));
    p.tasks[0] = { ...p.tasks[0]!, parentId: "phase" };
    p.raciCells.push({ rowId: "phase", columnId: "c1", value: "A" }, { rowId: "phase", columnId: "c1", value: "R" });
    p.risks[0] = { ...p.risks[0]!, status: "closed", mitigation: "", ownerId: null };
    expect(planCompleteness(p).items).toEqual([]);
  });
});
