import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import {
  memberships,
  notifications,
  planApprovals,
  planApprovers,
  plans,
  planSignoffs,
  users,
  type Plan,
} from "@/db/schema";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type PlanStatus = Plan["status"];

/** Approvers named on a plan, with their names, in the order they were added. */
export async function listApprovers(planId: string) {
  const db = await getDb();
  return db
    .select({ userId: planApprovers.userId, name: users.name, addedAt: planApprovers.createdAt })
    .from(planApprovers)
    .innerJoin(users, eq(users.id, planApprovers.userId))
    .where(eq(planApprovers.planId, planId))
    .orderBy(asc(planApprovers.createdAt), asc(users.name));
}

export async function isApprover(planId: string, userId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ userId: planApprovers.userId })
    .from(planApprovers)
    .where(and(eq(planApprovers.planId, planId), eq(planApprovers.userId, userId)))
    .limit(1);
  return !!row;
}

/** Whether `userId` belongs to the workspace (approvers must). */
export async function isWorkspaceMember(workspaceId: string, userId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .limit(1);
  return !!row;
}

export async function insertApprover(planId: string, userId: string, addedBy: string) {
  const db = await getDb();
  const rows = await db.insert(planApprovers).values({ planId, userId, addedBy }).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function deleteApprover(planId: string, userId: string) {
  const db = await getDb();
  await db.delete(planApprovers).where(and(eq(planApprovers.planId, planId), eq(planApprovers.userId, userId)));
}

/** Every decision on a plan, newest first, with who made it. */
export async function listSignoffs(planId: string) {
  const db = await getDb();
  return db
    .select({
      id: planSignoffs.id,
      userId: planSignoffs.userId,
      name: users.name,
      decision: planSignoffs.decision,
      comment: planSignoffs.comment,
      createdAt: planSignoffs.createdAt,
    })
    .from(planSignoffs)
    .innerJoin(users, eq(users.id, planSignoffs.userId))
    .where(eq(planSignoffs.planId, planId))
    .orderBy(desc(planSignoffs.createdAt), desc(planSignoffs.id));
}

/** Approvals of a plan, newest first. */
export async function listApprovals(planId: string) {
  const db = await getDb();
  return db
    .select()
    .from(planApprovals)
    .where(eq(planApprovals.planId, planId))
    .orderBy(desc(planApprovals.approvedAt));
}

/** Record an approval; `approved_at` is the transaction's time, after every sign-off of its round. */
export async function insertApproval(
  tx: Tx,
  values: { planId: string; baselineId: string | null; sectionDigests: Record<string, string> },
) {
  const [row] = await tx.insert(planApprovals).values(values).returning();
  return row!;
}

/** Run `fn` with the plan row locked against concurrent status changes (never against log writes). */
export async function withPlanLocked<T>(planId: string, fn: (tx: Tx, plan: Plan) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    // NO KEY UPDATE: collab_updates' foreign key checks (KEY SHARE) are not blocked by it.
    const [plan] = await tx.select().from(plans).where(eq(plans.id, planId)).for("no key update");
    if (!plan) throw new Error("plan vanished");
    return fn(tx, plan);
  });
}

export async function insertSignoff(
  tx: Tx,
  values: { planId: string; userId: string; decision: "approved" | "changes_requested"; comment: string },
) {
  const [row] = await tx.insert(planSignoffs).values(values).returning();
  return row!;
}

/**
 * When the current review round began: after the last approval or the last request for changes
 * (each ends a round). Compared in SQL so timestamps keep their full precision.
 */
const roundStart = (planId: string) => sql`coalesce(greatest(
  (select max(approved_at) from ${planApprovals} where plan_id = ${planId}),
  (select max(created_at) from ${planSignoffs} where plan_id = ${planId} and decision = 'changes_requested')
), '-infinity'::timestamptz)`;

/** Latest decision per approver in the current review round. */
export async function currentDecisions(tx: Tx | Db, planId: string) {
  const rows = await tx
    .select({ userId: planSignoffs.userId, decision: planSignoffs.decision, createdAt: planSignoffs.createdAt })
    .from(planSignoffs)
    .where(and(eq(planSignoffs.planId, planId), sql`${planSignoffs.createdAt} > ${roundStart(planId)}`))
    .orderBy(asc(planSignoffs.createdAt), asc(planSignoffs.id));
  const latest = new Map<string, { decision: "approved" | "changes_requested"; at: Date }>();
  for (const r of rows) latest.set(r.userId, { decision: r.decision, at: r.createdAt });
  return latest;
}

export async function approverIds(tx: Tx | Db, planId: string) {
  const rows = await tx
    .select({ userId: planApprovers.userId })
    .from(planApprovers)
    .where(eq(planApprovers.planId, planId));
  return rows.map((r) => r.userId);
}

export async function setStatus(tx: Tx | Db, planId: string, status: PlanStatus) {
  await tx.update(plans).set({ status }).where(eq(plans.id, planId));
}

/** Inbox rows (the inbox itself is built elsewhere; this only adds items). */
export async function insertNotifications(
  tx: Tx | Db,
  rows: { userId: string; kind: "signoff_request" | "signoff"; planId: string; actorId: string; summary: string }[],
) {
  if (rows.length) await tx.insert(notifications).values(rows);
}

/** Names of users by id (for notification lines). */
export async function userName(userId: string) {
  const db = await getDb();
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.name ?? "Someone";
}
