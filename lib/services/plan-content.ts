/**
 * A plan's content through the JSON API: list, read, create, change and delete the rows of any
 * collection of the registry, and RACI cells. Lists come from the projection; one row and every
 * write go through the plan's live document (lib/collab/server-edit.ts), so a write is stored before
 * it is acknowledged and every open browser sees it, validated exactly as the browser's edits are.
 * Task and risk webhook events come from the projection (lib/collab/row-events.ts), as they do for
 * the browser's edits.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import type * as Y from "yjs";
import { listProjectedRows } from "@/db/queries/plan-content";
import { requirePlan, type Principal } from "@/lib/access";
import { editPlanDocument, readPlanDocument } from "@/lib/collab/server-edit";
import {
  collections,
  deleteRow,
  insertRow,
  nextOrder,
  parseRow,
  rowsOf,
  updateRow,
  type CollectionName,
  type PatchOf,
  type RowOf,
} from "@/lib/doc";
import { NotFoundError, PreconditionFailedError, ValidationError, problemsError } from "@/lib/errors";
import { etagOf, matches, pageOf, parseListQuery } from "./paging";

/** URL names that differ from the collection's; every other collection is addressed by its own key. */
const aliases: Record<string, CollectionName> = { budget: "budgetLines" };
/** Saved baselines are made by approval, not edited. */
const hidden = new Set<CollectionName>(["baselines"]);

/** The URL names of the collections the API serves (RACI cells apart), for the routes and the OpenAPI test. */
export const contentCollectionNames = (): string[] => [
  ...Object.keys(aliases),
  ...(Object.keys(collections) as CollectionName[]).filter(
    (c) => !hidden.has(c) && !Object.values(aliases).includes(c),
  ),
];

function collectionOf(urlName: string): CollectionName {
  const name = aliases[urlName] ?? (urlName in collections ? (urlName as CollectionName) : null);
  if (!name || hidden.has(name) || (aliases[urlName] === undefined && Object.values(aliases).includes(name)))
    throw new NotFoundError("That collection");
  return name;
}

const objectBody = (input: unknown): Record<string, unknown> => {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    throw new ValidationError("The body must be a JSON object of the row's fields.", { _: ["Expected an object."] });
  return input as Record<string, unknown>;
};

/** The row as stored in the document, valid, or null when there is none. */
function rowIn(doc: Y.Doc, name: CollectionName, id: string): { id: string } | null {
  const value = rowsOf(doc, name).get(id);
  if (value === undefined) return null;
  const parsed = parseRow(name, id, value);
  return parsed.ok ? parsed.row : null;
}

export async function listContent(principal: Principal | null, planId: string, urlName: string, query: unknown) {
  await requirePlan(principal, planId, "read");
  const name = collectionOf(urlName);
  const q = parseListQuery(query);
  const { rows, projectedAt } = await listProjectedRows(planId, name);
  return pageOf(rows, projectedAt, q);
}

/** One row from the live document (not the projection), so its ETag is the one a write checks. */
export async function getContentRow(principal: Principal | null, planId: string, urlName: string, rowId: string) {
  await requirePlan(principal, planId, "read");
  const name = collectionOf(urlName);
  const row = await readPlanDocument(planId, (doc) => rowIn(doc, name, rowId));
  if (!row) throw new NotFoundError("That row");
  return { row, etag: etagOf(row) };
}

type Outcome = { row: { id: string } } | { problems: { field: string; message: string }[] } | { missing: true };

export async function createContentRow(principal: Principal | null, planId: string, urlName: string, input: unknown) {
  await requirePlan(principal, planId, "edit");
  const name = collectionOf(urlName);
  const fields = objectBody(input);
  const id = fields.id === undefined ? randomUUID() : fields.id;
  if (typeof id !== "string" || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    throw new ValidationError("id: Not a valid id.", { id: ["Not a valid id."] });
  const out = await editPlanDocument<Outcome>(planId, (doc) => {
    if (rowsOf(doc, name).has(id)) return { problems: [{ field: "id", message: "A row with this id exists." }] };
    const row: Record<string, unknown> = { ...fields, id };
    // New rows go last, as the browser adds them.
    if ("order" in collections[name].defaults && fields.order === undefined) row.order = nextOrder(doc, name);
    const r = insertRow(doc, name, row as RowOf<typeof name>);
    return r.ok ? { row: rowIn(doc, name, id)! } : { problems: r.problems };
  });
  const row = settle(out);
  return { row, etag: etagOf(row) };
}

/**
 * Run `change` on a row inside one edit, if If-Match (when sent) still names the row as it is: the
 * check and the write see the same state, so nothing can slip in between. A row stored in an invalid
 * form has no ETag; only a delete without If-Match reaches it.
 */
async function changeRow(
  planId: string,
  name: CollectionName,
  rowId: string,
  ifMatch: string | null,
  change: (doc: Y.Doc, current: { id: string } | null) => Outcome,
) {
  let stale = false;
  const out = await editPlanDocument<Outcome>(planId, (doc) => {
    if (!rowsOf(doc, name).has(rowId)) return { missing: true };
    const current = rowIn(doc, name, rowId);
    if (ifMatch && (!current || !matches(ifMatch, etagOf(current)))) {
      stale = true;
      return { missing: true };
    }
    return change(doc, current);
  });
  if (stale) throw new PreconditionFailedError();
  return settle(out);
}

/** Change some fields of a row; with If-Match, only if the row is still the one that ETag names. */
export async function updateContentRow(
  principal: Principal | null,
  planId: string,
  urlName: string,
  rowId: string,
  input: unknown,
  ifMatch: string | null,
) {
  await requirePlan(principal, planId, "edit");
  const name = collectionOf(urlName);
  const { id: _id, ...patch } = objectBody(input);
  const row = await changeRow(planId, name, rowId, ifMatch, (doc) => {
    const r = updateRow(doc, name, rowId, patch as PatchOf<typeof name>);
    return r.ok ? { row: rowIn(doc, name, rowId)! } : { problems: r.problems };
  });
  return { row, etag: etagOf(row) };
}

export async function deleteContentRow(
  principal: Principal | null,
  planId: string,
  urlName: string,
  rowId: string,
  ifMatch: string | null,
) {
  await requirePlan(principal, planId, "edit");
  const name = collectionOf(urlName);
  await changeRow(planId, name, rowId, ifMatch, (doc) => {
    deleteRow(doc, name, rowId);
    return { row: { id: rowId } };
  });
}

function settle(out: Outcome): { id: string } {
  if ("missing" in out) throw new NotFoundError("That row");
  if ("problems" in out) throw problemsError(out.problems);
  return out.row;
}
