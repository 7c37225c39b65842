import "server-only";
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { announcements, comments, memberships, notifications, plans, users } from "@/db/schema";

type NewNotification = typeof notifications.$inferInsert;

export async function insertNotifications(rows: NewNotification[]) {
  if (rows.length === 0) return;
  const db = await getDb();
  await db.insert(notifications).values(rows);
}

const actor = alias(users, "actor");
// Only items about plans in workspaces the person still belongs to: leaving a workspace empties its part of the inbox.
const stillMember = and(eq(memberships.workspaceId, plans.workspaceId), eq(memberships.userId, notifications.userId));

/** A person's inbox, newest first, with plan titles, actors' names and the comment or announcement text. */
export async function listNotifications(userId: string, limit = 100) {
  const db = await getDb();
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      planId: notifications.planId,
      planTitle: plans.title,
      actorName: actor.name,
      summary: notifications.summary,
      commentBody: comments.body,
      commentSection: comments.section,
      announcementBody: announcements.body,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .innerJoin(plans, eq(plans.id, notifications.planId))
    .innerJoin(memberships, stillMember)
    .leftJoin(actor, eq(actor.id, notifications.actorId))
    .leftJoin(comments, eq(comments.id, notifications.commentId))
    .leftJoin(announcements, eq(announcements.id, notifications.announcementId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

export type InboxRow = Awaited<ReturnType<typeof listNotifications>>[number];

export async function countUnread(userId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .innerJoin(plans, eq(plans.id, notifications.planId))
    .innerJoin(memberships, stillMember)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Mark some (or, without ids, all) of a person's unread items read; returns how many changed. */
export async function markNotificationsRead(userId: string, ids?: string[]): Promise<number> {
  const db = await getDb();
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids ? inArray(notifications.id, ids) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}
