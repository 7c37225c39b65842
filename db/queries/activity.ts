import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { planActivity, plans, users } from "@/db/schema";
import { sqlState } from "@/db/errors";

/** Edits by one person to one plan within one minute (`at` is the minute's start). */
export type ActivityBucket = { planId: string; userId: string; at: Date; sections: string[]; edits: number };

/**
 * Merge counted edits into their minute's row (or start it), all buckets in one statement: one
 * commit per flush however many plans and people it covers (a statement per bucket made hundreds
 * of commits a second with many active plans, each a WAL flush competing with the update log's).
 * Several batches of one minute land in one row; a plan or person deleted meanwhile drops its buckets.
 */
export async function recordActivity(buckets: ActivityBucket[]) {
  if (buckets.length === 0) return;
  const db = await getDb();
  const rows = buckets.map((b) => ({
    plan_id: b.planId,
    user_id: b.userId,
    sections: [...b.sections].sort(),
    edits: b.edits,
    at: b.at.toISOString(),
  }));
  try {
    await db.execute(sql`
      with input as (
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as i(plan_id uuid, user_id uuid, sections jsonb, edits integer, at timestamptz)
      ), up as (
        update ${planActivity} as a
           set sections = (select jsonb_agg(distinct s order by s) from jsonb_array_elements_text(a.sections || i.sections) as s),
               edits = a.edits + i.edits
          from input i
         where a.plan_id = i.plan_id and a.user_id = i.user_id and a.at = i.at
        returning a.plan_id, a.user_id, a.at)
      insert into ${planActivity} (plan_id, user_id, sections, edits, at)
      select i.plan_id, i.user_id, i.sections, i.edits, i.at from input i
       where not exists (select 1 from up where up.plan_id = i.plan_id and up.user_id = i.user_id and up.at = i.at)
         and exists (select 1 from ${plans} p where p.id = i.plan_id)
         and exists (select 1 from ${users} u where u.id = i.user_id)`);
  } catch (err) {
    if (!isForeignKeyViolation(err)) throw err;
    // A plan or person deleted between the check and the insert: one bucket at a time, dropping theirs.
    if (buckets.length > 1) for (const b of buckets) await recordActivity([b]);
  }
}

const isForeignKeyViolation = (err: unknown) => sqlState(err) === "23503";

export type ActivityRow = {
  userId: string | null;
  userName: string | null;
  sections: string[];
  edits: number;
  at: Date;
};

/** A plan's activity, newest first. */
export async function listActivity(planId: string, limit = 200): Promise<ActivityRow[]> {
  const db = await getDb();
  return db
    .select({
      userId: planActivity.userId,
      userName: users.name,
      sections: planActivity.sections,
      edits: planActivity.edits,
      at: planActivity.at,
    })
    .from(planActivity)
    .leftJoin(users, eq(users.id, planActivity.userId))
    .where(and(eq(planActivity.planId, planId)))
    .orderBy(desc(planActivity.at), desc(planActivity.id))
    .limit(limit);
}
