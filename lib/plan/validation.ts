/**
 * zod schemas for every row of a plan's document; the row types of types.ts are inferred from them.
 * The projection validates each row with them (a malformed row is reported and skipped) and the
 * editors validate input with them, so an invalid value never enters the document. Messages are
 * sentences for the person typing; text may be empty (a row being written) but is bounded.
 */
import "@/lib/validation/zod-csp";
import { z } from "zod";
import { compareDates, isISODate } from "./dates";
import type { Problem } from "./problem";

export const ID_MAX = 100;
export const NAME_MAX = 200;
export const SHORT_MAX = 100;
export const TEXT_MAX = 10_000;
export const LAG_MAX = 365;
export const AMOUNT_MAX = 1e12;

const id = (what = "Id") =>
  z
    .string({ message: `${what} must be text.` })
    .min(1, `${what} is missing.`)
    .max(ID_MAX, `${what} must be at most ${ID_MAX} characters.`);
const text = (what: string, max: number) =>
  z.string({ message: `${what} must be text.` }).max(max, `${what} must be at most ${max} characters.`);
const isoDate = (what: string) =>
  z
    .string({ message: `${what} must be a date.` })
    .refine(isISODate, `${what} must be a real date, written YYYY-MM-DD.`);
const order = z.number({ message: "Order must be a number." });
const percent = (what: string) =>
  z
    .number({ message: `${what} must be a number.` })
    .min(0, `${what} must be between 0 and 100%.`)
    .max(100, `${what} must be between 0 and 100%.`);
const scale = (what: string) =>
  z
    .number({ message: `${what} must be a number from 1 to 5.` })
    .int(`${what} must be a whole number from 1 to 5.`)
    .min(1, `${what} must be from 1 to 5.`)
    .max(5, `${what} must be from 1 to 5.`);
const cost = (what: string) =>
  z
    .number({ message: `${what} must be a number.` })
    .min(0, `${what} cannot be negative.`)
    .max(AMOUNT_MAX, `${what} is too large.`);
const oneOf = <const T extends readonly [string, ...string[]]>(what: string, values: T) =>
  z.enum(values, { message: `${what} must be one of ${values.join(", ")}.` });

/** End not before start: checked only when both are valid dates. */
const endNotBeforeStart = (v: { start: string | null; end: string | null }) =>
  !v.start || !v.end || !isISODate(v.start) || !isISODate(v.end) || compareDates(v.end, v.start) >= 0;

export const isoDateSchema = isoDate("Date");

/** Priority of a plan (a column of plans) and of a task (a field of its row). */
export const priorities = ["low", "medium", "high", "critical"] as const;
export const prioritySchema = oneOf("Priority", priorities);
const idList = (what: string, max: number) =>
  z.array(id(what), { message: `${what}s must be a list.` }).max(max, `At most ${max} ${what.toLowerCase()}s.`);

export const taskSchema = z
  .object({
    id: id(),
    name: text("Name", NAME_MAX),
    start: isoDate("Start").nullable(),
    end: isoDate("End").nullable(),
    progress: percent("Progress"),
    kind: oneOf("Kind", ["task", "milestone", "buffer"]),
    /** Summary task this one rolls up into. */
    parentId: id("Parent").nullable(),
    deliverableId: id("Deliverable").nullable(),
    /** Workspace member (user id) or resource id responsible for the work. */
    assigneeId: id("Assignee").nullable(),
    priority: prioritySchema,
    /** Position among siblings (fractional index: insert between two by averaging). */
    order,
  })
  .refine(endNotBeforeStart, { path: ["end"], message: "The end date cannot be before the start date." })
  .refine((t) => t.kind !== "milestone" || t.start === t.end, {
    path: ["end"],
    message: "A milestone is a single day: its start and end must be the same date.",
  })
  .refine((t) => t.parentId !== t.id, { path: ["parentId"], message: "A task cannot be its own parent." });

export const dependencySchema = z
  .object({
    id: id(),
    /** predecessor task id */
    from: id("Predecessor"),
    /** successor task id */
    to: id("Successor"),
    /** finish-to-start, start-to-start, finish-to-finish, start-to-finish */
    type: oneOf("Type", ["FS", "SS", "FF", "SF"]),
    /** working days; negative = lead */
    lag: z
      .number({ message: "Lag must be a number of working days." })
      .int("Lag must be a whole number of working days.")
      .min(-LAG_MAX, `Lag must be between -${LAG_MAX} and ${LAG_MAX} working days.`)
      .max(LAG_MAX, `Lag must be between -${LAG_MAX} and ${LAG_MAX} working days.`),
  })
  .refine((d) => d.from !== d.to, { path: ["to"], message: "A task cannot depend on itself." });

const kpiNumber = (what: string) => z.number({ message: `${what} must be a number.` }).nullable();

export const kpiSchema = z.object({
  metric: text("Metric", NAME_MAX),
  baseline: kpiNumber("Baseline"),
  target: kpiNumber("Target"),
  current: kpiNumber("Current value"),
  unit: text("Unit", 30),
  due: isoDate("Due date").nullable(),
});

export const objectiveSchema = z.object({
  id: id(),
  title: text("Title", NAME_MAX),
  description: text("Description", TEXT_MAX),
  kpi: kpiSchema,
  order,
});

export const deliverableSchema = z.object({
  id: id(),
  name: text("Name", NAME_MAX),
  description: text("Description", TEXT_MAX),
  ownerId: id("Owner").nullable(),
  due: isoDate("Due date").nullable(),
  acceptanceCriteria: text("Acceptance criteria", TEXT_MAX),
  status: oneOf("Status", ["planned", "in_progress", "done", "accepted"]),
  order,
});

export const riskSchema = z.object({
  id: id(),
  title: text("Title", NAME_MAX),
  description: text("Description", TEXT_MAX),
  category: text("Category", SHORT_MAX),
  ownerId: id("Owner").nullable(),
  likelihood: scale("Likelihood"),
  impact: scale("Impact"),
  trigger: text("Trigger", TEXT_MAX),
  mitigation: text("Mitigation", TEXT_MAX),
  contingency: text("Contingency plan", TEXT_MAX),
  status: oneOf("Status", ["open", "mitigating", "closed", "occurred"]),
  linkedTaskIds: z
    .array(id("Linked task"), { message: "Linked tasks must be a list." })
    .max(500, "A risk can link at most 500 tasks."),
  reviewDate: isoDate("Review date").nullable(),
});

export const communicationFrequencies = ["weekly", "fortnightly", "monthly", "quarterly", "milestones"] as const;

/** Someone the plan's deliverables are shared with, placed on the power/interest grid by two 1–5 scores. */
export const stakeholderSchema = z.object({
  id: id(),
  name: text("Name", NAME_MAX),
  /** Organisation and role, e.g. "Finance — controller". */
  role: text("Organisation / role", NAME_MAX),
  interest: scale("Interest"),
  influence: scale("Influence"),
  /** Deliverables they receive (ids; one that no longer exists is ignored). */
  deliverableIds: idList("Deliverable", 500),
  /** Communication plan: how, how often and who keeps them informed. */
  channel: text("Channel", SHORT_MAX),
  frequency: oneOf("Frequency", communicationFrequencies).nullable(),
  ownerId: id("Owner").nullable(),
  order,
});

export const researchKinds = ["interview", "survey", "focus_group", "observation", "document"] as const;

/** One piece of research and what it found, linked to the rows it informed. */
export const researchEntrySchema = z.object({
  id: id(),
  kind: oneOf("Kind", researchKinds),
  title: text("Title", NAME_MAX),
  date: isoDate("Date").nullable(),
  participants: text("Participants", 1000),
  /** Markdown. */
  findings: text("Findings", TEXT_MAX),
  /** Objectives, scope items, risks or tasks it informed (ids; dangling ones are tolerated). */
  linkedIds: idList("Linked item", 500),
  order,
});

export const raciColumnSchema = z
  .object({
    id: id(),
    kind: oneOf("Kind", ["member", "role"]),
    userId: id("Member").nullable(),
    name: text("Name", SHORT_MAX),
    order,
  })
  .refine((c) => c.kind !== "member" || c.userId !== null, {
    path: ["userId"],
    message: "A member column needs the member it stands for.",
  })
  .refine((c) => c.kind !== "role" || c.name.trim() !== "", { path: ["name"], message: "Give the role a name." });

export const raciCellSchema = z.object({
  rowId: id("Row"),
  columnId: id("Column"),
  value: oneOf("A RACI cell", ["R", "A", "C", "I"]),
});

export const budgetLineSchema = z.object({
  id: id(),
  category: text("Category", SHORT_MAX),
  description: text("Description", 500),
  /** Planned cost, in the line's currency. */
  planned: cost("Planned cost"),
  /** Cost incurred so far (0 until something is spent). */
  actual: cost("Actual cost"),
  /** ISO 4217 code, e.g. "EUR". */
  currency: z
    .string({ message: "Currency must be text." })
    .regex(/^[A-Z]{3}$/, "Currency must be a three-letter code such as EUR or USD."),
  order,
});

export const HOURS_PER_WEEK_MAX = 168;

/** A stretch of days someone is away, both dates included. */
export const absenceSchema = z
  .object({
    start: isoDate("Start of the absence"),
    end: isoDate("End of the absence"),
    note: text("Note", SHORT_MAX),
  })
  .refine(endNotBeforeStart, { path: ["end"], message: "An absence cannot end before it starts." });

export const resourceSchema = z.object({
  id: id(),
  kind: oneOf("Kind", ["person", "tool", "equipment"]),
  name: text("Name", NAME_MAX),
  /** For people: the role they play in the plan. */
  role: text("Role", SHORT_MAX),
  /** For people who are workspace members. */
  userId: id("Member").nullable(),
  /** Share of their time given to the plan, 0–100 (100 for tools and equipment). */
  allocation: percent("Allocation"),
  notes: text("Notes", TEXT_MAX),
  order,
  /** Hours a person can work in a full week (before their allocation to this plan). */
  capacityHoursPerWeek: z
    .number({ message: "Capacity must be a number of hours." })
    .min(0, "Capacity cannot be negative.")
    .max(HOURS_PER_WEEK_MAX, `Capacity can be at most ${HOURS_PER_WEEK_MAX} hours a week.`),
  /** Days off (leave, training): no hours are planned on them. */
  absences: z.array(absenceSchema, { message: "Absences must be a list." }).max(100, "At most 100 absences."),
});

export const resourceRequestStatuses = ["requested", "approved", "declined"] as const;

/** An additional resource the plan still needs: what, why, what it would cost, and the decision on it. */
export const resourceRequestSchema = z.object({
  id: id(),
  what: text("What", NAME_MAX),
  why: text("Why", TEXT_MAX),
  estimatedCost: cost("Estimated cost"),
  status: oneOf("Status", resourceRequestStatuses),
  order,
});

export const scopeKinds = ["in", "out", "assumption", "constraint"] as const;
export const scopeItemSchema = z.object({
  id: id(),
  kind: z.enum(scopeKinds, { message: "Kind must be in, out, assumption or constraint." }),
  text: z.string().max(1000, "An item must be at most 1,000 characters."),
  order,
});

export const swotQuadrants = ["strengths", "weaknesses", "opportunities", "threats"] as const;
export const swotItemSchema = z.object({
  id: id(),
  quadrant: z.enum(swotQuadrants, { message: "Quadrant must be strengths, weaknesses, opportunities or threats." }),
  text: z.string().max(1000, "An item must be at most 1,000 characters."),
  order,
});

export const holidaySchema = z.object({
  id: id(),
  date: isoDateSchema,
  name: z.string().max(100, "A name must be at most 100 characters."),
});

/** A saved copy of the schedule's dates (plan approval saves one), to measure slippage against. */
export const baselineSchema = z.object({
  id: id(),
  name: z.string().max(100),
  /** When it was saved, an ISO 8601 instant. */
  savedAt: z.string().max(40),
  tasks: z.array(z.object({ id: id(), start: isoDateSchema.nullable(), end: isoDateSchema.nullable() })).max(20_000),
});

export const workingCalendarSchema = z.object({
  /** Days of the week that are worked, 0 = Sunday … 6 = Saturday. */
  workingWeekdays: z
    .array(z.number().int().min(0).max(6), { message: "Working days must be weekdays 0 (Sunday) to 6 (Saturday)." })
    .min(1, "At least one day of the week must be worked.")
    .refine((days) => new Set(days).size === days.length, "Each weekday may appear once."),
  holidays: z
    .array(z.object({ date: isoDate("Holiday date"), name: text("Holiday name", SHORT_MAX) }))
    .max(1000, "At most 1,000 holidays."),
});

export const riskBandSchema = z
  .object({
    id: oneOf("Band", ["low", "medium", "high", "critical"]),
    label: text("Label", 40),
    min: z.number().int().min(1, "Scores run from 1 to 25.").max(25, "Scores run from 1 to 25."),
    max: z.number().int().min(1, "Scores run from 1 to 25.").max(25, "Scores run from 1 to 25."),
  })
  .refine((b) => b.min <= b.max, { path: ["max"], message: "A band's highest score cannot be below its lowest." });

export type RowResult<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Validates one row and turns zod's issues into field problems for the editor or the projection's report. */
export function validateRow<T>(schema: z.ZodType<T>, value: unknown): RowResult<T> {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    problems: r.error.issues.map((i) => ({ field: i.path.map(String).join("."), message: i.message })),
  };
}
