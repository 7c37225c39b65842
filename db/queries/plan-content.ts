import "server-only";
import { getDb } from "@/db";
import { readProjectedRows, readProjection } from "@/db/projection";
import type { DocContent } from "@/lib/doc";
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
