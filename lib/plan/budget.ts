/**
 * Budget and resources: totals and variance per currency (never summed across currencies: there is
 * no exchange rate in a plan), per-category breakdown, and the checks on each row.
 * Variance = actual − planned: positive means over budget.
 */
import type { Problem } from "./problem";
import type { BudgetLine, Resource } from "./types";

/** Money rounded to cents, so 0.1 + 0.2 shows as 0.3. */
const cents = (n: number) => Math.round(n * 100) / 100;

export interface Variance {
  /** actual − planned */
  amount: number;
  /** amount / planned × 100; null when nothing was planned. */
  percent: number | null;
}

/** Variance of a planned and an actual amount. */
export function variance(planned: number, actual: number): Variance {
  const amount = cents(actual - planned);
  return { amount, percent: planned > 0 ? (100 * (actual - planned)) / planned : null };
}

export interface BudgetTotal {
  currency: string;
  planned: number;
  actual: number;
  variance: Variance;
}

function total(lines: readonly BudgetLine[]): { planned: number; actual: number; variance: Variance } {
  const planned = cents(lines.reduce((s, l) => s + l.planned, 0));
  const actual = cents(lines.reduce((s, l) => s + l.actual, 0));
  return { planned, actual, variance: variance(planned, actual) };
}

function groupBy<K>(lines: readonly BudgetLine[], key: (l: BudgetLine) => K): Map<K, BudgetLine[]> {
  const groups = new Map<K, BudgetLine[]>();
  for (const l of lines) groups.set(key(l), [...(groups.get(key(l)) ?? []), l]);
  return groups;
}

/** Planned, actual and variance per currency, currencies in alphabetical order. */
export function budgetTotals(lines: readonly BudgetLine[]): BudgetTotal[] {
  return [...groupBy(lines, (l) => l.currency)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, ls]) => ({ currency, ...total(ls) }));
}

export interface CategoryTotal extends BudgetTotal {
  category: string;
}

/** The category a line is filed under; blank categories gather under "Uncategorised". */
export function categoryOf(line: Pick<BudgetLine, "category">): string {
  return line.category.trim() || "Uncategorised";
}

/** Planned, actual and variance per currency and category, for the breakdown chart; largest planned first. */
export function budgetByCategory(lines: readonly BudgetLine[]): CategoryTotal[] {
  return [...groupBy(lines, (l) => `${l.currency}\u0000${categoryOf(l)}`)]
    .map(([, ls]) => ({ currency: ls[0]!.currency, category: categoryOf(ls[0]!), ...total(ls) }))
    .sort(
      (a, b) => a.currency.localeCompare(b.currency) || b.planned - a.planned || a.category.localeCompare(b.category),
    );
}

const CURRENCY = /^[A-Z]{3}$/;

/** Problems with one budget line: no negative or non-numeric amounts, a three-letter currency. */
export function validateBudgetLine(line: BudgetLine): Problem[] {
  const problems: Problem[] = [];
  for (const [field, label] of [
    ["planned", "Planned cost"],
    ["actual", "Actual cost"],
  ] as const) {
    const v = line[field];
    if (!Number.isFinite(v)) problems.push({ field, message: `${label} must be a number.` });
    else if (v < 0) problems.push({ field, message: `${label} cannot be negative.` });
  }
  if (!CURRENCY.test(line.currency))
    problems.push({ field: "currency", message: "Currency must be a three-letter code such as EUR or USD." });
  return problems;
}

/** Problems with one resource: a name, and an allocation between 0 and 100%. */
export function validateResource(resource: Resource): Problem[] {
  const problems: Problem[] = [];
  if (!resource.name.trim()) problems.push({ field: "name", message: "Give the resource a name." });
  if (!Number.isFinite(resource.allocation) || resource.allocation < 0 || resource.allocation > 100) {
    problems.push({ field: "allocation", message: "Allocation must be between 0 and 100%." });
  }
  return problems;
}

export interface PersonAllocation {
  /** The member's user id, or the person's name when they are not a member. */
  person: string;
  allocation: number;
  overAllocated: boolean;
}

/** Total allocation per person across their entries, flagged above 100%. */
export function personAllocations(resources: readonly Resource[]): PersonAllocation[] {
  const sums = new Map<string, number>();
  for (const r of resources) {
    if (r.kind !== "person") continue;
    const who = r.userId ?? r.name.trim();
    sums.set(who, (sums.get(who) ?? 0) + r.allocation);
  }
  return [...sums].map(([person, allocation]) => ({ person, allocation, overAllocated: allocation > 100 }));
}

export interface CeilingCheck {
  currency: string;
  ceiling: number;
  planned: number;
  actual: number;
  /** ceiling − planned: negative when the plan asks for more than it may spend. */
  headroom: number;
  plannedOver: boolean;
  actualOver: boolean;
}

/**
 * Planned and actual cost in the plan's currency against its ceiling (lines in other currencies are
 * left out: there is no exchange rate); null without a ceiling.
 */
export function ceilingCheck(
  lines: readonly BudgetLine[],
  currency: string,
  ceiling: number | null,
): CeilingCheck | null {
  if (ceiling === null) return null;
  const { planned, actual } = total(lines.filter((l) => l.currency === currency));
  return {
    currency,
    ceiling,
    planned,
    actual,
    headroom: cents(ceiling - planned),
    plannedOver: planned > ceiling,
    actualOver: actual > ceiling,
  };
}
