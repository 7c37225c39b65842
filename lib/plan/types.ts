/**
 * Plain data of a plan's content, as read out of its live document (docs/collab-schema.md).
 * Every rule in lib/plan is a pure function over these shapes; the UI, the projection and the
 * tests all use the same ones. Row types are inferred from their zod schemas (validation.ts), so
 * a field is declared once.
 */
import type { z } from "zod";
import type {
  baselineSchema,
  budgetLineSchema,
  deliverableSchema,
  dependencySchema,
  kpiSchema,
  objectiveSchema,
  raciCellSchema,
  raciColumnSchema,
  researchEntrySchema,
  resourceRequestSchema,
  resourceSchema,
  absenceSchema,
  riskBandSchema,
  riskSchema,
  stakeholderSchema,
  taskSchema,
  workingCalendarSchema,
} from "./validation";

/** A calendar date, `YYYY-MM-DD`. Never an instant: no time zone applies. */
export type ISODate = string;

export type Task = z.infer<typeof taskSchema>;
export type Priority = Task["priority"];
export type TaskKind = Task["kind"];

export type Dependency = z.infer<typeof dependencySchema>;
export type DependencyType = Dependency["type"];

export type Kpi = z.infer<typeof kpiSchema>;
export type Objective = z.infer<typeof objectiveSchema>;

export type Deliverable = z.infer<typeof deliverableSchema>;
export type DeliverableStatus = Deliverable["status"];

export type Risk = z.infer<typeof riskSchema>;
export type RiskStatus = Risk["status"];

/** A RACI column: a workspace member or a named role. */
export type RaciColumn = z.infer<typeof raciColumnSchema>;
/** A RACI row is a task or a deliverable; the grid stores only the cells that hold a letter. */
export type RaciCell = z.infer<typeof raciCellSchema>;
export type RaciLetter = RaciCell["value"];

export type WorkingCalendar = z.infer<typeof workingCalendarSchema>;

export const defaultCalendar: WorkingCalendar = { workingWeekdays: [1, 2, 3, 4, 5], holidays: [] };

/** A saved copy of the schedule's dates, to measure slippage against. */
export type Baseline = z.infer<typeof baselineSchema>;

/** A score band of the risk matrix: scores min…max (inclusive) belong to it. */
export type RiskBand = z.infer<typeof riskBandSchema>;
export type RiskBandId = RiskBand["id"];

export type BudgetLine = z.infer<typeof budgetLineSchema>;

/** Someone or something the plan needs: a person with a role, a tool or software, equipment. */
export type Resource = z.infer<typeof resourceSchema>;
export type ResourceKind = Resource["kind"];
export type Absence = z.infer<typeof absenceSchema>;

/** An additional resource the plan asks for. */
export type ResourceRequest = z.infer<typeof resourceRequestSchema>;

export type Stakeholder = z.infer<typeof stakeholderSchema>;
export type ResearchEntry = z.infer<typeof researchEntrySchema>;
export type ResearchKind = ResearchEntry["kind"];

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
  stakeholders: Stakeholder[];
  researchEntries: ResearchEntry[];
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
  /** Additional resources asked for; none when absent. */
  resourceRequests?: ResourceRequest[];
  /** The most the plan may spend, in its currency; no ceiling when absent. */
  budgetCeiling?: number | null;
}
