/**
 * The plan document's collections, each declared once: its row schema (the row type is inferred from
 * it), the defaults a row missing a field takes, the template section it belongs to (activity), its
 * key in that section's change fingerprint and the order the projection reads it back in. Each key
 * is the name of the collection's top-level Y.Map. Readers, writers, the projection, activity and the
 * fingerprints all loop over this registry. Browser-safe: the Drizzle half is db/projection.ts.
 */
import "@/lib/validation/zod-csp";
import type { z } from "zod";
import type { PlanSectionId } from "@/lib/plan/template";
import {
  baselineSchema,
  budgetLineSchema,
  deliverableSchema,
  dependencySchema,
  holidaySchema,
  objectiveSchema,
  raciColumnSchema,
  researchEntrySchema,
  resourceRequestSchema,
  resourceSchema,
  riskSchema,
  scopeItemSchema,
  stakeholderSchema,
  swotItemSchema,
  taskSchema,
} from "@/lib/plan/validation";

/** A template section, or "settings" for the plan-wide settings. */
export type DocSection = PlanSectionId | "settings";

/**
 * Where a part of the document counts: the section an edit of it is recorded under, and its key in
 * that section's fingerprint (lib/plan/section-digests.ts); null when no fingerprint covers it.
 */
export interface Placement<Sec extends DocSection = DocSection, F extends string | null = string | null> {
  section: Sec;
  fingerprint: F;
  /**
   * Added after plans could be approved: left out of the fingerprint while empty (no rows, no value),
   * so an approved plan's section does not read as changed because the part now exists.
   */
  addedLater?: boolean;
}

type RowSchema = z.ZodType<{ id: string }>;

export type CollectionSpec<S extends RowSchema, Sec extends DocSection, F extends string | null> = Placement<Sec, F> & {
  schema: S;
  /** Every field but the id that a row may lack. */
  defaults: Partial<Omit<z.output<S>, "id">>;
  /** Fields the projection's rows come back ordered by (the document orders by `order`, then id). */
  sort: readonly (keyof z.output<S> & string)[];
  /** The row as the projection keeps it, where that differs; fingerprints compare this form too. */
  stored?(row: z.output<S>): z.output<S>;
  /**
   * Fields added after plans could be approved: left out of the fingerprint while at their default,
   * so adding one does not mark every approved plan's section as changed.
   */
  added?: readonly (keyof z.output<S> & string)[];
};

/** Any collection, as code generic over the registry sees it. */
export interface AnyCollection extends Placement {
  schema: RowSchema;
  defaults: object;
  sort: readonly string[];
  stored?(row: { id: string }): { id: string };
  added?: readonly string[];
}

/** A set of collections: the real one below, or an extended one in a test. */
export type Registry = Readonly<Record<string, AnyCollection>>;

/** Declares a collection, checking its defaults and sort fields against its schema. */
const collection = <S extends RowSchema, Sec extends DocSection, F extends string | null>(
  spec: CollectionSpec<S, Sec, F>,
) => spec;

const byOrder = ["order", "id"] as const;

export const collections = {
  objectives: collection({
    schema: objectiveSchema,
    defaults: {
      title: "",
      description: "",
      kpi: { metric: "", baseline: null, target: null, current: null, unit: "", due: null },
      order: 0,
    },
    section: "objectives",
    fingerprint: "objectives",
    sort: byOrder,
  }),
  scopeItems: collection({
    schema: scopeItemSchema,
    defaults: { kind: "in", text: "", order: 0 },
    section: "scope",
    fingerprint: "items",
    sort: byOrder,
  }),
  deliverables: collection({
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
    section: "deliverables",
    fingerprint: "deliverables",
    sort: byOrder,
  }),
  stakeholders: collection({
    schema: stakeholderSchema,
    defaults: {
      name: "",
      role: "",
      interest: 3,
      influence: 3,
      deliverableIds: [],
      channel: "",
      frequency: null,
      ownerId: null,
      order: 0,
    },
    section: "stakeholders",
    fingerprint: "stakeholders",
    sort: byOrder,
  }),
  researchEntries: collection({
    schema: researchEntrySchema,
    defaults: { kind: "interview", title: "", date: null, participants: "", findings: "", linkedIds: [], order: 0 },
    section: "research",
    fingerprint: "research",
    sort: byOrder,
  }),
  tasks: collection({
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
      priority: "medium",
      order: 0,
    },
    section: "schedule",
    fingerprint: "tasks",
    sort: byOrder,
    added: ["priority"],
    // The projection keeps whole percents.
    stored: (t) => ({ ...t, progress: Math.round(t.progress) }),
  }),
  dependencies: collection({
    schema: dependencySchema,
    defaults: { type: "FS", lag: 0 },
    section: "schedule",
    fingerprint: "dependencies",
    sort: ["id"],
  }),
  risks: collection({
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
    section: "risks",
    fingerprint: "risks",
    sort: ["id"],
  }),
  swotItems: collection({
    schema: swotItemSchema,
    defaults: { quadrant: "strengths", text: "", order: 0 },
    section: "risks",
    fingerprint: "swot",
    sort: byOrder,
  }),
  raciColumns: collection({
    schema: raciColumnSchema,
    defaults: { kind: "role", userId: null, name: "", order: 0 },
    section: "raci",
    fingerprint: "columns",
    sort: byOrder,
  }),
  resources: collection({
    schema: resourceSchema,
    defaults: {
      kind: "person",
      name: "",
      role: "",
      userId: null,
      allocation: 100,
      notes: "",
      order: 0,
      capacityHoursPerWeek: 40,
      absences: [],
    },
    section: "resources",
    fingerprint: "resources",
    sort: byOrder,
    added: ["capacityHoursPerWeek", "absences"],
  }),
  resourceRequests: collection({
    schema: resourceRequestSchema,
    defaults: { what: "", why: "", estimatedCost: 0, status: "requested", order: 0 },
    section: "resources",
    fingerprint: "requests",
    sort: byOrder,
    addedLater: true,
  }),
  budgetLines: collection({
    schema: budgetLineSchema,
    defaults: { category: "", description: "", planned: 0, actual: 0, currency: "EUR", order: 0 },
    section: "resources",
    fingerprint: "budget",
    sort: byOrder,
  }),
  holidays: collection({
    schema: holidaySchema,
    defaults: { name: "" },
    section: "schedule",
    fingerprint: "holidays",
    sort: ["date"],
  }),
  // Saved baselines are not part of the schedule itself: approving a plan saves one.
  baselines: collection({
    schema: baselineSchema,
    defaults: { name: "Baseline", tasks: [] },
    section: "schedule",
    fingerprint: null,
    sort: ["savedAt"],
  }),
};

export type Collections = typeof collections;
export type CollectionName = keyof Collections;

/** A row of collection `C` of registry `R`. */
export type RowIn<R extends Registry, C extends keyof R> = z.output<R[C]["schema"]>;
export type RowOf<C extends CollectionName> = RowIn<Collections, C>;

/** Fields of a row as a patch: everything but the id, nested objects patched one level deep. */
export type PatchIn<R extends Registry, C extends keyof R> = {
  [K in Exclude<keyof RowIn<R, C>, "id">]?: RowIn<R, C>[K] extends Record<string, unknown>
    ? Partial<RowIn<R, C>[K]>
    : RowIn<R, C>[K];
};
export type PatchOf<C extends CollectionName> = PatchIn<Collections, C>;

/** Every collection's rows, as plain data. */
export type RowsIn<R extends Registry> = { [C in keyof R]: RowIn<R, C>[] };

/** Sections that a fingerprint covers part of, in a set of placements. */
export type FingerprintedIn<T extends Record<string, Placement>> = {
  [K in keyof T]: T[K]["fingerprint"] extends string ? T[K]["section"] : never;
}[keyof T];

/** The real registry, as the default of a function generic over registries (`registry: R = realRegistry()`). */
export const realRegistry = <R extends Registry>() => collections as Registry as R;
