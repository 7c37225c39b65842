import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { planPartApprovers, planPartRequests, planPartSignoffs, users } from "@/db/schema";

/** Approvers of every part of a plan, with their names, in the order they were added. */
export async function listPartApprovers(planId: string) {
  const db = await getDb();
  return db
    .select({ part: planPartApprovers.part, userId: planPartApprovers.userId, name: users.name })
    .from(planPartApprovers)
    .innerJoin(users, eq(users.id, planPartApprovers.userId))
    .where(eq(planPartApprovers.planId, planId))
    .orderBy(asc(planPartApprovers.createdAt), asc(users.name));
}

export async function insertPartApprover(planId: string, part: string, userId: string) {
  const db = await getDb();
  await db.insert(planPartApprovers).values({ planId, part, userId }).onConflictDoNothing();
}

export async function deletePartApprover(planId: string, part: string, userId: string) {
  const db = await getDb();
  await db
    .delete(planPartApprovers)
    .where(
      and(eq(planPartApprovers.planId, planId), eq(planPartApprovers.part, part), eq(planPartApprovers.userId, userId)),
    );
}

/** Every decision on the plan's parts, oldest first (so the last per approver and part wins). */
export async function listPartSignoffs(planId: string) {
  const db = await getDb();
  return db
    .select({
      part: planPartSignoffs.part,
      userId: planPartSignoffs.userId,
      decision: planPartSignoffs.decision,
      comment: planPartSignoffs.comment,
      fingerprint: planPartSignoffs.fingerprint,
      createdAt: planPartSignoffs.createdAt,
    })
    .from(planPartSignoffs)
    .where(eq(planPartSignoffs.planId, planId))
    .orderBy(asc(planPartSignoffs.createdAt), asc(planPartSignoffs.id));
}

export async function insertPartSignoff(values: {
  planId: string;
  part: string;
  userId: string;
  decision: "approved" | "changes_requested";
  comment: string;
  fingerprint: string | null;
}) {
  const db = await getDb();
  await db.insert(planPartSignoffs).values(values);
}

/** Record who asked for one part's sign-off (the latest request replaces the one before). */
export async function upsertPartRequest(planId: string, part: string, requestedBy: string) {
  const db = await getDb();
  const requestedAt = new Date();
  await db
    .insert(planPartRequests)
    .values({ planId, part, requestedBy, requestedAt })
    .onConflictDoUpdate({
      target: [planPartRequests.planId, planPartRequests.part],
      set: { requestedBy, requestedAt },
    });
}

/** Who last asked for one part's sign-off, if anyone (and their account still exists). */
export async function partRequester(planId: string, part: string) {
  const db = await getDb();
  const [row] = await db
    .select({ userId: planPartRequests.requestedBy })
    .from(planPartRequests)
    .where(and(eq(planPartRequests.planId, planId), eq(planPartRequests.part, part)));
  return row?.userId ?? null;
}
