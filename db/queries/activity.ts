import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { planActivity, users } from "@/db/schema";

/** Edits by one person to one plan within one minute (`at` is the minute's start). */
export type ActivityBucket = { planId: string; userId: string; at: Date; sections: string[]; edits: number };

/**
 * Merge counted edits into their minute's row (or start it). Several batches of one minute land
 * in one row; a plan deleted meanwhile drops its buckets.
 */
export async function recordActivity(buckets: ActivityBucket[]) {
  const db = await getDb();
  for (const b of buckets) {
    const sections = JSON.stringify([...b.sections].sort());
    try {
      await db.execute(sql`
        with up as (
          update ${planActivity}
             set sections = (select jsonb_agg(distinct s order by s) from jsonb_array_elements_text(${planActivity.sections} || ${sections}::jsonb) as s),
                 edits = ${planActivity.edits} + ${b.edits}
           where ${planActivity.planId} = ${b.planId} and ${planActivity.userId} = ${b.userId} and ${planActivity.at} = ${b.at.toISOString()}::timestamptz
          returning 1)
        insert into ${planActivity} (plan_id, user_id, sections, edits, at)
        select ${b.planId}, ${b.userId}, ${sections}::jsonb, ${b.edits}, ${b.at.toISOString()}::timestamptz
         where not exists (select 1 from up)`);
    } catch (err) {
      const code = (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
      if (code !== "23503") throw err;
    }
  }
}

export type ActivityRow = { userId: string | null; userName: string | null; sections: string[]; edits: number; at: Date };

/** A plan's activity, newest first. */
export async function listActivity(planId: string, limit = 200): Promise<ActivityRow[]> {
  const db = await getDb();
  return db
    .select({ userId: planActivity.userId, userName: users.name, sections: planActivity.sections, edits: planActivity.edits, at: planActivity.at })
    .from(planActivity)
    .leftJoin(users, eq(users.id, planActivity.userId))
    .where(and(eq(planActivity.planId, planId)))
    .orderBy(desc(planActivity.at), desc(planActivity.id))
    .limit(limit);
}
