import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { planTasks } from "@/db/schema";
import type { Task } from "@/lib/plan/types";

/** A plan's tasks as last projected from its live document, in display order. */
export async function listPlanTasks(planId: string): Promise<Task[]> {
  const db = await getDb();
  return db
    .select({
      id: planTasks.id,
      name: planTasks.name,
      start: planTasks.start,
      end: planTasks.end,
      progress: planTasks.progress,
      kind: planTasks.kind,
      parentId: planTasks.parentId,
      deliverableId: planTasks.deliverableId,
      assigneeId: planTasks.assigneeId,
      order: planTasks.order,
    })
    .from(planTasks)
    .where(eq(planTasks.planId, planId))
    .orderBy(asc(planTasks.order), asc(planTasks.id));
}
