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
