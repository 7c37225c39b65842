import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import {
  planBaselines,
  planBudgetLines,
  planDeliverables,
  planDependencies,
  planHolidays,
  planObjectives,
  planProjections,
  planRaciCells,
  planRaciColumns,
  planResources,
  planRisks,
  planScopeItems,
  planSwotItems,
  planTasks,
} from "@/db/schema";
import { defaultSettings, emptyDocContent, settingsSchema, type DocContent, type RowOf } from "@/lib/doc";
import type { Task } from "@/lib/plan/types";

/** A plan's tasks as last projected from its live document, in display order. */
export async function listPlanTasks(planId: string): Promise<Task[]> {
  const db = await getDb();
  return db
    .select({
      id: planTasks.id,
      name: planTasks.name,
      start: planTasks.start,
      end: planTasks.end,
      progress: planTasks.progress,
      kind: planTasks.kind,
      parentId: planTasks.parentId,
      deliverableId: planTasks.deliverableId,
      assigneeId: planTasks.assigneeId,
      order: planTasks.order,
    })
    .from(planTasks)
    .where(eq(planTasks.planId, planId))
    .orderBy(asc(planTasks.order), asc(planTasks.id));
}

const strip = <T extends { planId: string }>(rows: T[]) => rows.map(({ planId: _planId, ...r }) => r);

/**
 * Everything a plan holds, as last projected from its live document: what server components render
 * on first paint before the browser joins the document. Plans never edited live read as empty.
 */
export async function getPlanContent(planId: string): Promise<DocContent> {
  const db = await getDb();
  const by = <T extends { planId: unknown }>(t: T) => eq((t as unknown as typeof planTasks).planId, planId);
  const [
    meta,
    tasks,
    dependencies,
    objectives,
    scopeItems,
    deliverables,
    risks,
    swotItems,
    raciColumns,
    raciCells,
    resources,
    budgetLines,
    holidays,
    baselines,
  ] = await Promise.all([
    db.select().from(planProjections).where(eq(planProjections.planId, planId)).limit(1),
    listPlanTasks(planId),
    db.select().from(planDependencies).where(by(planDependencies)),
    db
      .select()
      .from(planObjectives)
      .where(by(planObjectives))
      .orderBy(asc(planObjectives.order), asc(planObjectives.id)),
    db
      .select()
      .from(planScopeItems)
      .where(by(planScopeItems))
      .orderBy(asc(planScopeItems.order), asc(planScopeItems.id)),
    db
      .select()
      .from(planDeliverables)
      .where(by(planDeliverables))
      .orderBy(asc(planDeliverables.order), asc(planDeliverables.id)),
    db.select().from(planRisks).where(by(planRisks)).orderBy(asc(planRisks.id)),
    db.select().from(planSwotItems).where(by(planSwotItems)).orderBy(asc(planSwotItems.order), asc(planSwotItems.id)),
    db
      .select()
      .from(planRaciColumns)
      .where(by(planRaciColumns))
      .orderBy(asc(planRaciColumns.order), asc(planRaciColumns.id)),
    db.select().from(planRaciCells).where(by(planRaciCells)),
    db.select().from(planResources).where(by(planResources)).orderBy(asc(planResources.order), asc(planResources.id)),
    db
      .select()
      .from(planBudgetLines)
      .where(by(planBudgetLines))
      .orderBy(asc(planBudgetLines.order), asc(planBudgetLines.id)),
    db.select().from(planHolidays).where(by(planHolidays)).orderBy(asc(planHolidays.date)),
    db.select().from(planBaselines).where(by(planBaselines)).orderBy(asc(planBaselines.savedAt)),
  ]);
  const m = meta[0];
  if (!m) return emptyDocContent();
  const settings = settingsSchema.safeParse({ ...defaultSettings, ...(m.settings ?? {}) });
  return {
    objectives: strip(objectives).map(({ metric, baseline, target, current, unit, due, ...o }) => ({
      ...o,
      kpi: { metric, baseline, target, current, unit, due },
    })),
    scopeItems: strip(scopeItems) as DocContent["scopeItems"],
    scopeText: m.scopeText,
    deliverables: strip(deliverables) as RowOf<"deliverables">[],
    strategy: m.strategy,
    tasks,
    dependencies: strip(dependencies) as RowOf<"dependencies">[],
    risks: strip(risks).map(({ score: _score, ...r }) => r) as RowOf<"risks">[],
    swotItems: strip(swotItems) as DocContent["swotItems"],
    raciColumns: strip(raciColumns) as RowOf<"raciColumns">[],
    raciCells: strip(raciCells) as DocContent["raciCells"],
    resources: strip(resources) as RowOf<"resources">[],
    budgetLines: strip(budgetLines) as RowOf<"budgetLines">[],
    holidays: strip(holidays),
    baselines: strip(baselines),
    settings: settings.success ? settings.data : defaultSettings,
  };
}
