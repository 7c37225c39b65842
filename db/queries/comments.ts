import "server-only";
import { and, asc, count, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { announcements, comments, users } from "@/db/schema";

const resolver = alias(users, "resolver");

/** Every comment on a plan, oldest first, with the names of its author and of who resolved it. */
export async function listComments(planId: string) {
  const db = await getDb();
  return db
    .select({
      id: comments.id,
      section: comments.section,
      targetType: comments.targetType,
      targetId: comments.targetId,
      authorId: comments.authorId,
      authorName: users.name,
      body: comments.body,
      resolvedAt: comments.resolvedAt,
      resolvedByName: resolver.name,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .leftJoin(resolver, eq(resolver.id, comments.resolvedBy))
    .where(eq(comments.planId, planId))
    .orderBy(asc(comments.createdAt), asc(comments.id));
}

/** Open (unresolved) comments per section of a plan. */
export async function countOpenComments(planId: string): Promise<Record<string, number>> {
  const db = await getDb();
  const rows = await db
    .select({ section: comments.section, n: count() })
    .from(comments)
    .where(and(eq(comments.planId, planId), isNull(comments.resolvedAt)))
    .groupBy(comments.section);
  return Object.fromEntries(rows.map((r) => [r.section, r.n]));
}

export async function getComment(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(comments).where(eq(comments.id, id)).limit(1);
  return row;
}

export async function insertComment(values: typeof comments.$inferInsert) {
  const db = await getDb();
  const [row] = await db.insert(comments).values(values).returning();
  return row!;
}

export async function setCommentResolved(id: string, by: string | null) {
  const db = await getDb();
  const now = new Date();
  await db
    .update(comments)
    .set({ resolvedAt: by ? now : null, resolvedBy: by, updatedAt: now })
    .where(eq(comments.id, id));
}

/** A plan's announcements, newest first, with their authors' names. */
export async function listAnnouncements(planId: string, limit = 20) {
  const db = await getDb();
  return db
    .select({
      id: announcements.id,
      body: announcements.body,
      authorName: users.name,
      createdAt: announcements.createdAt,
    })
    .from(announcements)
    .leftJoin(users, eq(users.id, announcements.authorId))
    .where(eq(announcements.planId, planId))
    .orderBy(desc(announcements.createdAt))
    .limit(limit);
}

export async function insertAnnouncement(values: typeof announcements.$inferInsert) {
  const db = await getDb();
  const [row] = await db.insert(announcements).values(values).returning();
  return row!;
}
