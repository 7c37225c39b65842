import "server-only";
import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import {
  mailOutbox,
  memberships,
  planResources,
  plans,
  planTasks,
  shareLinks,
  taskAssignmentNotices,
  users,
  userTokens,
} from "@/db/schema";
import { personColumns } from "./users";

export type OutboxRow = typeof mailOutbox.$inferSelect;
export type NewMail = Pick<OutboxRow, "to" | "subject" | "text" | "html" | "kind">;

export async function insertOutbox(rows: NewMail[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const db = await getDb();
  return (await db.insert(mailOutbox).values(rows).returning({ id: mailOutbox.id })).map((r) => r.id);
}

/**
 * Claim up to `limit` rows due at `now` (the database's clock when null): each gets one more attempt and is hidden from other
 * workers until `leaseMs` has passed (longer than a send may take). SKIP LOCKED lets two workers
 * claim at once without waiting for, or taking, each other's rows.
 */
export async function claimOutbox(now: Date | null, leaseMs: number, limit: number, maxAttempts: number) {
  const db = await getDb();
  // The database's clock by default: the rows' times come from it (`defaultNow()`).
  const at = now ?? sql`now()`;
  const leaseEnds = now ? new Date(now.getTime() + leaseMs) : sql`now() + ${`${leaseMs} milliseconds`}::interval`;
  const due = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(isNull(mailOutbox.sentAt), lte(mailOutbox.nextAttemptAt, at), lt(mailOutbox.attempts, maxAttempts)))
    .orderBy(asc(mailOutbox.nextAttemptAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(mailOutbox)
    .set({ attempts: sql`${mailOutbox.attempts} + 1`, nextAttemptAt: leaseEnds })
    .where(inArray(mailOutbox.id, due))
    .returning();
}

export async function markOutboxSent(id: string, at: Date) {
  const db = await getDb();
  await db
    .update(mailOutbox)
    .set({ sentAt: at, lastError: null })
    .where(and(eq(mailOutbox.id, id), isNull(mailOutbox.sentAt)));
}

export async function markOutboxFailed(id: string, error: string, retryAt: Date) {
  const db = await getDb();
  await db
    .update(mailOutbox)
    .set({ lastError: error.slice(0, 1000), nextAttemptAt: retryAt })
    .where(and(eq(mailOutbox.id, id), isNull(mailOutbox.sentAt)));
}

export async function getOutboxRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row;
}

/** Sent mail is a record for a while, not forever. */
export async function deleteSentBefore(before: Date) {
  const db = await getDb();
  await db.delete(mailOutbox).where(and(isNotNull(mailOutbox.sentAt), lt(mailOutbox.sentAt, before)));
}

// ── single-use tokens ──

type Purpose = (typeof userTokens.$inferSelect)["purpose"];

export async function insertUserToken(userId: string, purpose: Purpose, tokenHash: string, expiresAt: Date) {
  const db = await getDb();
  await db.insert(userTokens).values({ userId, purpose, tokenHash, expiresAt });
}

const usable = (tokenHash: string, purpose: Purpose, now: Date) =>
  and(
    eq(userTokens.tokenHash, tokenHash),
    eq(userTokens.purpose, purpose),
    isNull(userTokens.usedAt),
    gt(userTokens.expiresAt, now),
  );

/** The account a token still works for, without using it up. */
export async function findUsableToken(tokenHash: string, purpose: Purpose, now: Date) {
  const db = await getDb();
  const [row] = await db
    .select({ userId: userTokens.userId })
    .from(userTokens)
    .where(usable(tokenHash, purpose, now));
  return row?.userId ?? null;
}

type Tx = Parameters<Parameters<Awaited<ReturnType<typeof getDb>>["transaction"]>[0]>[0];

/** Use up a token inside `tx` and mark its address verified (receiving the mail proves it). */
async function useToken(tx: Tx, tokenHash: string, purpose: Purpose, now: Date) {
  const [used] = await tx
    .update(userTokens)
    .set({ usedAt: now })
    .where(usable(tokenHash, purpose, now))
    .returning({ userId: userTokens.userId });
  if (!used) return null;
  await tx
    .update(users)
    .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now.toISOString()}::timestamptz)` })
    .where(eq(users.id, used.userId));
  return used.userId;
}

/**
 * Use a password-reset token: in one transaction, mark it used (only one caller can), set the new
 * hash, raise the session version (every session issued before ends) and void the account's
 * other reset links. Null when the token does not work.
 */
export async function resetPasswordWithToken(tokenHash: string, passwordHash: string, now: Date) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const userId = await useToken(tx, tokenHash, "password_reset", now);
    if (!userId) return null;
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .returning({ id: users.id, email: users.email });
    await tx
      .update(userTokens)
      .set({ usedAt: now })
      .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, "password_reset"), isNull(userTokens.usedAt)));
    return user ?? null;
  });
}

/** Use an email-verification token; the account it verified, or null. */
export async function verifyEmailWithToken(tokenHash: string, now: Date) {
  const db = await getDb();
  return db.transaction((tx) => useToken(tx, tokenHash, "email_verification", now));
}

// ── who gets what ──

/** A task's assignee as a person: the user id itself, or the user behind the resource it names. */
const assigneeUser = sql`${users.id}::text = coalesce(${planResources.userId}, ${planTasks.assigneeId})`;
const assigneeResource = and(
  eq(planResources.planId, planTasks.planId),
  sql`${planResources.id}::text = ${planTasks.assigneeId}`,
);
const memberOfPlan = and(eq(memberships.workspaceId, plans.workspaceId), eq(memberships.userId, users.id));
const livePlan = and(eq(plans.id, planTasks.planId), isNull(plans.archivedAt));

/** Open tasks due by `lastDay` (tomorrow) for people who want the digest and have not had today's. */
export async function digestCandidates(today: string, lastDay: string) {
  const db = await getDb();
  return db
    .select({
      ...personColumns,
      planTitle: plans.title,
      taskName: planTasks.name,
      due: planTasks.end,
    })
    .from(planTasks)
    .innerJoin(plans, livePlan)
    .leftJoin(planResources, assigneeResource)
    .innerJoin(users, assigneeUser)
    .innerJoin(memberships, memberOfPlan)
    .where(
      and(
        lte(planTasks.end, lastDay),
        lt(planTasks.progress, 100),
        sql`${planTasks.kind} <> 'buffer'`,
        sql`${plans.status} <> 'done'`,
        eq(users.emailDigest, true),
        or(isNull(users.digestSentOn), lt(users.digestSentOn, today)),
      ),
    )
    .orderBy(asc(users.id), asc(planTasks.end))
    .limit(5000);
}

/** Take today's digest for one person; false when another worker already did. */
export async function claimDigestDay(userId: string, today: string) {
  const db = await getDb();
  const rows = await db
    .update(users)
    .set({ digestSentOn: today })
    .where(and(eq(users.id, userId), or(isNull(users.digestSentOn), lt(users.digestSentOn, today))))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Assignments of open tasks to members that have not been announced yet. */
export async function unannouncedAssignments(limit = 200) {
  const db = await getDb();
  return db
    .select({
      planId: planTasks.planId,
      taskId: planTasks.id,
      taskName: planTasks.name,
      planTitle: plans.title,
      userId: users.id,
      email: users.email,
    })
    .from(planTasks)
    .innerJoin(plans, livePlan)
    .leftJoin(planResources, assigneeResource)
    .innerJoin(users, assigneeUser)
    .innerJoin(memberships, memberOfPlan)
    .leftJoin(
      taskAssignmentNotices,
      and(
        eq(taskAssignmentNotices.planId, planTasks.planId),
        eq(taskAssignmentNotices.taskId, planTasks.id),
        eq(taskAssignmentNotices.userId, users.id),
      ),
    )
    .where(isNull(taskAssignmentNotices.planId))
    .limit(limit);
}

/** Count a plan's current assignments as announced (the demo plan, made with its assignees). */
export async function markAssignmentsAnnounced(planId: string, db?: Db) {
  const d = db ?? (await getDb());
  const rows = await d
    .selectDistinct({ planId: planTasks.planId, taskId: planTasks.id, userId: users.id })
    .from(planTasks)
    .leftJoin(planResources, assigneeResource)
    .innerJoin(users, assigneeUser)
    .where(eq(planTasks.planId, planId));
  if (rows.length) await d.insert(taskAssignmentNotices).values(rows).onConflictDoNothing();
}

/** Record an announcement; false when another worker recorded it first. */
export async function claimAssignmentNotice(planId: string, taskId: string, userId: string) {
  const db = await getDb();
  const rows = await db
    .insert(taskAssignmentNotices)
    .values({ planId, taskId, userId })
    .onConflictDoNothing()
    .returning({ planId: taskAssignmentNotices.planId });
  return rows.length > 0;
}

/**
 * Links expiring before `horizon` whose creator has not been told yet, claimed (marked told) in the
 * same statement so each is announced once. Creators who left the workspace are skipped.
 */
export async function claimExpiringLinks(now: Date, horizon: Date) {
  const db = await getDb();
  const claimed = await db
    .update(shareLinks)
    .set({ expiryNoticeSentAt: now })
    .where(
      and(
        isNull(shareLinks.expiryNoticeSentAt),
        isNull(shareLinks.revokedAt),
        isNotNull(shareLinks.createdBy),
        gt(shareLinks.expiresAt, now),
        lte(shareLinks.expiresAt, horizon),
      ),
    )
    .returning({ id: shareLinks.id });
  if (claimed.length === 0) return [];
  return db
    .select({
      planId: plans.id,
      planTitle: plans.title,
      label: shareLinks.label,
      expiresAt: shareLinks.expiresAt,
      email: users.email,
    })
    .from(shareLinks)
    .innerJoin(plans, eq(plans.id, shareLinks.planId))
    .innerJoin(users, eq(users.id, shareLinks.createdBy))
    .innerJoin(memberships, memberOfPlan)
    .where(
      inArray(
        shareLinks.id,
        claimed.map((c) => c.id),
      ),
    );
}
