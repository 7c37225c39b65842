import "server-only";
import { listActivity } from "@/db/queries/activity";
import { requirePlan, type Principal } from "@/lib/access";
import { planSections } from "@/lib/plan/template";

export type ActivityEntry = { userId: string | null; name: string; sections: string[]; edits: number; at: Date };

const order: string[] = [...planSections.map((s) => s.id), "settings", "other"];

/**
 * Who changed which sections of a plan and when, newest first: one entry per person per minute
 * (rows written by different instances for the same minute are merged here).
 */
export async function getPlanActivity(
  principal: Principal | null,
  planId: string,
  limit = 200,
): Promise<ActivityEntry[]> {
  await requirePlan(principal, planId, "read");
  const rows = await listActivity(planId, limit);
  const merged = new Map<string, ActivityEntry>();
  for (const r of rows) {
    const key = `${r.userId}|${r.at.getTime()}`;
    const e = merged.get(key);
    if (e) {
      e.sections = [...new Set([...e.sections, ...r.sections])];
      e.edits += r.edits;
    } else {
      merged.set(key, {
        userId: r.userId,
        name: r.userName ?? "A former member",
        sections: [...r.sections],
        edits: r.edits,
        at: r.at,
      });
    }
  }
  const entries = [...merged.values()];
  for (const e of entries) e.sections.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return entries;
}
