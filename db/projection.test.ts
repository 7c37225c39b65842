import { eq, sql } from "drizzle-orm";
import { date, doublePrecision, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { z } from "zod";
import { getDb } from "@/db";
import { planProjections } from "@/db/schema";
import { useTestDatabase } from "@/db/testing";
import { blankRow, collections, insertRow, randomUUID, readDocContent, updateRow, writeDocContent } from "@/lib/doc";
import { taskSchema } from "@/lib/plan/validation";
import { createPlan } from "@/lib/services/plans";
import { signUp } from "@/lib/services/users";
import { createWorkspace } from "@/lib/services/workspaces";
import { projectionTables, readProjection, writeProjection } from "./projection";

useTestDatabase();

// A field added the way the recipe in docs/architecture.md adds one: the registry entry's schema and
// defaults, and a column of the same name. Nothing else knows about it.
const withColor = {
  ...collections,
  tasks: {
    ...collections.tasks,
    schema: taskSchema.extend({ color: z.string().max(20).default("") }),
    defaults: { ...collections.tasks.defaults, color: "" },
  },
};

// plan_tasks as db/schema.ts declares it, with the new column.
const planTasksWithColor = pgTable("plan_tasks", {
  planId: uuid("plan_id").notNull(),
  id: uuid("id").notNull(),
  name: text("name").notNull(),
  start: date("start_date", { mode: "string" }),
  end: date("end_date", { mode: "string" }),
  progress: integer("progress").notNull().default(0),
  kind: text("kind").notNull().default("task"),
  parentId: text("parent_id"),
  deliverableId: text("deliverable_id"),
  assigneeId: text("assignee_id"),
  priority: text("priority").notNull().default("medium"),
  order: doublePrecision("sort_order").notNull().default(0),
  color: text("color").notNull().default(""),
});
const tablesWithColor = { ...projectionTables, tasks: { table: planTasksWithColor } };

async function newPlan() {
  const u = await signUp({ name: "R", email: "r@example.com", password: "correct horse battery" });
  const me = { kind: "user" as const, userId: u.id };
  const ws = await createWorkspace(me, { name: "W" });
  return (await createPlan(me, ws.id, { title: "Registry" })).id;
}

describe("the collection registry", () => {
  it("carries a field declared once through the document, the projection and the page data", async () => {
    const planId = await newPlan();
    const db = await getDb();
    await db.execute(sql`ALTER TABLE plan_tasks ADD COLUMN color text NOT NULL DEFAULT ''`);

    // Written into the document by the generic writer…
    const doc = new Y.Doc();
    const [teal, amber] = [randomUUID(), randomUUID()];
    const task = (id: string, order: number) => ({ ...blankRow("tasks", id, withColor), name: "Paint", order });
    expect(insertRow(doc, "tasks", { ...task(teal, 1), color: "teal" }, withColor)).toEqual({ ok: true });
    expect(insertRow(doc, "tasks", task(amber, 2), withColor)).toEqual({ ok: true });
    expect(updateRow(doc, "tasks", amber, { color: "amber" }, withColor)).toEqual({ ok: true });
    expect(updateRow(doc, "tasks", amber, { color: "x".repeat(21) }, withColor).ok).toBe(false);

    // …read back by the generic reader…
    const { content, invalid } = readDocContent(doc, withColor);
    expect(invalid).toEqual([]);
    expect(content.tasks.map((t) => t.color)).toEqual(["teal", "amber"]);

    // …projected into its table…
    await db.insert(planProjections).values({ planId, schemaVersion: 1 });
    await db.transaction((tx) => writeProjection(tx, planId, content, withColor, tablesWithColor));
    const stored = await db
      .select({ color: planTasksWithColor.color })
      .from(planTasksWithColor)
      .where(eq(planTasksWithColor.planId, planId))
      .orderBy(planTasksWithColor.order);
    expect(stored.map((r) => r.color)).toEqual(["teal", "amber"]);

    // …and read back as page data, equal to what the document holds.
    const page = await readProjection(db, planId, withColor, tablesWithColor);
    expect(page.tasks).toEqual(content.tasks);

    // Page data written into a fresh document (as a plan copied from a template) keeps it too.
    const copy = new Y.Doc();
    expect(writeDocContent(copy, page, withColor)).toEqual([]);
    expect(readDocContent(copy, withColor).content.tasks).toEqual(content.tasks);

    // The real registry reads the same table without the field.
    const real = await readProjection(db, planId);
    expect(real.tasks.map((t) => t.name)).toEqual(["Paint", "Paint"]);
    expect(real.tasks[0]).not.toHaveProperty("color");
  });
});
