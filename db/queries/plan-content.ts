import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { planProjections, planRaciCells } from "@/db/schema";
import { readProjectedRows, readProjection } from "@/db/projection";
import type { CollectionName, DocContent } from "@/lib/doc";
import type { Task } from "@/lib/plan/types";

/** A plan's tasks as last projected from its live document, in display order. */
export async function listPlanTasks(planId: string): Promise<Task[]> {
  return readProjectedRows(await getDb(), planId, "tasks");
}

/**
 * Everything a plan holds, as last projected from its live document: what server components render
 * on first paint before the browser joins the document. Plans never edited live read as empty.
 */
export async function getPlanContent(planId: string): Promise<DocContent> {
  return readProjection(await getDb(), planId);
}

async function projectedAt(db: Db, planId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: planProjections.projectedAt })
    .from(planProjections)
    .where(eq(planProjections.planId, planId));
  return row?.at ?? null;
}

/** One collection's rows as last projected, and when the plan was last projected (null: never). */
export async function listProjectedRows(planId: string, name: CollectionName) {
  const db = await getDb();
  const [rows, meta] = await Promise.all([readProjectedRows(db, planId, name), projectedAt(db, planId)]);
  return { rows: rows as { id: string }[], projectedAt: meta };
}

/** The plan's RACI cells as last projected, by row then column. */
export async function listProjectedRaciCells(planId: string) {
  const db = await getDb();
  const [cells, meta] = await Promise.all([
    db
      .select({ rowId: planRaciCells.rowId, columnId: planRaciCells.columnId, value: planRaciCells.value })
      .from(planRaciCells)
      .where(eq(planRaciCells.planId, planId))
      .orderBy(asc(planRaciCells.rowId), asc(planRaciCells.columnId)),
    projectedAt(db, planId),
  ]);
  return { rows: cells, projectedAt: meta };
}
