/**
 * Reading a plan document into plain data. Malformed rows are returned apart (never thrown), so
 * one bad row from an old or hostile client cannot break a page or the projection.
 */
import * as Y from "yjs";
import type { PlanContent } from "@/lib/plan/types";
import {
  defaultSettings,
  META,
  RACI_CELLS,
  raciLetterSchema,
  realRegistry,
  SCHEMA_VERSION,
  settingsSchema,
  texts,
  type Collections,
  type ContentOf,
  type DocContent,
  type InvalidRow,
  type PlanSettings,
  type Registry,
  type RowIn,
  type TextName,
} from "./layout";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The top-level map of a collection (of whichever registry names it). */
export const rowsOf = (doc: Y.Doc, name: string) => doc.getMap<Y.Map<unknown>>(name);
export const metaOf = (doc: Y.Doc) => doc.getMap<unknown>(META);
export const raciCellsOf = (doc: Y.Doc) => doc.getMap<string>(RACI_CELLS);
export const textOf = (doc: Y.Doc, name: TextName) => doc.getText(texts[name]);

/** Schema version the document declares (the current one when never written). */
export function schemaVersionOf(doc: Y.Doc): number {
  const v = metaOf(doc).get("schemaVersion");
  return typeof v === "number" && Number.isInteger(v) && v > 0 ? v : SCHEMA_VERSION;
}

const plain = (value: unknown): unknown => (value instanceof Y.AbstractType ? value.toJSON() : value);

function issueText(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join(".") || "row"}: ${i.message}`).join("; ");
}

/** One row as plain data with defaults filled in, or the reason it is malformed. */
export function parseRow<C extends keyof R & string, R extends Registry = Collections>(
  name: C,
  key: string,
  value: unknown,
  registry: R = realRegistry(),
): { ok: true; row: RowIn<NoInfer<R>, C> } | { ok: false; error: string } {
  if (!uuid.test(key)) return { ok: false, error: "row key is not a UUID" };
  const fields = plain(value);
  if (typeof fields !== "object" || fields === null || Array.isArray(fields))
    return { ok: false, error: "row is not a map of fields" };
  const { schema, defaults } = registry[name]!;
  const merged: Record<string, unknown> = { ...defaults, ...fields, id: key };
  // Nested objects (an objective's KPI) take defaults field by field too.
  for (const [k, d] of Object.entries(defaults)) {
    const v = merged[k];
    if (d && typeof d === "object" && !Array.isArray(d) && v && typeof v === "object" && !Array.isArray(v))
      merged[k] = { ...d, ...v };
  }
  const parsed = schema.safeParse(merged);
  return parsed.success
    ? { ok: true, row: parsed.data as RowIn<R, C> }
    : { ok: false, error: issueText(parsed.error.issues) };
}

const byOrder = (a: { id: string; order?: unknown }, b: { id: string; order?: unknown }) =>
  (typeof a.order === "number" && typeof b.order === "number" ? a.order - b.order : 0) || a.id.localeCompare(b.id);

/** Rows in display order (by `order`, then id), in place: the one order every reader of a collection uses. */
export const sortRows = <R extends { id: string }>(rows: R[]): R[] => rows.sort(byOrder as (a: R, b: R) => number);

/** Every valid row of a collection in display order; malformed rows reported apart. */
export function readRows<C extends keyof R & string, R extends Registry = Collections>(
  doc: Y.Doc,
  name: C,
  registry: R = realRegistry(),
): { rows: RowIn<NoInfer<R>, C>[]; invalid: InvalidRow[] } {
  const rows: RowIn<R, C>[] = [];
  const invalid: InvalidRow[] = [];
  rowsOf(doc, name).forEach((value, key) => {
    const r = parseRow(name, key, value, registry);
    if (r.ok) rows.push(r.row);
    else invalid.push({ section: name, id: key, error: r.error });
  });
  return { rows: sortRows(rows), invalid };
}

export function readRaciCells(doc: Y.Doc): { cells: DocContent["raciCells"]; invalid: InvalidRow[] } {
  const cells: DocContent["raciCells"] = [];
  const invalid: InvalidRow[] = [];
  raciCellsOf(doc).forEach((value, key) => {
    const [rowId, columnId, extra] = key.split(":");
    const letter = raciLetterSchema.safeParse(value);
    if (!rowId || !columnId || extra !== undefined || !uuid.test(rowId) || !uuid.test(columnId) || !letter.success) {
      invalid.push({
        section: RACI_CELLS,
        id: key,
        error: "cell key must be rowId:columnId and its value R, A, C or I",
      });
      return;
    }
    cells.push({ rowId, columnId, value: letter.data });
  });
  return { cells, invalid };
}

/** Plan settings, each one falling back to its default when missing or malformed. */
export function readSettings(doc: Y.Doc): PlanSettings {
  const meta = metaOf(doc);
  const out: Record<string, unknown> = { ...defaultSettings };
  for (const key of Object.keys(defaultSettings) as (keyof PlanSettings)[]) {
    const candidate = plain(meta.get(key));
    if (candidate === undefined) continue;
    const ok = settingsSchema.shape[key].safeParse(candidate);
    if (ok.success) out[key] = ok.data;
  }
  return out as PlanSettings;
}

/**
 * The whole document as plain data, its collections read by `rows` (a full read here; the browser's
 * incremental readers in components/collab/plan-data.tsx) and its RACI letters given.
 */
export function assembleContent<R extends Registry = Collections>(
  doc: Y.Doc,
  rows: NoInfer<<C extends keyof R & string>(name: C) => RowIn<R, C>[]>,
  raciCells: DocContent["raciCells"],
  registry: R = realRegistry(),
): ContentOf<NoInfer<R>> {
  const collected = Object.fromEntries(Object.keys(registry).map((name) => [name, rows(name)]));
  return {
    ...(collected as ContentOf<R>),
    raciCells,
    strategy: textOf(doc, "strategy").toString(),
    scopeText: textOf(doc, "scopeText").toString(),
    settings: readSettings(doc),
  };
}

/** The whole document as plain data, with every malformed row reported. */
export function readDocContent<R extends Registry = Collections>(
  doc: Y.Doc,
  registry: R = realRegistry(),
): { content: ContentOf<NoInfer<R>>; invalid: InvalidRow[] } {
  const invalid: InvalidRow[] = [];
  const raci = readRaciCells(doc);
  invalid.push(...raci.invalid);
  const content = assembleContent(
    doc,
    (name) => {
      const r = readRows(doc, name, registry);
      invalid.push(...r.invalid);
      return r.rows;
    },
    raci.cells,
    registry,
  );
  return { content, invalid };
}

/** The shape the plan rules (lib/plan) work on. */
export function toPlanContent(c: DocContent): PlanContent {
  const scope = (kind: string) => c.scopeItems.filter((i) => i.kind === kind).map((i) => i.text);
  const swot = (q: string) => c.swotItems.filter((i) => i.quadrant === q).map((i) => i.text);
  return {
    objectives: c.objectives,
    scope: {
      inScope: scope("in"),
      outOfScope: scope("out"),
      assumptions: scope("assumption"),
      constraints: scope("constraint"),
      text: c.scopeText,
    },
    deliverables: c.deliverables,
    stakeholders: c.stakeholders,
    researchEntries: c.researchEntries,
    strategy: c.strategy,
    tasks: c.tasks,
    dependencies: c.dependencies,
    risks: c.risks,
    riskBands: c.settings.riskBands,
    swot: {
      strengths: swot("strengths"),
      weaknesses: swot("weaknesses"),
      opportunities: swot("opportunities"),
      threats: swot("threats"),
    },
    raciColumns: c.raciColumns,
    raciCells: c.raciCells,
    resources: c.resources,
    budgetLines: c.budgetLines,
    resourceRequests: c.resourceRequests,
    budgetCeiling: c.settings.budgetCeiling,
    calendar: {
      workingWeekdays: c.settings.workingWeekdays,
      holidays: c.holidays.map((h) => ({ date: h.date, name: h.name })),
    },
    baselines: c.baselines,
  };
}
