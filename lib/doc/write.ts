/**
 * Changing a plan document. Every write validates the resulting row first and writes nothing when
 * it is invalid, so an invalid value never enters the document. Each field is its own map entry, so
 * two people editing different fields of one row at the same moment both keep their edits.
 * Call these inside one `doc.transact` (CollabClient.transact) so an edit is one undo step.
 */
import { randomUUID } from "@/lib/doc/uuid";
import * as Y from "yjs";
import type { Problem } from "@/lib/plan/problem";
import type { PlanContent } from "@/lib/plan/types";
import { validateRow } from "@/lib/plan/validation";
import {
  defaultSettings,
  raciKey,
  raciLetterSchema,
  realRegistry,
  SCHEMA_VERSION,
  settingsSchema,
  type CollectionName,
  type Collections,
  type ContentOf,
  type DocContent,
  type PatchIn,
  type PlanSettings,
  type Registry,
  type RowIn,
  type TextName,
} from "./layout";
import { metaOf, parseRow, raciCellsOf, rowsOf, textOf } from "./read";

export type WriteResult = { ok: true } | { ok: false; problems: Problem[] };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Y.AbstractType);

function problemsOf(registry: Registry, name: string, row: unknown): Problem[] {
  const r = validateRow(registry[name]!.schema, row);
  return r.ok ? [] : r.problems;
}

function toYMap(fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) map.set(k, isPlainObject(v) ? toYMap(v) : v);
  return map;
}

function ensureVersion(doc: Y.Doc) {
  const meta = metaOf(doc);
  if (meta.get("schemaVersion") === undefined) meta.set("schemaVersion", SCHEMA_VERSION);
}

/** A new row of a collection with every field at its default (deep-copied, so it can be changed freely). */
export function blankRow<C extends keyof R & string, R extends Registry = Collections>(
  name: C,
  id: string,
  registry: R = realRegistry(),
): RowIn<NoInfer<R>, C> {
  return { ...structuredClone(registry[name]!.defaults), id } as RowIn<R, C>;
}

/** Add a row (its id must be a fresh UUID). */
export function insertRow<C extends keyof R & string, R extends Registry = Collections>(
  doc: Y.Doc,
  name: C,
  row: NoInfer<RowIn<R, C>>,
  registry: R = realRegistry(),
): WriteResult {
  const full: Record<string, unknown> = { ...registry[name]!.defaults, ...row };
  const problems = problemsOf(registry, name, full);
  if (problems.length) return { ok: false, problems };
  const { id, ...fields } = full;
  ensureVersion(doc);
  rowsOf(doc, name).set(id as string, toYMap(fields));
  return { ok: true };
}

/** Change some fields of one row; only fields whose value differs are written. */
export function updateRow<C extends keyof R & string, R extends Registry = Collections>(
  doc: Y.Doc,
  name: C,
  id: string,
  patch: NoInfer<PatchIn<R, C>>,
  registry: R = realRegistry(),
): WriteResult {
  const map = rowsOf(doc, name).get(id);
  if (!(map instanceof Y.Map))
    return {
      ok: false,
      problems: [{ field: "id", message: "That row no longer exists; someone may have deleted it." }],
    };
  const current = parseRow(name, id, map, registry);
  const base: Record<string, unknown> = current.ok
    ? current.row
    : { ...registry[name]!.defaults, ...(map.toJSON() as object), id };
  const next: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch))
    next[k] = isPlainObject(v) && isPlainObject(base[k]) ? { ...(base[k] as object), ...v } : v;
  const problems = problemsOf(registry, name, next);
  if (problems.length) return { ok: false, problems };
  for (const [k, v] of Object.entries(patch)) {
    const existing = map.get(k);
    if (isPlainObject(v) && existing instanceof Y.Map) {
      for (const [nk, nv] of Object.entries(v)) if (!Object.is(existing.get(nk), nv)) existing.set(nk, nv);
    } else if (isPlainObject(v)) {
      map.set(k, toYMap(next[k] as Record<string, unknown>));
    } else if (Array.isArray(v) ? JSON.stringify(existing) !== JSON.stringify(v) : !Object.is(existing, v)) {
      map.set(k, v);
    }
  }
  return { ok: true };
}

export function deleteRow(doc: Y.Doc, name: CollectionName, id: string) {
  rowsOf(doc, name).delete(id);
}

/** Set one RACI cell; null clears it. */
export function setRaciCell(
  doc: Y.Doc,
  rowId: string,
  columnId: string,
  value: "R" | "A" | "C" | "I" | null,
): WriteResult {
  const cells = raciCellsOf(doc);
  const key = raciKey(rowId, columnId);
  if (value === null) {
    cells.delete(key);
    return { ok: true };
  }
  const parsed = raciLetterSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problems: [{ field: "value", message: parsed.error.issues[0]!.message }] };
  if (cells.get(key) !== parsed.data) cells.set(key, parsed.data);
  return { ok: true };
}

/** Change one plan setting after validating it. */
export function setSetting<K extends keyof PlanSettings>(doc: Y.Doc, key: K, value: PlanSettings[K]): WriteResult {
  const parsed = settingsSchema.shape[key].safeParse(value);
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((i) => ({ field: key, message: i.message })) };
  ensureVersion(doc);
  metaOf(doc).set(key, parsed.data);
  return { ok: true };
}

/** Replace a Y.Text's content (seeding, imports); live typing edits the Y.Text directly. */
export function setText(doc: Y.Doc, name: TextName, value: string) {
  const text = textOf(doc, name);
  if (text.toString() === value) return;
  text.delete(0, text.length);
  text.insert(0, value);
}

/** A position after every row of a collection (fractional order: between two = their mean). */
export function nextOrder(doc: Y.Doc, name: CollectionName): number {
  let max = 0;
  rowsOf(doc, name).forEach((row) => {
    const o = row instanceof Y.Map ? row.get("order") : undefined;
    if (typeof o === "number" && o > max) max = o;
  });
  return max + 1;
}

/** Write a whole plan into an empty document (seed, templates, imports). Invalid rows are reported, not written. */
export function writeDocContent<R extends Registry = Collections>(
  doc: Y.Doc,
  content: NoInfer<ContentOf<R>>,
  registry: R = realRegistry(),
): Problem[] {
  const problems: Problem[] = [];
  doc.transact(() => {
    ensureVersion(doc);
    for (const name of Object.keys(registry) as (keyof R & string)[]) {
      for (const row of content[name]) {
        const r = insertRow(doc, name, row, registry);
        if (!r.ok)
          problems.push(...r.problems.map((p) => ({ field: `${name}/${row.id}/${p.field}`, message: p.message })));
      }
    }
    for (const c of content.raciCells) setRaciCell(doc, c.rowId, c.columnId, c.value);
    setText(doc, "strategy", content.strategy);
    setText(doc, "scopeText", content.scopeText);
    for (const key of Object.keys(content.settings) as (keyof PlanSettings)[])
      setSetting(doc, key, content.settings[key] as never);
  });
  return problems;
}

/** The document form of plan content from the rules' shape (lists become rows with ids). */
export function fromPlanContent(plan: PlanContent, settings: Partial<PlanSettings> = {}): DocContent {
  const items = <K extends string>(lists: [K, string[]][]) =>
    lists.flatMap(([kind, list]) => list.map((text, i) => ({ id: randomUUID(), kind, text, order: i + 1 })));
  return {
    objectives: plan.objectives,
    scopeItems: items([
      ["in", plan.scope.inScope],
      ["out", plan.scope.outOfScope],
      ["assumption", plan.scope.assumptions],
      ["constraint", plan.scope.constraints],
    ] as const as [DocContent["scopeItems"][number]["kind"], string[]][]),
    scopeText: plan.scope.text,
    deliverables: plan.deliverables,
    stakeholders: plan.stakeholders,
    researchEntries: plan.researchEntries,
    strategy: plan.strategy,
    tasks: plan.tasks,
    dependencies: plan.dependencies,
    risks: plan.risks,
    swotItems: items([
      ["strengths", plan.swot.strengths],
      ["weaknesses", plan.swot.weaknesses],
      ["opportunities", plan.swot.opportunities],
      ["threats", plan.swot.threats],
    ] as [DocContent["swotItems"][number]["quadrant"], string[]][]).map(({ kind, ...r }) => ({ ...r, quadrant: kind })),
    raciColumns: plan.raciColumns,
    raciCells: plan.raciCells,
    resources: plan.resources,
    budgetLines: plan.budgetLines,
    resourceRequests: plan.resourceRequests ?? [],
    holidays: plan.calendar.holidays.map((h) => ({ id: randomUUID(), ...h })),
    baselines: plan.baselines,
    settings: {
      ...defaultSettings,
      workingWeekdays: plan.calendar.workingWeekdays,
      ...(plan.riskBands ? { riskBands: plan.riskBands } : {}),
      budgetCeiling: plan.budgetCeiling ?? null,
      ...settings,
    },
  };
}
