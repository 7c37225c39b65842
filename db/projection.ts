/**
 * The relational half of the collection registry (lib/doc/collections.ts): each collection's
 * `plan_*` table and how a row becomes columns and back, with the one generic writer and reader of
 * the projection. A field whose column has the field's name needs no code here; a collection without
 * a table fails to compile.
 */
import "server-only";
import { asc, eq, getTableColumns } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
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
  planResearchEntries,
  planResourceRequests,
  planResources,
  planRisks,
  planScopeItems,
  planStakeholders,
  planSwotItems,
  planTasks,
} from "@/db/schema";
import {
  defaultSettings,
  emptyContent,
  realRegistry,
  settingsSchema,
  singles,
  type Collections,
  type ContentOf,
  type Registry,
  type RowIn,
} from "@/lib/doc/layout";
import type { RaciCell } from "@/lib/plan/types";
import { riskScore } from "@/lib/plan/risk";

type Columns = Record<string, unknown>;
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Where rows of one kind are projected. Without hooks, each field is the column of the same name. */
export interface TableMapping<Row> {
  table: PgTable & { planId: PgColumn };
  /** Columns of one row, where they differ from its fields (flattened, derived). */
  toColumns?(row: Row): Columns;
  /** The row's fields from its columns (plan_id removed), where toColumns changed them. */
  fromColumns?(columns: Columns): Columns;
}

/** A table for every collection of registry `R`, and one for the RACI cells. */
export type ProjectionTables<R extends Registry> = { [C in keyof R]: TableMapping<RowIn<R, C>> } & {
  raciCells: TableMapping<RaciCell>;
};

export const projectionTables = {
  objectives: {
    table: planObjectives,
    toColumns: ({ kpi, ...o }) => ({ ...o, ...kpi }),
    fromColumns: ({ metric, baseline, target, current, unit, due, ...o }) => ({
      ...o,
      kpi: { metric, baseline, target, current, unit, due },
    }),
  },
  scopeItems: { table: planScopeItems },
  deliverables: { table: planDeliverables },
  stakeholders: { table: planStakeholders },
  researchEntries: { table: planResearchEntries },
  tasks: { table: planTasks },
  dependencies: { table: planDependencies },
  risks: {
    table: planRisks,
    // Stored for cross-plan queries ("all high risks"); derived, so never read back.
    toColumns: (r) => ({ ...r, score: riskScore(r) }),
    fromColumns: ({ score: _score, ...r }) => r,
  },
  swotItems: { table: planSwotItems },
  raciColumns: { table: planRaciColumns },
  resources: { table: planResources },
  budgetLines: { table: planBudgetLines },
  resourceRequests: { table: planResourceRequests },
  holidays: { table: planHolidays },
  baselines: { table: planBaselines },
  raciCells: { table: planRaciCells },
} satisfies ProjectionTables<Collections>;

/** The real tables, as the default of a function generic over registries. */
const realTables = <R extends Registry>() => projectionTables as ProjectionTables<Registry> as ProjectionTables<R>;

const mappingOf = (tables: object, name: string) => (tables as Record<string, TableMapping<unknown>>)[name]!;

/** Rows per INSERT statement: keeps each statement well under PostgreSQL's 65,535 parameters. */
const CHUNK = 500;

async function replace(tx: Tx, planId: string, mapping: TableMapping<never>, rows: Columns[]) {
  await tx.delete(mapping.table).where(eq(mapping.table.planId, planId));
  for (let i = 0; i < rows.length; i += CHUNK)
    await tx.insert(mapping.table).values(rows.slice(i, i + CHUNK).map((r) => ({ ...r, planId })) as never);
}

async function select(db: Db, planId: string, mapping: TableMapping<never>, sort: readonly string[]) {
  const columns = getTableColumns(mapping.table);
  const order = sort.map((field) => {
    const column = columns[field];
    if (!column) throw new Error(`projection: no column "${field}" to sort by`);
    return asc(column);
  });
  const rows: Columns[] = await db
    .select()
    .from(mapping.table)
    .where(eq(mapping.table.planId, planId))
    .orderBy(...order);
  return rows.map(({ planId: _planId, ...r }) => (mapping.fromColumns ? mapping.fromColumns(r) : r));
}

/**
 * Write a plan's rows into their tables: delete-then-insert per table, inside the caller's
 * transaction, so readers see the old projection or the new one, never a mix.
 */
export async function writeProjection<R extends Registry = Collections>(
  tx: Tx,
  planId: string,
  content: NoInfer<ContentOf<R>>,
  registry: R = realRegistry(),
  tables: NoInfer<ProjectionTables<R>> = realTables(),
) {
  const all = content as unknown as Record<string, { id: string }[]>;
  for (const [name, spec] of Object.entries(registry)) {
    const mapping = mappingOf(tables, name);
    const rows = all[name]!.map((row) => {
      const stored = spec.stored ? spec.stored(row) : row;
      return mapping.toColumns ? mapping.toColumns(stored) : stored;
    });
    await replace(tx, planId, mapping, rows);
  }
  await replace(tx, planId, tables.raciCells, content.raciCells);
}

/** One collection's rows as last projected, in the registry's read-back order. */
export async function readProjectedRows<C extends keyof R & string, R extends Registry = Collections>(
  db: Db,
  planId: string,
  name: C,
  registry: R = realRegistry(),
  tables: NoInfer<ProjectionTables<R>> = realTables(),
): Promise<RowIn<NoInfer<R>, C>[]> {
  return (await select(db, planId, mappingOf(tables, name), registry[name]!.sort)) as RowIn<R, C>[];
}

/**
 * Everything a plan holds, as last projected from its live document: the same shape
 * readDocContent gives. Plans never projected read as empty.
 */
export async function readProjection<R extends Registry = Collections>(
  db: Db,
  planId: string,
  registry: R = realRegistry(),
  tables: NoInfer<ProjectionTables<R>> = realTables(),
): Promise<ContentOf<NoInfer<R>>> {
  const names = Object.keys(registry) as (keyof R & string)[];
  const [meta, raciCells, ...rows] = await Promise.all([
    db.select().from(planProjections).where(eq(planProjections.planId, planId)).limit(1),
    select(db, planId, tables.raciCells, singles.raciCells.sort),
    ...names.map((name) => readProjectedRows(db, planId, name, registry, tables)),
  ]);
  const m = meta[0];
  if (!m) return emptyContent(registry);
  const settings = settingsSchema.safeParse({ ...defaultSettings, ...(m.settings ?? {}) });
  return {
    ...(Object.fromEntries(names.map((name, i) => [name, rows[i]])) as ContentOf<R>),
    raciCells: raciCells as RaciCell[],
    strategy: m.strategy,
    scopeText: m.scopeText,
    settings: settings.success ? settings.data : defaultSettings,
  };
}
