/**
 * The plan document's layout (docs/collab-schema.md): which top-level shared types exist, what a
 * row of each looks like, and the defaults a row missing a field takes. A public contract shared by
 * the browser, the collaboration server, the projection and the seed. No server-only imports.
 */
import "@/lib/validation/zod-csp";
import { z } from "zod";
import {
  baselineSchema,
  budgetLineSchema,
  deliverableSchema,
  dependencySchema,
  holidaySchema,
  objectiveSchema,
  raciColumnSchema,
  resourceSchema,
  riskBandSchema,
  riskSchema,
  scopeItemSchema,
  scopeKinds,
  swotItemSchema,
  swotQuadrants,
  taskSchema,
} from "@/lib/plan/validation";
import { DEFAULT_OVERLOAD_THRESHOLD } from "@/lib/plan/raci";
import { defaultRiskBands } from "@/lib/plan/risk";
import type { ISODate } from "@/lib/plan/types";

export { baselineSchema, holidaySchema, scopeItemSchema, scopeKinds, swotItemSchema, swotQuadrants };

export const SCHEMA_VERSION = 1;

export type ScopeKind = (typeof scopeKinds)[number];
export type ScopeItem = z.infer<typeof scopeItemSchema>;
export type SwotQuadrant = (typeof swotQuadrants)[number];
export type SwotItem = z.infer<typeof swotItemSchema>;
export type Holiday = z.infer<typeof holidaySchema>;

/** Every collection of rows: a top-level Y.Map from row id (UUID) to a Y.Map of fields. */
export const collections = {
  objectives: {
    schema: objectiveSchema,
    defaults: {
      title: "",
      description: "",
      kpi: { metric: "", baseline: null, target: null, current: null, unit: "", due: null },
      order: 0,
    },
  },
  scopeItems: { schema: scopeItemSchema, defaults: { kind: "in", text: "", order: 0 } },
  deliverables: {
    schema: deliverableSchema,
    defaults: {
      name: "",
      description: "",
      ownerId: null,
      due: null,
      acceptanceCriteria: "",
      status: "planned",
      order: 0,
    },
  },
  tasks: {
    schema: taskSchema,
    defaults: {
      name: "",
      start: null,
      end: null,
      progress: 0,
      kind: "task",
      parentId: null,
      deliverableId: null,
      assigneeId: null,
      order: 0,
    },
  },
  dependencies: { schema: dependencySchema, defaults: { type: "FS", lag: 0 } },
  risks: {
    schema: riskSchema,
    defaults: {
      title: "",
      description: "",
      category: "",
      ownerId: null,
      likelihood: 3,
      impact: 3,
      trigger: "",
      mitigation: "",
      contingency: "",
      status: "open",
      linkedTaskIds: [],
      reviewDate: null,
    },
  },
  swotItems: { schema: swotItemSchema, defaults: { quadrant: "strengths", text: "", order: 0 } },
  raciColumns: { schema: raciColumnSchema, defaults: { kind: "role", userId: null, name: "", order: 0 } },
  resources: {
    schema: resourceSchema,
    defaults: { kind: "person", name: "", role: "", userId: null, allocation: 100, notes: "", order: 0 },
  },
  budgetLines: {
    schema: budgetLineSchema,
    defaults: { category: "", description: "", planned: 0, actual: 0, currency: "EUR", order: 0 },
  },
  holidays: { schema: holidaySchema, defaults: { name: "" } },
  baselines: { schema: baselineSchema, defaults: { name: "Baseline", tasks: [] } },
} as const;

export type CollectionName = keyof typeof collections;
export type RowOf<C extends CollectionName> = z.infer<(typeof collections)[C]["schema"]>;
/** Fields of a row as a patch: everything but the id, nested objects patched one level deep. */
export type PatchOf<C extends CollectionName> = {
  [K in Exclude<keyof RowOf<C>, "id">]?: RowOf<C>[K] extends Record<string, unknown>
    ? Partial<RowOf<C>[K]>
    : RowOf<C>[K];
};

/** RACI cells: one top-level Y.Map from `${rowId}:${columnId}` to "R" | "A" | "C" | "I". */
export const RACI_CELLS = "raciCells";
/** Long-form text: Y.Text, merged character by character. */
export const texts = { strategy: "strategy", scopeText: "scopeText" } as const;
export type TextName = keyof typeof texts;
/** Plan-wide settings and the schema version. */
export const META = "meta";

export const raciLetterSchema = z.enum(["R", "A", "C", "I"], { message: "A RACI cell holds R, A, C or I." });
export const raciKey = (rowId: string, columnId: string) => `${rowId}:${columnId}`;

export const settingsSchema = z.object({
  workingWeekdays: z
    .array(z.number().int().min(0).max(6))
    .min(1, "At least one day of the week must be worked.")
    .refine((d) => new Set(d).size === d.length, "Each weekday may appear once."),
  riskBands: z.array(riskBandSchema).length(4, "There are four score bands."),
  raciOverloadThreshold: z
    .number()
    .int()
    .min(1, "The threshold must be at least 1.")
    .max(100, "The threshold must be at most 100."),
  currency: z.string().regex(/^[A-Z]{3}$/, "Currency must be a three-letter code such as EUR."),
});
export type PlanSettings = z.infer<typeof settingsSchema>;

export type InvalidRow = { section: string; id: string; error: string };

/** The whole document as plain data: what editors render and what the projection stores. */
export interface DocContent {
  objectives: RowOf<"objectives">[];
  scopeItems: ScopeItem[];
  scopeText: string;
  deliverables: RowOf<"deliverables">[];
  strategy: string;
  tasks: RowOf<"tasks">[];
  dependencies: RowOf<"dependencies">[];
  risks: RowOf<"risks">[];
  swotItems: SwotItem[];
  raciColumns: RowOf<"raciColumns">[];
  raciCells: { rowId: string; columnId: string; value: "R" | "A" | "C" | "I" }[];
  resources: RowOf<"resources">[];
  budgetLines: RowOf<"budgetLines">[];
  holidays: Holiday[];
  baselines: RowOf<"baselines">[];
  settings: PlanSettings;
}

export const defaultSettings: PlanSettings = {
  workingWeekdays: [1, 2, 3, 4, 5],
  riskBands: defaultRiskBands,
  raciOverloadThreshold: DEFAULT_OVERLOAD_THRESHOLD,
  currency: "EUR",
};

export const emptyDocContent = (): DocContent => ({
  objectives: [],
  scopeItems: [],
  scopeText: "",
  deliverables: [],
  strategy: "",
  tasks: [],
  dependencies: [],
  risks: [],
  swotItems: [],
  raciColumns: [],
  raciCells: [],
  resources: [],
  budgetLines: [],
  holidays: [],
  baselines: [],
  settings: defaultSettings,
});

export type { ISODate };
