/**
 * The implementation-plan template: one section per component of a plan, in reading order.
 * Each carries a one-line hint and the planning step it belongs to.
 */
export const planningSteps = [
  { id: "goals", title: "Define goals" },
  { id: "research", title: "Research" },
  { id: "risks", title: "Map risks" },
  { id: "schedule", title: "Schedule milestones" },
  { id: "responsibilities", title: "Assign responsibilities" },
  { id: "resources", title: "Allocate resources" },
] as const;

export type PlanningStep = (typeof planningSteps)[number]["id"];

export const planSections = [
  {
    id: "objectives",
    title: "Objectives",
    step: "goals",
    hint: "What success looks like: each objective with a KPI — metric, baseline, target and due date.",
  },
  {
    id: "scope",
    title: "Scope",
    step: "research",
    hint: "What is in and what is out, with the assumptions and constraints the plan rests on.",
  },
  {
    id: "deliverables",
    title: "Deliverables",
    step: "goals",
    hint: "The tangible outputs, each with an owner, a due date and acceptance criteria.",
  },
  {
    id: "stakeholders",
    title: "Stakeholders",
    step: "goals",
    hint: "Who receives the deliverables: their interest and influence, and how and how often they are informed.",
  },
  {
    id: "research",
    title: "Research",
    step: "research",
    hint: "Interviews, surveys, focus groups and observations: what was found and which parts of the plan it informed.",
  },
  {
    id: "strategy",
    title: "Implementation strategy",
    step: "research",
    hint: "How the work will be done: approach, phases and the reasoning behind them.",
  },
  {
    id: "schedule",
    title: "Schedule",
    step: "schedule",
    hint: "Tasks with dates, milestones and dependencies, drawn on a Gantt timeline.",
  },
  {
    id: "risks",
    title: "Risks",
    step: "risks",
    hint: "What could go wrong: likelihood × impact, mitigations and contingency plans.",
  },
  {
    id: "resources",
    title: "Resources & budget",
    step: "resources",
    hint: "People, tools and equipment, and the budget with planned and actual costs.",
  },
  {
    id: "raci",
    title: "Roles & RACI",
    step: "responsibilities",
    hint: "Who is Responsible, Accountable, Consulted and Informed for each task and deliverable.",
  },
  {
    id: "metrics",
    title: "Metrics",
    step: "resources",
    hint: "How the plan is tracked: progress, milestones, open risk exposure and budget variance.",
  },
] as const satisfies readonly { id: string; title: string; step: PlanningStep; hint: string }[];

export type PlanSectionId = (typeof planSections)[number]["id"];

export const priorityLabels = {
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
} as const;

export const statusLabels = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  active: "Active",
  done: "Done",
} as const;
