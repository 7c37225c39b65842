/**
 * The plan document's layout (docs/collab-schema.md): which top-level shared types exist, what a
 * row of each looks like, and the defaults a row missing a field takes. A public contract shared by
 * the browser, the collaboration server, the projection and the seed. No server-only imports.
 */
import "@/lib/validation/zod-csp";
import { z } from "zod";
import { DEFAULT_OVERLOAD_THRESHOLD } from "@/lib/plan/raci";
import { defaultRiskBands } from "@/lib/plan/risk";
import type { ISODate, RaciCell } from "@/lib/plan/types";
import { riskBandSchema, scopeKinds, swotQuadrants } from "@/lib/plan/validation";
import { collections, type DocSection, type Placement, type Registry, type RowOf, type RowsIn } from "./collections";

export * from "./collections";
export { baselineSchema, holidaySchema, scopeItemSchema, swotItemSchema } from "@/lib/plan/validation";
export { scopeKinds, swotQuadrants };

export const SCHEMA_VERSION = 1;

export type ScopeKind = (typeof scopeKinds)[number];
export type ScopeItem = RowOf<"scopeItems">;
export type SwotQuadrant = (typeof swotQuadrants)[number];
export type SwotItem = RowOf<"swotItems">;
export type Holiday = RowOf<"holidays">;

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
  /** The most the plan may spend, in the plan's currency; null when no ceiling is set. */
  budgetCeiling: z
    .number({ message: "The budget ceiling must be a number." })
    .min(0, "The budget ceiling cannot be negative.")
    .max(1e12, "The budget ceiling is too large.")
    .nullable(),
});
export type PlanSettings = z.infer<typeof settingsSchema>;

export const defaultSettings: PlanSettings = {
  workingWeekdays: [1, 2, 3, 4, 5],
  riskBands: defaultRiskBands,
  raciOverloadThreshold: DEFAULT_OVERLOAD_THRESHOLD,
  currency: "EUR",
  budgetCeiling: null,
};

/** The parts of the document that are not collections of rows, as plain data. */
export interface DocSingles {
  /** The letters of the RACI grid; a missing cell is empty. */
  raciCells: RaciCell[];
  strategy: string;
  scopeText: string;
  settings: PlanSettings;
}

/**
 * Every top-level type that is not a collection: its name in the document (`root`) and where it
 * counts. RACI cells are one Y.Map from `${rowId}:${columnId}` to "R" | "A" | "C" | "I" (and one table,
 * read back in `sort` order); the long texts are Y.Text, merged character by character; settings and
 * the schema version share `meta`.
 */
export const singles = {
  raciCells: { root: "raciCells", section: "raci", fingerprint: "cells", sort: ["rowId", "columnId"] },
  strategy: { root: "strategy", section: "strategy", fingerprint: "strategy" },
  scopeText: { root: "scopeText", section: "scope", fingerprint: "text" },
  settings: { root: "meta", section: "settings", fingerprint: null },
} as const satisfies Record<keyof DocSingles, Placement & { root: string; sort?: readonly (keyof RaciCell)[] }>;

/** Settings change as one part, but each counts in the fingerprint of the section it shapes. */
export const settingPlacements = {
  workingWeekdays: { section: "schedule", fingerprint: "workingWeekdays" },
  riskBands: { section: "risks", fingerprint: "bands" },
  raciOverloadThreshold: { section: "raci", fingerprint: "threshold" },
  currency: { section: "resources", fingerprint: "currency" },
  budgetCeiling: { section: "resources", fingerprint: "ceiling", addedLater: true },
} as const satisfies Record<keyof PlanSettings, Placement>;

export const RACI_CELLS = singles.raciCells.root;
export const META = singles.settings.root;
export const texts = { strategy: singles.strategy.root, scopeText: singles.scopeText.root } as const;
export type TextName = keyof typeof texts;

/** Top-level type → the section an edit of it belongs to, for every name of the layout. */
export const rootSections = (registry: Registry = collections): Record<string, DocSection> => ({
  ...Object.fromEntries(Object.entries(registry).map(([name, c]) => [name, c.section])),
  ...Object.fromEntries(Object.values(singles).map((s) => [s.root, s.section])),
});

export type InvalidRow = { section: string; id: string; error: string };

/** The whole document as plain data, for a registry: what editors render and what the projection stores. */
export type ContentOf<R extends Registry> = RowsIn<R> & DocSingles;
export type DocContent = ContentOf<typeof collections>;

export function emptyContent<R extends Registry>(registry: R): ContentOf<R> {
  const rows = Object.fromEntries(Object.keys(registry).map((name) => [name, []])) as unknown as RowsIn<R>;
  return { ...rows, raciCells: [], strategy: "", scopeText: "", settings: defaultSettings };
}

export const emptyDocContent = (): DocContent => emptyContent(collections);

export type { ISODate };
