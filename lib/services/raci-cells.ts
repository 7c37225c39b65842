/**
 * RACI cells through the JSON API. A cell is addressed as `<rowId>:<columnId>` (the document's own
 * key); writing one goes through the live document like every content write (lib/services/plan-content.ts).
 */
import "server-only";
import { z } from "zod";
import { listProjectedRaciCells } from "@/db/queries/plan-content";
import { requirePlan, type Principal } from "@/lib/access";
import { editPlanDocument, readPlanDocument } from "@/lib/collab/server-edit";
import { raciCellsOf, raciKey, rowsOf, setRaciCell } from "@/lib/doc";
import { NotFoundError, PreconditionFailedError, parseInput, problemsError } from "@/lib/errors";
import { uuid } from "@/lib/validation/common";
import { etagOf, matches, pageOf, parseListQuery } from "./paging";

type Cell = { id: string; rowId: string; columnId: string; value: string };

const cellOf = (rowId: string, columnId: string, value: string): Cell => ({
  id: raciKey(rowId, columnId),
  rowId,
  columnId,
  value,
});

function splitId(cellId: string) {
  const [rowId, columnId, ...rest] = cellId.split(":");
  if (!rowId || !columnId || rest.length || !uuid.safeParse(rowId).success || !uuid.safeParse(columnId).success)
    throw new NotFoundError("That RACI cell");
  return { rowId, columnId };
}

const newCell = z.object({ rowId: uuid, columnId: uuid, value: z.unknown() });
const cellPatch = z.object({ value: z.unknown() });

export async function listRaciCells(principal: Principal | null, planId: string, query: unknown) {
  await requirePlan(principal, planId, "read");
  const q = parseListQuery(query);
  const { rows, projectedAt } = await listProjectedRaciCells(planId);
  return pageOf(
    rows.map((c) => cellOf(c.rowId, c.columnId, c.value)),
    projectedAt,
    q,
  );
}

export async function getRaciCell(principal: Principal | null, planId: string, cellId: string) {
  await requirePlan(principal, planId, "read");
  const { rowId, columnId } = splitId(cellId);
  const value = await readPlanDocument(planId, (doc) => raciCellsOf(doc).get(raciKey(rowId, columnId)));
  if (typeof value !== "string") throw new NotFoundError("That RACI cell");
  const cell = cellOf(rowId, columnId, value);
  return { row: cell, etag: etagOf(cell) };
}

type Outcome = { cell: Cell | null } | { problems: { field: string; message: string }[] } | { stale: true };

/** Set (or with null, clear) one cell, if If-Match still names what it holds. */
async function writeCell(planId: string, rowId: string, columnId: string, value: unknown, ifMatch: string | null) {
  const out = await editPlanDocument<Outcome>(planId, (doc) => {
    if (!rowsOf(doc, "raciColumns").has(columnId))
      return { problems: [{ field: "columnId", message: "That RACI column does not exist." }] };
    const key = raciKey(rowId, columnId);
    const current = raciCellsOf(doc).get(key);
    if (ifMatch && (current === undefined || !matches(ifMatch, etagOf(cellOf(rowId, columnId, current)))))
      return { stale: true };
    const r = setRaciCell(doc, rowId, columnId, value as "R");
    if (!r.ok) return { problems: r.problems };
    const now = raciCellsOf(doc).get(key);
    return { cell: now === undefined ? null : cellOf(rowId, columnId, now) };
  });
  if ("stale" in out) throw new PreconditionFailedError();
  if ("problems" in out) throw problemsError(out.problems);
  return out.cell;
}

/** A set cell and its ETag; a create or change that would leave the cell empty is refused. */
function answer(cell: Cell | null) {
  if (!cell) throw problemsError([{ field: "value", message: "A RACI cell holds R, A, C or I." }]);
  return { row: cell, etag: etagOf(cell) };
}

export async function createRaciCell(principal: Principal | null, planId: string, input: unknown) {
  await requirePlan(principal, planId, "edit");
  const { rowId, columnId, value } = parseInput(newCell, input);
  const cell = await writeCell(planId, rowId, columnId, value ?? null, null);
  return answer(cell);
}

export async function updateRaciCell(
  principal: Principal | null,
  planId: string,
  cellId: string,
  input: unknown,
  ifMatch: string | null,
) {
  await requirePlan(principal, planId, "edit");
  const { rowId, columnId } = splitId(cellId);
  const { value } = parseInput(cellPatch, input);
  const cell = await writeCell(planId, rowId, columnId, value ?? null, ifMatch);
  return answer(cell);
}

export async function deleteRaciCell(
  principal: Principal | null,
  planId: string,
  cellId: string,
  ifMatch: string | null,
) {
  await requirePlan(principal, planId, "edit");
  const { rowId, columnId } = splitId(cellId);
  await writeCell(planId, rowId, columnId, null, ifMatch);
}
