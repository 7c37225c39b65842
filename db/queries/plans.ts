import "server-only";
import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { memberships, planMembers, planProjections, plans, users, workspaces, type Plan } from "@/db/schema";

/**
 * A plan together with the requesting user's role in its workspace (null when not a member)
 * and their per-plan role, if one was set.
 */
export async function getPlanForUser(planId: string, userId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ plan: plans, workspaceName: workspaces.name, role: memberships.role, planRole: planMembers.role })
    .from(plans)
    .innerJoin(workspaces, eq(workspaces.id, plans.workspaceId))
    .leftJoin(memberships, and(eq(memberships.workspaceId, plans.workspaceId), eq(memberships.userId, userId)))
    .leftJoin(planMembers, and(eq(planMembers.planId, plans.id), eq(planMembers.userId, userId)))
    .where(eq(plans.id, planId))
    .limit(1);
  return row;
}

/** A plan with its workspace's name, no membership involved (share links). */
export async function getPlanById(planId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ plan: plans, workspaceName: workspaces.name })
    .from(plans)
    .innerJoin(workspaces, eq(workspaces.id, plans.workspaceId))
    .where(eq(plans.id, planId))
    .limit(1);
  return row;
}

/** Plans of a workspace, newest change first, with the owner's name and the completeness score last projected (null before the first edit). */
export async function listPlans(
  workspaceId: string,
  opts: { archived?: boolean; priority?: (typeof plans.priority.enumValues)[number] } = {},
) {
  const db = await getDb();
  return db
    .select({
      id: plans.id,
      workspaceId: plans.workspaceId,
      title: plans.title,
      summary: plans.summary,
      status: plans.status,
      priority: plans.priority,
      ownerId: plans.ownerId,
      ownerName: users.name,
      archivedAt: plans.archivedAt,
      createdAt: plans.createdAt,
      updatedAt: plans.updatedAt,
      completeness: planProjections.completeness,
    })
    .from(plans)
    .leftJoin(users, eq(users.id, plans.ownerId))
    .leftJoin(planProjections, eq(planProjections.planId, plans.id))
    .where(
      and(
        eq(plans.workspaceId, workspaceId),
        opts.archived ? isNotNull(plans.archivedAt) : isNull(plans.archivedAt),
        opts.priority ? eq(plans.priority, opts.priority) : undefined,
      ),
    )
    .orderBy(desc(plans.updatedAt));
}

export async function insertPlan(values: { workspaceId: string; title: string; summary: string; ownerId: string }) {
  const db = await getDb();
  const [row] = await db.insert(plans).values(values).returning();
  return row!;
}

export async function updatePlanRow(
  id: string,
  values: Partial<Pick<Plan, "title" | "summary" | "status" | "archivedAt">>,
) {
  const db = await getDb();
  const [row] = await db.update(plans).set(values).where(eq(plans.id, id)).returning();
  return row;
}

export async function deletePlanRow(id: string) {
  const db = await getDb();
  await db.delete(plans).where(eq(plans.id, id));
}
