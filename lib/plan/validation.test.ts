import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { makeTask } from "./fixtures";
import type {
  BudgetLine,
  Dependency,
  Deliverable,
  Objective,
  RaciCell,
  RaciColumn,
  Resource,
  Risk,
  RiskBand,
  Task,
  WorkingCalendar,
} from "./types";
import {
  budgetLineSchema,
  deliverableSchema,
  dependencySchema,
  objectiveSchema,
  raciCellSchema,
  raciColumnSchema,
  resourceSchema,
  riskBandSchema,
  riskSchema,
  taskSchema,
  validateRow,
  workingCalendarSchema,
} from "./validation";

const task = makeTask({ id: "t1", name: "Build", start: "2025-06-02", end: "2025-06-06", progress: 40 });
const risk: Risk = {
  id: "r1",
  title: "Vendor late",
  description: "",
  category: "Supply",
  ownerId: "u1",
  likelihood: 3,
  impact: 4,
  trigger: "",
  mitigation: "Second vendor",
  contingency: "",
  status: "open",
  linkedTaskIds: ["t1"],
  reviewDate: "2025-06-30",
};
const line: BudgetLine = {
  id: "b1",
  category: "Tools",
  description: "Licences",
  planned: 1000,
  actual: 0,
  currency: "EUR",
  order: 1,
};
const resource: Resource = {
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
};
const objective: Objective = {
  id: "o1",
  title: "Faster",
  description: "",
  order: 0,
  kpi: { metric: "Reply time", baseline: 24, target: 4, current: null, unit: "h", due: null },
};
const deliverable: Deliverable = {
  id: "d1",
  name: "Docs",
  description: "",
  ownerId: null,
  due: "2025-06-20",
  acceptanceCriteria: "",
  status: "in_progress",
  order: 0,
};

const problems = (schema: z.ZodType<unknown>, value: unknown) => {
  const r = validateRow(schema, value);
  return r.ok ? [] : r.problems;
};

describe("schemas accept exactly the shapes of types.ts", () => {
  it("infers the same types", () => {
    expectTypeOf<z.infer<typeof taskSchema>>().toEqualTypeOf<Task>();
    expectTypeOf<z.infer<typeof dependencySchema>>().toEqualTypeOf<Dependency>();
    expectTypeOf<z.infer<typeof objectiveSchema>>().toEqualTypeOf<Objective>();
    expectTypeOf<z.infer<typeof deliverableSchema>>().toEqualTypeOf<Deliverable>();
    expectTypeOf<z.infer<typeof riskSchema>>().toEqualTypeOf<Risk>();
    expectTypeOf<z.infer<typeof raciColumnSchema>>().toEqualTypeOf<RaciColumn>();
    expectTypeOf<z.infer<typeof raciCellSchema>>().toEqualTypeOf<RaciCell>();
    expectTypeOf<z.infer<typeof budgetLineSchema>>().toEqualTypeOf<BudgetLine>();
    expectTypeOf<z.infer<typeof resourceSchema>>().toEqualTypeOf<Resource>();
    expectTypeOf<z.infer<typeof workingCalendarSchema>>().toEqualTypeOf<WorkingCalendar>();
    expectTypeOf<z.infer<typeof riskBandSchema>>().toEqualTypeOf<RiskBand>();
  });

  it("passes valid rows through unchanged", () => {
    const rows: [z.ZodType<unknown>, unknown][] = [
      [taskSchema, task],
      [taskSchema, makeTask({ id: "m", kind: "milestone", start: "2025-06-06" })],
      [taskSchema, makeTask({ id: "new", name: "" })],
      [dependencySchema, { id: "d", from: "a", to: "b", type: "SF", lag: -2 }],
      [objectiveSchema, objective],
      [deliverableSchema, deliverable],
      [riskSchema, risk],
      [raciColumnSchema, { id: "c", kind: "member", userId: "u1", name: "", order: 0 }],
      [raciCellSchema, { rowId: "t1", columnId: "c", value: "A" }],
      [budgetLineSchema, line],
      [resourceSchema, resource],
      [
        workingCalendarSchema,
        { workingWeekdays: [1, 2, 3, 4, 5], holidays: [{ date: "2025-12-25", name: "Christmas" }] },
      ],
    ];
    for (const [schema, row] of rows) expect(validateRow(schema, row)).toEqual({ ok: true, value: row });
  });
});

describe("messages", () => {
  it("tasks: dates, order of dates, progress, milestones", () => {
    expect(problems(taskSchema, { ...task, end: "2025-06-01" })).toEqual([
      { field: "end", message: "The end date cannot be before the start date." },
    ]);
    expect(problems(taskSchema, { ...task, start: "2025-02-30" })).toEqual([
      { field: "start", message: "Start must be a real date, written YYYY-MM-DD." },
    ]);
    expect(problems(taskSchema, { ...task, progress: 120 })).toEqual([
      { field: "progress", message: "Progress must be between 0 and 100%." },
    ]);
    expect(problems(taskSchema, { ...task, kind: "milestone" })).toEqual([
      { field: "end", message: "A milestone is a single day: its start and end must be the same date." },
    ]);
    expect(problems(taskSchema, { ...task, kind: "epic" })).toEqual([
      { field: "kind", message: "Kind must be one of task, milestone, buffer." },
    ]);
    expect(problems(taskSchema, { ...task, name: "x".repeat(201) })).toEqual([
      { field: "name", message: "Name must be at most 200 characters." },
    ]);
    expect(problems(taskSchema, { ...task, parentId: "t1" })).toEqual([
      { field: "parentId", message: "A task cannot be its own parent." },
    ]);
  });

  it("dependencies: whole-day lags within bounds, no self links", () => {
    const dep = { id: "d", from: "a", to: "b", type: "FS", lag: 0 };
    expect(problems(dependencySchema, { ...dep, lag: 1.5 })).toEqual([
      { field: "lag", message: "Lag must be a whole number of working days." },
    ]);
    expect(problems(dependencySchema, { ...dep, lag: 400 })).toEqual([
      { field: "lag", message: "Lag must be between -365 and 365 working days." },
    ]);
    expect(problems(dependencySchema, { ...dep, to: "a" })).toEqual([
      { field: "to", message: "A task cannot depend on itself." },
    ]);
    expect(problems(dependencySchema, { ...dep, type: "XX" })).toEqual([
      { field: "type", message: "Type must be one of FS, SS, FF, SF." },
    ]);
  });

  it("risks: likelihood and impact 1–5", () => {
    expect(problems(riskSchema, { ...risk, likelihood: 6 })).toEqual([
      { field: "likelihood", message: "Likelihood must be from 1 to 5." },
    ]);
    expect(problems(riskSchema, { ...risk, impact: 2.5 })).toEqual([
      { field: "impact", message: "Impact must be a whole number from 1 to 5." },
    ]);
    expect(problems(riskSchema, { ...risk, status: "gone" })[0]?.message).toBe(
      "Status must be one of open, mitigating, closed, occurred.",
    );
  });

  it("budget and resources: no negative costs, allocation 0–100, a currency code", () => {
    expect(problems(budgetLineSchema, { ...line, planned: -1, currency: "euro" })).toEqual([
      { field: "planned", message: "Planned cost cannot be negative." },
      { field: "currency", message: "Currency must be a three-letter code such as EUR or USD." },
    ]);
    expect(problems(resourceSchema, { ...resource, allocation: 101 })).toEqual([
      { field: "allocation", message: "Allocation must be between 0 and 100%." },
    ]);
  });

  it("RACI: letters only, members need a user, roles need a name", () => {
    expect(problems(raciCellSchema, { rowId: "t1", columnId: "c", value: "X" })).toEqual([
      { field: "value", message: "A RACI cell must be one of R, A, C, I." },
    ]);
    expect(problems(raciColumnSchema, { id: "c", kind: "member", userId: null, name: "Ana", order: 0 })).toEqual([
      { field: "userId", message: "A member column needs the member it stands for." },
    ]);
    expect(problems(raciColumnSchema, { id: "c", kind: "role", userId: null, name: " ", order: 0 })).toEqual([
      { field: "name", message: "Give the role a name." },
    ]);
  });

  it("objectives, deliverables and the calendar", () => {
    expect(problems(objectiveSchema, { ...objective, kpi: { ...objective.kpi, target: "four" } })).toEqual([
      { field: "kpi.target", message: "Target must be a number." },
    ]);
    expect(problems(deliverableSchema, { ...deliverable, due: "20/06/2025" })).toEqual([
      { field: "due", message: "Due date must be a real date, written YYYY-MM-DD." },
    ]);
    expect(problems(workingCalendarSchema, { workingWeekdays: [], holidays: [] })).toEqual([
      { field: "workingWeekdays", message: "At least one day of the week must be worked." },
    ]);
    expect(problems(riskBandSchema, { id: "low", label: "Low", min: 5, max: 4 })).toEqual([
      { field: "max", message: "A band's highest score cannot be below its lowest." },
    ]);
  });

  it("refuses a row that is not an object, or misses fields", () => {
    expect(validateRow(taskSchema, null).ok).toBe(false);
    const { id: _drop, ...noId } = task;
    void _drop;
    expect(problems(taskSchema, noId)).toEqual([{ field: "id", message: "Id must be text." }]);
  });
});
