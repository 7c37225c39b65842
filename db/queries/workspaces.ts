import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { invitations, memberships, plans, users, workspaces, type WorkspaceRole } from "@/db/schema";
import { personColumns } from "./users";

/** Workspaces a user belongs to, with their role and the number of live plans. */
export async function listWorkspacesForUser(userId: string) {
  const db = await getDb();
  return db
    .select({
      id: workspaces.id,
      name: workspaces.name,
      role: memberships.role,
      createdAt: workspaces.createdAt,
      planCount: sql<number>`(select count(*)::int from ${plans} where ${plans.workspaceId} = ${workspaces.id} and ${plans.archivedAt} is null)`,
    })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(workspaces.name));
}

export async function getWorkspaceMembership(workspaceId: string, userId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ workspace: workspaces, role: memberships.role })
    .from(workspaces)
    .innerJoin(memberships, and(eq(memberships.workspaceId, workspaces.id), eq(memberships.userId, userId)))
    .where(eq(workspaces.id, workspaceId))
    .limit(1);
  return row;
}

export async function insertWorkspaceWithOwner(name: string, ownerId: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [ws] = await tx.insert(workspaces).values({ name, createdBy: ownerId }).returning();
    await tx.insert(memberships).values({ workspaceId: ws!.id, userId: ownerId, role: "owner" });
    return ws!;
  });
}

export async function updateWorkspaceName(id: string, name: string) {
  const db = await getDb();
  const [row] = await db.update(workspaces).set({ name }).where(eq(workspaces.id, id)).returning();
  return row;
}

export async function deleteWorkspaceById(id: string) {
  const db = await getDb();
  await db.delete(workspaces).where(eq(workspaces.id, id));
}

export async function listMembers(workspaceId: string) {
  const db = await getDb();
  return db
    .select({
      ...personColumns,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(users.name));
}

export async function getMemberRole(workspaceId: string, userId: string): Promise<WorkspaceRole | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .limit(1);
  return row?.role;
}

export async function countOwners(workspaceId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "owner")));
  return row?.n ?? 0;
}

export async function insertMembership(workspaceId: string, userId: string, role: WorkspaceRole) {
  const db = await getDb();
  await db.insert(memberships).values({ workspaceId, userId, role }).onConflictDoNothing();
}

export async function updateMemberRole(workspaceId: string, userId: string, role: WorkspaceRole) {
  const db = await getDb();
  await db
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
}

export async function deleteMembership(workspaceId: string, userId: string) {
  const db = await getDb();
  await db.delete(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
}

export async function listInvitations(workspaceId: string) {
  const db = await getDb();
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, createdAt: invitations.createdAt })
    .from(invitations)
    .where(eq(invitations.workspaceId, workspaceId))
    .orderBy(asc(invitations.email));
}

export async function upsertInvitation(workspaceId: string, email: string, role: WorkspaceRole, invitedBy: string) {
  const db = await getDb();
  const [row] = await db
    .insert(invitations)
    .values({ workspaceId, email, role, invitedBy })
    .onConflictDoUpdate({ target: [invitations.workspaceId, invitations.email], set: { role, invitedBy } })
    .returning();
  return row!;
}

export async function deleteInvitation(workspaceId: string, invitationId: string) {
  const db = await getDb();
  const rows = await db
    .delete(invitations)
    .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, invitationId)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}

/** Turn every pending invitation for this email into a membership. */
export async function acceptInvitations(userId: string, email: string) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const pending = await tx.delete(invitations).where(eq(invitations.email, email.toLowerCase())).returning();
    for (const inv of pending) {
      await tx
        .insert(memberships)
        .values({ workspaceId: inv.workspaceId, userId, role: inv.role })
        .onConflictDoNothing();
    }
  });
}
