import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { shareFeedback, shareLinks, users } from "@/db/schema";

export async function insertFeedback(values: {
  planId: string;
  linkId: string;
  section: string;
  kind: "question" | "comment";
  name: string;
  body: string;
}) {
  const db = await getDb();
  const [row] = await db.insert(shareFeedback).values(values).returning({ id: shareFeedback.id });
  return row!;
}

/** What any reader of an item sees: the words left and the team's answer. */
const readerColumns = {
  id: shareFeedback.id,
  section: shareFeedback.section,
  kind: shareFeedback.kind,
  name: shareFeedback.name,
  body: shareFeedback.body,
  createdAt: shareFeedback.createdAt,
  reply: shareFeedback.reply,
  repliedAt: shareFeedback.repliedAt,
};
const newestFirst = [desc(shareFeedback.createdAt), desc(shareFeedback.id)] as const;

/** Feedback left on a plan through its links, newest first, with the link's label and who replied. */
export async function listFeedback(planId: string) {
  const db = await getDb();
  return db
    .select({
      ...readerColumns,
      repliedByName: users.name,
      resolvedAt: shareFeedback.resolvedAt,
      linkLabel: shareLinks.label,
    })
    .from(shareFeedback)
    .innerJoin(shareLinks, eq(shareLinks.id, shareFeedback.linkId))
    .leftJoin(users, eq(users.id, shareFeedback.repliedBy))
    .where(eq(shareFeedback.planId, planId))
    .orderBy(...newestFirst);
}

/** Update one item of this plan's feedback; false when the plan has no such item. */
export async function updateFeedback(
  planId: string,
  id: string,
  values: { reply?: string; repliedBy?: string; repliedAt?: Date; resolvedAt?: Date | null },
) {
  const db = await getDb();
  const rows = await db
    .update(shareFeedback)
    .set(values)
    .where(and(eq(shareFeedback.id, id), eq(shareFeedback.planId, planId)))
    .returning({ id: shareFeedback.id });
  return rows.length > 0;
}

/**
 * What the readers of one link see of the feedback left through it, newest first: their own words and
 * the team's answer, nothing else (not who answered, not the other links' items).
 */
export async function listLinkFeedback(planId: string, linkId: string) {
  const db = await getDb();
  return db
    .select(readerColumns)
    .from(shareFeedback)
    .where(and(eq(shareFeedback.planId, planId), eq(shareFeedback.linkId, linkId)))
    .orderBy(...newestFirst);
}
