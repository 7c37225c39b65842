import "server-only";
import { and, eq, gte, inArray, isNotNull, isNull, lte, notExists, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { planHolidays, planProjections, planResources, planTasks, plans } from "@/db/schema";

const livePlansOf = (workspaceId: string) => and(eq(plans.workspaceId, workspaceId), isNull(plans.archivedAt));
const children = alias(planTasks, "child");

/**
 * Work of the people of the workspace's live plans between `from` and `to`: each dated task (not a
 * milestone, buffer or summary) assigned to a person resource row, or to the member it stands for,
 * with that row's name, member (if any), allocation, capacity and absences. Rows that stand for no
 * member (a contractor named only in a plan) come too; the service groups them by name.
 */
export async function listPersonAssignments(workspaceId: string, from: string, to: string) {
  const db = await getDb();
  return db
    .select({
      planId: plans.id,
      planTitle: plans.title,
      userId: planResources.userId,
      name: planResources.name,
      allocation: planResources.allocation,
      capacityHoursPerWeek: planResources.capacityHoursPerWeek,
      absences: planResources.absences,
      taskId: planTasks.id,
      start: sql<string>`${planTasks.start}`,
      end: sql<string>`${planTasks.end}`,
    })
    .from(planResources)
    .innerJoin(plans, eq(plans.id, planResources.planId))
    .innerJoin(
      planTasks,
      and(
        eq(planTasks.planId, planResources.planId),
        or(sql`${planTasks.assigneeId} = ${planResources.id}::text`, eq(planTasks.assigneeId, planResources.userId)),
      ),
    )
    .where(
      and(
        livePlansOf(workspaceId),
        eq(planResources.kind, "person"),
        eq(planTasks.kind, "task"),
        isNotNull(planTasks.start),
        isNotNull(planTasks.end),
        lte(planTasks.start, to),
        gte(planTasks.end, from),
        notExists(
          db
            .select({ id: children.id })
            .from(children)
            .where(and(eq(children.planId, planTasks.planId), sql`${children.parentId} = ${planTasks.id}::text`)),
        ),
      ),
    );
}

/** Each plan's working weekdays (from its projected settings) and holidays, for the plans named. */
export async function listPlanCalendars(planIds: string[]) {
  if (planIds.length === 0) return [];
  const db = await getDb();
  const [settings, holidays] = await Promise.all([
    db
      .select({ planId: planProjections.planId, settings: planProjections.settings })
      .from(planProjections)
      .where(inArray(planProjections.planId, planIds)),
    db
      .select({ planId: planHolidays.planId, date: planHolidays.date, name: planHolidays.name })
      .from(planHolidays)
      .where(inArray(planHolidays.planId, planIds)),
  ]);
  return planIds.map((planId) => ({
    planId,
    settings: settings.find((s) => s.planId === planId)?.settings ?? null,
    holidays: holidays.filter((h) => h.planId === planId).map(({ date, name }) => ({ date, name })),
  }));
}
