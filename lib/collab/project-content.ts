/**
 * Writes a plan's content into its projection tables: delete-then-insert per table, inside the
 * caller's transaction, so readers see the old projection or the new one, never a mix.
 */
import { eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import {
  planBaselines,
  planBudgetLines,
  planDeliverables,
  planDependencies,
  planHolidays,
  planObjectives,
  planRaciCells,
  planRaciColumns,
  planResources,
  planRisks,
  planScopeItems,
  planSwotItems,
  planTasks,
} from "@/db/schema";
import type { DocContent } from "@/lib/doc";
import { riskScore } from "@/lib/plan/risk";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Rows per INSERT statement: keeps each statement well under PostgreSQL's 65,535 parameters. */
const CHUNK = 500;

async function replace(tx: Tx, table: PgTable & { planId: unknown }, planId: string, rows: Record<string, unknown>[]) {
  await tx.delete(table).where(eq((table as unknown as typeof planTasks).planId, planId));
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.insert(table).values(rows.slice(i, i + CHUNK).map((r) => ({ ...r, planId })) as never);
  }
}

export async function writeContentProjection(tx: Tx, planId: string, c: DocContent) {
  await replace(
    tx,
    planTasks,
    planId,
    c.tasks.map((t) => ({ ...t, progress: Math.round(t.progress) })),
  );
  await replace(tx, planDependencies, planId, c.dependencies);
  await replace(
    tx,
    planObjectives,
    planId,
    c.objectives.map(({ kpi, ...o }) => ({ ...o, ...kpi })),
  );
  await replace(tx, planScopeItems, planId, c.scopeItems);
  await replace(tx, planDeliverables, planId, c.deliverables);
  await replace(
    tx,
    planRisks,
    planId,
    c.risks.map((r) => ({ ...r, score: riskScore(r) })),
  );
  await replace(tx, planSwotItems, planId, c.swotItems);
  await replace(tx, planRaciColumns, planId, c.raciColumns);
  await replace(tx, planRaciCells, planId, c.raciCells);
  await replace(tx, planResources, planId, c.resources);
  await replace(tx, planBudgetLines, planId, c.budgetLines);
  await replace(tx, planHolidays, planId, c.holidays);
  await replace(tx, planBaselines, planId, c.baselines);
}
