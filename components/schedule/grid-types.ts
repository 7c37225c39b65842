/** Shapes and sizes shared by the task grid and its rows. */
import type { RowTreeActions } from "./row-tools";
import type { Priority } from "@/lib/plan/types";
import type { Row } from "./model";

export const ROW_HEIGHT = 48;
export const HEADER_HEIGHT = 85;

export interface RowFacts {
  duration: number;
  slack: number | null;
  critical: boolean;
  daysLate: number | null;
  predecessors: string;
}

export interface GridEdits {
  rename: (id: string, name: string) => string | null;
  setDates: (id: string, start: string | null, end: string | null) => string | null;
  setDuration: (id: string, days: number) => string | null;
  setProgress: (id: string, progress: number) => string | null;
  setMilestone: (id: string, milestone: boolean) => string | null;
  setAssignee: (id: string, assigneeId: string | null) => string | null;
  setPriority: (id: string, priority: Priority) => string | null;
  setDeliverable: (id: string, deliverableId: string | null) => string | null;
  setPredecessors: (id: string, text: string) => string | null;
  remove: (id: string) => void;
}

export type Option = { id: string; name: string };

export type GridProps = {
  rows: Row[];
  facts: (id: string) => RowFacts;
  editable: boolean;
  collapsed: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onSelect: (id: string) => void;
  edits: GridEdits;
  /** Work breakdown moves (indent, outdent, reorder, drop, add subtask). */
  tree: RowTreeActions;
  /** A row whose name field takes focus once drawn (a subtask just added). */
  focusId: string | null;
  people: Option[];
  deliverables: Option[];
  /** Rows [from, to) are drawn; the others are spacers of the same height (large plans). */
  window: [number, number];
};
