import "server-only";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { memberships, planMembers, plans, shareLinks, users, type PlanMemberRole } from "@/db/schema";
import { personColumns } from "./users";

export async function insertShareLink(values: {
  planId: string;
  tokenHash: string;
  label: string;
  createdBy: string;
  expiresAt: Date | null;
  allowFeedback: boolean;
  allowDownloads: boolean;
}) {
  const db = await getDb();
  const [row] = await db.insert(shareLinks).values(values).returning();
  return row!;
}

/** Links of a plan that are not revoked (expired ones included, marked by their expiry). */
export async function listShareLinks(planId: string) {
  const db = await getDb();
  return db
    .select({
      id: shareLinks.id,
      label: shareLinks.label,
      createdAt: shareLinks.createdAt,
      createdByName: users.name,
      expiresAt: shareLinks.expiresAt,
      lastUsedAt: shareLinks.lastUsedAt,
      viewCount: shareLinks.viewCount,
      allowFeedback: shareLinks.allowFeedback,
      allowDownloads: shareLinks.allowDownloads,
    })
    .from(shareLinks)
    .leftJoin(users, eq(users.id, shareLinks.createdBy))
    .where(and(eq(shareLinks.planId, planId), isNull(shareLinks.revokedAt)))
    .orderBy(desc(shareLinks.createdAt));
}

export async function findShareLinkByHash(tokenHash: string) {
  const db = await getDb();
  const [row] = await db.select().from(shareLinks).where(eq(shareLinks.tokenHash, tokenHash)).limit(1);
  return row;
}

export async function revokeShareLinkRow(planId: string, linkId: string) {
  const db = await getDb();
  const rows = await db
    .update(shareLinks)
    .set({ revokedAt: new Date() })
    .where(and(eq(shareLinks.id, linkId), eq(shareLinks.planId, planId), isNull(shareLinks.revokedAt)))
    .returning({ id: shareLinks.id });
  return rows.length > 0;
}

/** Change what a live link of this plan allows; false when there is no such link. */
export async function updateShareLinkOptions(
  planId: string,
  linkId: string,
  options: { allowFeedback: boolean; allowDownloads: boolean },
) {
  const db = await getDb();
  const rows = await db
    .update(shareLinks)
    .set(options)
    .where(and(eq(shareLinks.id, linkId), eq(shareLinks.planId, planId), isNull(shareLinks.revokedAt)))
    .returning({ id: shareLinks.id });
  return rows.length > 0;
}

export async function countShareView(linkId: string) {
  const db = await getDb();
  await db
    .update(shareLinks)
    .set({ viewCount: sql`${shareLinks.viewCount} + 1`, lastUsedAt: new Date() })
    .where(eq(shareLinks.id, linkId));
}

/** Workspace members of a plan's workspace with their per-plan role (null = default). */
export async function listPlanAccess(planId: string) {
  const db = await getDb();
  return db
    .select({
      ...personColumns,
      workspaceRole: memberships.role,
      planRole: planMembers.role,
      isPlanOwner: sql<boolean>`${plans.ownerId} = ${users.id}`,
    })
    .from(plans)
    .innerJoin(memberships, eq(memberships.workspaceId, plans.workspaceId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(planMembers, and(eq(planMembers.planId, plans.id), eq(planMembers.userId, users.id)))
    .where(eq(plans.id, planId))
    .orderBy(asc(users.name));
}

export async function setPlanMemberRole(planId: string, userId: string, role: PlanMemberRole | null) {
  const db = await getDb();
  if (role === null || role === "editor") {
    await db.delete(planMembers).where(and(eq(planMembers.planId, planId), eq(planMembers.userId, userId)));
    return;
  }
  await db
    .insert(planMembers)
    .values({ planId, userId, role })
    .onConflictDoUpdate({ target: [planMembers.planId, planMembers.userId], set: { role } });
}
