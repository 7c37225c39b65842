import type { RiskSortKey } from "@/lib/risks/view";

/** The register's columns, left to right; `field` is the risk field a cell edits. */
export type RiskColumn =
  | { id: "title" | "category"; label: string; kind: "text"; max: number; sort: RiskSortKey }
  | {
      id: "description" | "trigger" | "mitigation" | "contingency";
      label: string;
      kind: "longtext";
      max: number;
      sort?: undefined;
    }
  | { id: "ownerId"; label: string; kind: "owner"; sort: RiskSortKey }
  | { id: "likelihood" | "impact"; label: string; kind: "scale"; sort: RiskSortKey }
  | { id: "status"; label: string; kind: "status"; sort: RiskSortKey }
  | { id: "reviewDate"; label: string; kind: "date"; sort: RiskSortKey }
  | { id: "linkedTaskIds"; label: string; kind: "tasks"; sort?: undefined }
  | { id: "score"; label: string; kind: "score"; sort: RiskSortKey }
  | { id: "remove"; label: string; kind: "remove"; sort?: undefined };

export const riskColumns: readonly RiskColumn[] = [
  { id: "title", label: "Risk", kind: "text", max: 200, sort: "title" },
  { id: "category", label: "Category", kind: "text", max: 100, sort: "category" },
  { id: "ownerId", label: "Owner", kind: "owner", sort: "owner" },
  { id: "likelihood", label: "Likelihood", kind: "scale", sort: "likelihood" },
  { id: "impact", label: "Impact", kind: "scale", sort: "impact" },
  { id: "score", label: "Score", kind: "score", sort: "score" },
  { id: "status", label: "Status", kind: "status", sort: "status" },
  { id: "reviewDate", label: "Review", kind: "date", sort: "reviewDate" },
  { id: "linkedTaskIds", label: "Linked tasks", kind: "tasks" },
  { id: "description", label: "Description", kind: "longtext", max: 10_000 },
  { id: "trigger", label: "Trigger", kind: "longtext", max: 10_000 },
  { id: "mitigation", label: "Mitigation", kind: "longtext", max: 10_000 },
  { id: "contingency", label: "Contingency plan", kind: "longtext", max: 10_000 },
];

/** Columns a viewer sees; editors get one more, with each row's remove button. */
export const removeColumn: RiskColumn = { id: "remove", label: "Actions", kind: "remove" };

export const isEditableColumn = (c: RiskColumn) => c.kind !== "score" && c.kind !== "remove";
