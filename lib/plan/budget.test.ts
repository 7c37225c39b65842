import { describe, expect, it } from "vitest";
import {
  budgetByCategory,
  budgetTotals,
  categoryOf,
  ceilingCheck,
  personAllocations,
  validateBudgetLine,
  validateResource,
  variance,
} from "./budget";
import type { BudgetLine, Resource } from "./types";

let n = 0;
const line = (category: string, planned: number, actual: number, currency = "EUR"): BudgetLine => ({
  id: `l${++n}`,
  category,
  description: "",
  planned,
  actual,
  currency,
  order: n,
});
const person = (fields: Partial<Resource>): Resource => ({
  id: `r${++n}`,
  kind: "person",
  name: "Ana",
  role: "Lead",
  userId: null,
  allocation: 50,
  capacityHoursPerWeek: 40,
  absences: [],
  notes: "",
  order: n,
  ...fields,
});

describe("variance", () => {
  it("is actual − planned, and a percentage of planned", () => {
    expect(variance(1000, 1200)).toEqual({ amount: 200, percent: 20 });
    expect(variance(1000, 800)).toEqual({ amount: -200, percent: -20 });
    expect(variance(0, 50)).toEqual({ amount: 50, percent: null });
  });
});

describe("budget totals", () => {
  const lines = [
    line("Licences", 1000, 1200),
    line("People", 5000, 4000),
    line("Licences", 0.1, 0.2),
    line("Travel", 300, 0, "USD"),
  ];

  it("adds up per currency, never across currencies", () => {
    expect(budgetTotals(lines)).toEqual([
      {
        currency: "EUR",
        planned: 6000.1,
        actual: 5200.2,
        variance: { amount: -799.9, percent: expect.closeTo(-13.3314, 3) },
      },
      { currency: "USD", planned: 300, actual: 0, variance: { amount: -300, percent: -100 } },
    ]);
    expect(budgetTotals([])).toEqual([]);
  });

  it("breaks down per category, largest first", () => {
    expect(
      budgetByCategory(lines).map((c) => [c.currency, c.category, c.planned, c.actual, c.variance.amount]),
    ).toEqual([
      ["EUR", "People", 5000, 4000, -1000],
      ["EUR", "Licences", 1000.1, 1200.2, 200.1],
      ["USD", "Travel", 300, 0, -300],
    ]);
  });

  it("gathers blank categories", () => {
    expect(categoryOf({ category: "  " })).toBe("Uncategorised");
    expect(budgetByCategory([line("", 10, 10), line(" ", 5, 0)]).map((c) => [c.category, c.planned])).toEqual([
      ["Uncategorised", 15],
    ]);
  });
});

describe("validation", () => {
  it("refuses negative costs and bad currencies", () => {
    expect(validateBudgetLine(line("X", 10, 0))).toEqual([]);
    expect(validateBudgetLine(line("X", -1, Number.NaN, "eur"))).toEqual([
      { field: "planned", message: "Planned cost cannot be negative." },
      { field: "actual", message: "Actual cost must be a number." },
      { field: "currency", message: "Currency must be a three-letter code such as EUR or USD." },
    ]);
  });

  it("keeps allocation between 0 and 100% and asks for a name", () => {
    expect(validateResource(person({}))).toEqual([]);
    expect(validateResource(person({ allocation: 0 }))).toEqual([]);
    expect(validateResource(person({ allocation: 120, name: " " }))).toEqual([
      { field: "name", message: "Give the resource a name." },
      { field: "allocation", message: "Allocation must be between 0 and 100%." },
    ]);
    expect(validateResource(person({ allocation: -5 }))[0]?.field).toBe("allocation");
  });

  it("flags a person allocated above 100% across entries", () => {
    const rs = [
      person({ userId: "u1", allocation: 60 }),
      person({ userId: "u1", allocation: 50 }),
      person({ name: "Bo", allocation: 100 }),
      { ...person({}), kind: "tool" as const, name: "Jira", allocation: 100 },
    ];
    expect(personAllocations(rs)).toEqual([
      { person: "u1", allocation: 110, overAllocated: true },
      { person: "Bo", allocation: 100, overAllocated: false },
    ]);
  });
});

describe("ceilingCheck", () => {
  it("compares the plan's own currency with its ceiling", () => {
    const lines = [line("Dev", 900, 400), line("Ops", 300, 700), line("SaaS", 5000, 5000, "USD")];
    expect(ceilingCheck(lines, "EUR", 1000)).toEqual({
      currency: "EUR",
      ceiling: 1000,
      planned: 1200,
      actual: 1100,
      headroom: -200,
      plannedOver: true,
      actualOver: true,
    });
    expect(ceilingCheck(lines, "EUR", null)).toBeNull();
  });
});
