import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, ne, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { planProjections, planResources, planRisks, planTasks, plans } from "@/db/schema";

// Cross-plan views are SQL over the projection tables of one workspace's live (not archived) plans.
const livePlansOf = (workspaceId: string) => and(eq(plans.workspaceId, workspaceId), isNull(plans.archivedAt));

/** A task named with the plan it belongs to. */
const taskOfPlan = { planId: plans.id, planTitle: plans.title, id: planTasks.id, name: planTasks.name };

type Priority = (typeof planTasks.$inferSelect)["priority"];

/**
 * Tasks and milestones assigned to `userId` (by their user id, or through a resource row of the same
 * plan that stands for them), finished ones only when asked for, of one priority when given.
 */
export async function listTasksFor(
  workspaceId: string,
  userId: string,
  opts: { includeDone: boolean; priority?: Priority },
) {
  const db = await getDb();
  const myResources = db
    .select({ id: sql`${planResources.id}::text` })
    .from(planResources)
    .where(and(eq(planResources.planId, planTasks.planId), eq(planResources.userId, userId)));
  return db
    .select({
      ...taskOfPlan,
      start: planTasks.start,
      end: planTasks.end,
      progress: planTasks.progress,
      kind: planTasks.kind,
      priority: planTasks.priority,
    })
    .from(planTasks)
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .where(
      and(
        livePlansOf(workspaceId),
        ne(planTasks.kind, "buffer"),
        opts.includeDone ? undefined : lt(planTasks.progress, 100),
        opts.priority ? eq(planTasks.priority, opts.priority) : undefined,
        or(eq(planTasks.assigneeId, userId), inArray(planTasks.assigneeId, myResources)),
      ),
    )
    .orderBy(sql`${planTasks.end} asc nulls last`, asc(plans.title), asc(planTasks.order));
}

/** Every dated milestone of the workspace's plans, by date. */
export async function listWorkspaceMilestones(workspaceId: string) {
  const db = await getDb();
  const date = sql<string>`coalesce(${planTasks.end}, ${planTasks.start})`;
  return db
    .select({
      ...taskOfPlan,
      date,
      progress: planTasks.progress,
    })
    .from(planTasks)
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .where(
      and(
        livePlansOf(workspaceId),
        eq(planTasks.kind, "milestone"),
        or(isNotNull(planTasks.end), isNotNull(planTasks.start)),
      ),
    )
    .orderBy(asc(date), asc(plans.title));
}

/**
 * Risks still in play (open or mitigating) scoring at least `minScore`, with each plan's settings so
 * the caller can apply that plan's own bands.
 */
export async function listOpenRisks(workspaceId: string, minScore: number) {
  const db = await getDb();
  return db
    .select({
      planId: plans.id,
      planTitle: plans.title,
      id: planRisks.id,
      title: planRisks.title,
      ownerId: planRisks.ownerId,
      /** The owner's name when the owner is one of the plan's resources. */
      ownerResourceName: planResources.name,
      likelihood: planRisks.likelihood,
      impact: planRisks.impact,
      score: planRisks.score,
      status: planRisks.status,
      mitigation: planRisks.mitigation,
      settings: planProjections.settings,
    })
    .from(planRisks)
    .innerJoin(plans, eq(plans.id, planRisks.planId))
    .leftJoin(planProjections, eq(planProjections.planId, planRisks.planId))
    .leftJoin(
      planResources,
      and(eq(planResources.planId, planRisks.planId), sql`${planResources.id}::text = ${planRisks.ownerId}`),
    )
    .where(
      and(
        livePlansOf(workspaceId),
        inArray(planRisks.status, ["open", "mitigating"]),
        sql`${planRisks.score} >= ${minScore}`,
      ),
    )
    .orderBy(desc(planRisks.score), asc(plans.title), asc(planRisks.title));
}
