/**
 * What a plan is missing, section by section: the test of a plan is that an outsider reading it has no
 * unanswered question. Each item names the section and, when it is about one row, the row to open.
 * Each section scores 0–1 (the share of its criteria or rows that are fine; an empty section scores 0)
 * and the plan's score is their mean, 0–100.
 */
import { validateBudgetLine, validateResource } from "./budget";
import { raciProblems, raciRows } from "./raci";
import { summaryTaskIds, taskLabel, validateTask } from "./schedule";
import { planSections, type PlanSectionId } from "./template";
import type { PlanContent } from "./types";

export interface CompletenessItem {
  section: PlanSectionId;
  /** The row to link to, or null for the section as a whole. */
  rowId: string | null;
  message: string;
}

export interface SectionCompleteness {
  section: PlanSectionId;
  title: string;
  /** 0–1 */
  score: number;
  items: CompletenessItem[];
}

export interface Completeness {
  /** 0–100 */
  score: number;
  sections: SectionCompleteness[];
  items: CompletenessItem[];
}

/** Words in a piece of text, to tell a real strategy from a placeholder. */
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
export const THIN_STRATEGY_WORDS = 50;

type Check = { score: number; items: Omit<CompletenessItem, "section">[] };

/** Score rows by the share with no problems; an empty list scores 0 with the given request. */
function rowsCheck<T>(
  rows: readonly T[],
  whenEmpty: string,
  problemsOf: (row: T) => { rowId: string; messages: string[] },
): Check {
  if (rows.length === 0) return { score: 0, items: [{ rowId: null, message: whenEmpty }] };
  const items: Check["items"] = [];
  let fine = 0;
  for (const row of rows) {
    const { rowId, messages } = problemsOf(row);
    if (messages.length === 0) fine++;
    for (const message of messages) items.push({ rowId, message });
  }
  return { score: fine / rows.length, items };
}

/** A section-level criterion: met, or an item asking for it. */
const criterion = (met: boolean, message: string) => ({ met, item: { rowId: null, message } });

function criteria(list: { met: boolean; item: Check["items"][number] }[], extra: Check[] = []): Check {
  const parts = [...list.map((c) => (c.met ? 1 : 0)), ...extra.map((e) => e.score)];
  return {
    score: parts.reduce((s, p) => s + p, 0) / parts.length,
    items: [...list.filter((c) => !c.met).map((c) => c.item), ...extra.flatMap((e) => e.items)],
  };
}

const label = (name: string) => taskLabel({ name });

const checks: Record<PlanSectionId, (p: PlanContent) => Check> = {
  objectives: (p) =>
    rowsCheck(p.objectives, "Add at least one objective: what does success look like?", (o) => ({
      rowId: o.id,
      messages: [
        ...(o.kpi.metric.trim() ? [] : [`${label(o.title)} has no KPI: name the metric that shows it is met.`]),
        ...(o.kpi.target === null ? [`${label(o.title)} has no KPI target.`] : []),
        ...(o.kpi.due === null ? [`${label(o.title)} has no due date for its target.`] : []),
      ],
    })),

  scope: (p) =>
    criteria([
      criterion(p.scope.inScope.length > 0, "List what is in scope."),
      criterion(p.scope.outOfScope.length > 0, "Say what is out of scope, so no one assumes it is included."),
      criterion(p.scope.assumptions.length > 0, "Write down the assumptions the plan rests on."),
      criterion(p.scope.constraints.length > 0, "Note the constraints: budget, time, people, rules."),
    ]),

  deliverables: (p) =>
    rowsCheck(p.deliverables, "Add the deliverables the plan will produce.", (d) => ({
      rowId: d.id,
      messages: [
        ...(d.ownerId ? [] : [`${label(d.name)} has no owner.`]),
        ...(d.due ? [] : [`${label(d.name)} has no due date.`]),
        ...(d.acceptanceCriteria.trim() ? [] : [`${label(d.name)} has no acceptance criteria.`]),
      ],
    })),

  stakeholders: (p) => {
    const deliverables = new Set(p.deliverables.map((d) => d.id));
    return rowsCheck(p.stakeholders, "List the stakeholders who receive the plan's deliverables.", (s) => ({
      rowId: s.id,
      messages: [
        ...(s.deliverableIds.some((id) => deliverables.has(id))
          ? []
          : [`${label(s.name)} receives no deliverable: say what they need to receive.`]),
        ...(s.channel.trim() ? [] : [`${label(s.name)} has no channel: say how they are informed.`]),
        ...(s.frequency ? [] : [`${label(s.name)} has no frequency: say how often they are informed.`]),
        ...(s.ownerId ? [] : [`${label(s.name)} has no one responsible for keeping them informed.`]),
      ],
    }));
  },

  research: (p) =>
    rowsCheck(
      p.researchEntries,
      "Record the research the plan rests on: interviews, surveys, focus groups, observations.",
      (r) => ({
        rowId: r.id,
        messages: [
          ...(r.date ? [] : [`${label(r.title)} has no date.`]),
          ...(r.findings.trim() ? [] : [`${label(r.title)} has no findings recorded.`]),
          ...(r.linkedIds.length
            ? []
            : [`${label(r.title)} informs nothing yet: link the objectives, scope, risks or tasks it supports.`]),
        ],
      }),
    ),

  strategy: (p) => {
    const words = wordCount(p.strategy);
    if (words === 0)
      return {
        score: 0,
        items: [{ rowId: null, message: "Describe how the work will be done: the approach, its phases and why." }],
      };
    if (words < THIN_STRATEGY_WORDS) {
      return {
        score: 0.5,
        items: [
          {
            rowId: null,
            message: `The strategy is only ${words} ${words === 1 ? "word" : "words"}: explain the approach, its phases and why.`,
          },
        ],
      };
    }
    return { score: 1, items: [] };
  },

  schedule: (p) => {
    const summaries = summaryTaskIds(p.tasks);
    const rows = rowsCheck(p.tasks, "Add tasks to the schedule.", (t) => {
      const messages = validateTask(t).map((pr) => `${taskLabel(t)}: ${pr.message}`);
      if (!summaries.has(t.id)) {
        if (!t.start || !t.end) messages.push(`${taskLabel(t)} has no dates.`);
        if (t.kind === "task" && !t.assigneeId) messages.push(`${taskLabel(t)} has no one assigned.`);
      }
      return { rowId: t.id, messages };
    });
    if (p.tasks.length === 0) return rows;
    return criteria(
      [
        criterion(
          p.tasks.some((t) => t.kind === "milestone"),
          "Add at least one milestone so progress can be checked along the way.",
        ),
      ],
      [rows],
    );
  },

  risks: (p) =>
    rowsCheck(p.risks, "Map at least one risk: what could go wrong?", (r) => ({
      rowId: r.id,
      messages:
        r.status === "closed"
          ? []
          : [
              ...(r.mitigation.trim() ? [] : [`${label(r.title)} has no mitigation.`]),
              ...(r.ownerId ? [] : [`${label(r.title)} has no owner.`]),
            ],
    })),

  resources: (p) => {
    const people = rowsCheck(p.resources, "List the people, tools and equipment the plan needs.", (r) => ({
      rowId: r.id,
      messages: validateResource(r).map((pr) => `${label(r.name)}: ${pr.message}`),
    }));
    const budget = rowsCheck(p.budgetLines, "Add the budget: a planned cost for each line.", (l) => ({
      rowId: l.id,
      messages: validateBudgetLine(l).map((pr) => `Budget line ${label(l.description || l.category)}: ${pr.message}`),
    }));
    return criteria([], [people, budget]);
  },

  raci: (p) => {
    const rows = raciRows(p.tasks, p.deliverables);
    if (rows.length === 0)
      return {
        score: 0,
        items: [{ rowId: null, message: "Add tasks and deliverables, then say who is responsible for each." }],
      };
    if (p.raciColumns.length === 0)
      return { score: 0, items: [{ rowId: null, message: "Add the people or roles to the RACI grid." }] };
    // All rows' problems in one pass: checking row by row filters every cell for every row.
    const problems = new Map(raciProblems(rows, p.raciColumns, p.raciCells).map((x) => [x.rowId, x.problems]));
    return rowsCheck(rows, "", (r) => ({
      rowId: r.id,
      messages: (problems.get(r.id) ?? []).map((pr) => `${label(r.name)}: ${pr.message}`),
    }));
  },

  metrics: (p) => {
    const targeted = p.objectives.filter((o) => o.kpi.target !== null);
    const dated = p.tasks.some((t) => t.start && t.end);
    if (targeted.length === 0 && !dated) {
      return {
        score: 0,
        items: [
          { rowId: null, message: "Nothing to track yet: add objectives with KPI targets and a dated schedule." },
        ],
      };
    }
    const list = [];
    if (dated)
      list.push(criterion(p.baselines.length > 0, "Save a baseline of the schedule so slippage can be tracked."));
    const extra = targeted.length
      ? [
          rowsCheck(targeted, "", (o) => ({
            rowId: o.id,
            messages:
              o.kpi.current === null ? [`${label(o.title)} has no current value: record where the KPI stands.`] : [],
          })),
        ]
      : [];
    return criteria(list, extra);
  },
};

/** The checklist of the plan's components, with a score per section and for the plan. */
export function planCompleteness(plan: PlanContent): Completeness {
  const sections = planSections.map((s): SectionCompleteness => {
    const c = checks[s.id](plan);
    return { section: s.id, title: s.title, score: c.score, items: c.items.map((i) => ({ section: s.id, ...i })) };
  });
  const score = Math.round((100 * sections.reduce((sum, s) => sum + s.score, 0)) / sections.length);
  return { score, sections, items: sections.flatMap((s) => s.items) };
}

/** An empty plan, the starting point of a new plan from the template. */
export function emptyPlanContent(): PlanContent {
  return {
    objectives: [],
    scope: { inScope: [], outOfScope: [], assumptions: [], constraints: [], text: "" },
    deliverables: [],
    stakeholders: [],
    researchEntries: [],
    strategy: "",
    tasks: [],
    dependencies: [],
    risks: [],
    swot: { strengths: [], weaknesses: [], opportunities: [], threats: [] },
    raciColumns: [],
    raciCells: [],
    resources: [],
    budgetLines: [],
    calendar: { workingWeekdays: [1, 2, 3, 4, 5], holidays: [] },
    baselines: [],
  };
}
