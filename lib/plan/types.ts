/**
 * Plain data of a plan's content, as read out of its live document (docs/collab-schema.md).
 * Every rule in lib/plan is a pure function over these shapes; the UI, the projection and the
 * tests all use the same ones.
 */

/** A calendar date, `YYYY-MM-DD`. Never an instant: no time zone applies. */
export type ISODate = string;

export type TaskKind = "task" | "milestone" | "buffer";

export interface Task {
  id: string;
  name: string;
  start: ISODate | null;
  end: ISODate | null;
  /** 0–100 */
  progress: number;
  kind: TaskKind;
  /** Summary task this one rolls up into. */
  parentId: string | null;
  deliverableId: string | null;
  /** Workspace member (user id) or resource id responsible for the work. */
  assigneeId: string | null;
  /** Position among siblings (fractional index: insert between two by averaging). */
  order: number;
}

/** finish-to-start, start-to-start, finish-to-finish, start-to-finish */
export type DependencyType = "FS" | "SS" | "FF" | "SF";

export interface Dependency {
  id: string;
  /** predecessor task id */
  from: string;
  /** successor task id */
  to: string;
  type: DependencyType;
  /** working days; negative = lead */
  lag: number;
}

export interface Kpi {
  metric: string;
  baseline: number | null;
  target: number | null;
  current: number | null;
  unit: string;
  due: ISODate | null;
}

export interface Objective {
  id: string;
  title: string;
  description: string;
  kpi: Kpi;
  order: number;
}

export type DeliverableStatus = "planned" | "in_progress" | "done" | "accepted";

export interface Deliverable {
  id: string;
  name: string;
  description: string;
  ownerId: string | null;
  due: ISODate | null;
  acceptanceCriteria: string;
  status: DeliverableStatus;
  order: number;
}

export type RiskStatus = "open" | "mitigating" | "closed" | "occurred";

export interface Risk {
  id: string;
  title: string;
  description: string;
  category: string;
  ownerId: string | null;
  /** 1–5 */
  likelihood: number;
  /** 1–5 */
  impact: number;
  trigger: string;
  mitigation: string;
  contingency: string;
  status: RiskStatus;
  linkedTaskIds: string[];
  reviewDate: ISODate | null;
}

export type RaciLetter = "R" | "A" | "C" | "I";

/** A RACI column: a workspace member or a named role. */
export interface RaciColumn {
  id: string;
  kind: "member" | "role";
  userId: string | null;
  name: string;
  order: number;
}

/** A RACI row is a task or a deliverable; the grid stores only the cells that hold a letter. */
export interface RaciCell {
  rowId: string;
  columnId: string;
  value: RaciLetter;
}

export interface WorkingCalendar {
  /** Days of the week that are worked, 0 = Sunday … 6 = Saturday. */
  workingWeekdays: number[];
  holidays: { date: ISODate; name: string }[];
}

export const defaultCalendar: WorkingCalendar = { workingWeekdays: [1, 2, 3, 4, 5], holidays: [] };

/** A saved copy of the schedule's dates (plan approval saves one), to measure slippage against. */
export interface Baseline {
  id: string;
  name: string;
  /** When it was saved, an ISO 8601 instant. */
  savedAt: string;
  tasks: { id: string; start: ISODate | null; end: ISODate | null }[];
}

export type RiskBandId = "low" | "medium" | "high" | "critical";

/** A score band of the risk matrix: scores min…max (inclusive) belong to it. */
export interface RiskBand {
  id: RiskBandId;
  label: string;
  min: number;
  max: number;
}

export interface BudgetLine {
  id: string;
  category: string;
  description: string;
  /** Planned cost, in the line's currency. */
  planned: number;
  /** Cost incurred so far (0 until something is spent). */
  actual: number;
  /** ISO 4217 code, e.g. "EUR". */
  currency: string;
  order: number;
}

export type ResourceKind = "person" | "tool" | "equipment";

/** Someone or something the plan needs: a person with a role, a tool or software, equipment. */
export interface Resource {
  id: string;
  kind: ResourceKind;
  name: string;
  /** For people: the role they play in the plan. */
  role: string;
  /** For people who are workspace members. */
  userId: string | null;
  /** Share of their time given to the plan, 0–100 (100 for tools and equipment). */
  allocation: number;
  notes: string;
  order: number;
}

export interface ScopeContent {
  inScope: string[];
  outOfScope: string[];
  assumptions: string[];
  constraints: string[];
  text: string;
}

export interface Swot {
  strengths: string[];
  weaknesses: string[];
  opportunities: string[];
  threats: string[];
}

/** Everything a plan holds, as one value, so completeness and metrics take one argument. */
export interface PlanContent {
  objectives: Objective[];
  scope: ScopeContent;
  deliverables: Deliverable[];
  /** The implementation strategy as plain text. */
  strategy: string;
  tasks: Task[];
  dependencies: Dependency[];
  risks: Risk[];
  /** The plan's score bands; the default bands when absent. */
  riskBands?: RiskBand[];
  swot: Swot;
  raciColumns: RaciColumn[];
  raciCells: RaciCell[];
  resources: Resource[];
  budgetLines: BudgetLine[];
  calendar: WorkingCalendar;
  baselines: Baseline[];
}
