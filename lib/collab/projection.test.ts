import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { getDb } from "@/db";
import { planProjections, planTasks } from "@/db/schema";
import { useTestDatabase } from "@/db/testing";
import { createPlan } from "@/lib/services/plans";
import { signUp } from "@/lib/services/users";
import { createWorkspace } from "@/lib/services/workspaces";
import { rowsOf, updateRow } from "@/lib/doc";
import { appendUpdates, compact, loadDoc } from "./persistence";
import { projectPlan, rebuildProjection } from "./projection";
import {
  addTask,
  connectClient,
  sessionCookie,
  startCollabServer,
  waitFor,
  type TestServer,
} from "@/lib/testing/collab-harness";

useTestDatabase();

let owner: { id: string };
let workspaceId: string;
let server: TestServer;
beforeAll(async () => {
  owner = await signUp({ name: "Pia", email: `pia-${randomUUID()}@example.com`, password: "correct horse battery" });
  workspaceId = (await createWorkspace({ kind: "user", userId: owner.id }, { name: "Projection" })).id;
  server = await startCollabServer({ config: { projectionDebounceMs: 100 } });
});
afterAll(async () => server?.close());

const newPlan = async () => (await createPlan({ kind: "user", userId: owner.id }, workspaceId, { title: "P" })).id;
const projectedTasks = async (planId: string) =>
  (await getDb()).select().from(planTasks).where(eq(planTasks.planId, planId)).orderBy(planTasks.order);

describe("projection of the document into relational tables", () => {
  it("follows live edits within about a second", async () => {
    const planId = await newPlan();
    const c = connectClient(server.url, planId, { cookie: await sessionCookie(owner.id) });
    await waitFor(() => c.provider.synced, "synced");
    const id = randomUUID();
    c.doc.transact(() => addTask(c.doc, id, { name: "Kick-off", start: "2026-03-02", end: "2026-03-03", order: 1 }));
    const started = Date.now();
    await waitFor(async () => (await projectedTasks(planId)).length === 1, "task projected", 3000);
    expect(Date.now() - started).toBeLessThan(1500);
    updateRow(c.doc, "tasks", id, { name: "Kick-off meeting", progress: 50 });
    await waitFor(async () => (await projectedTasks(planId))[0]?.name === "Kick-off meeting", "rename projected", 3000);
    const [row] = await projectedTasks(planId);
    expect(row).toMatchObject({
      id,
      name: "Kick-off meeting",
      start: "2026-03-02",
      end: "2026-03-03",
      progress: 50,
      kind: "task",
    });
    c.doc.transact(() => rowsOf(c.doc, "tasks").delete(id));
    await waitFor(async () => (await projectedTasks(planId)).length === 0, "deletion projected", 3000);
    c.destroy();
  });

  it("skips and reports malformed rows without failing the rest", async () => {
    const planId = await newPlan();
    const doc = new Y.Doc();
    const good = randomUUID();
    addTask(doc, good, { name: "Fine", order: 1 });
    // Written raw, as an old or hostile client could: the layout's own writer would refuse them.
    const raw = (fields: Record<string, unknown>) => {
      const row = new Y.Map<unknown>();
      rowsOf(doc, "tasks").set(randomUUID(), row);
      for (const [k, v] of Object.entries(fields)) row.set(k, v);
    };
    raw({ name: "Bad date", start: "2026-02-30" });
    raw({ name: "Backwards", start: "2026-05-02", end: "2026-05-01" });
    const odd = new Y.Map<unknown>();
    rowsOf(doc, "tasks").set(randomUUID(), odd);
    odd.set("name", 42);
    rowsOf(doc, "tasks").set("not-a-uuid", new Y.Map());
    expect(await projectPlan(planId, doc)).toBe(true);
    expect((await projectedTasks(planId)).map((t) => t.id)).toEqual([good]);
    const [state] = await (await getDb()).select().from(planProjections).where(eq(planProjections.planId, planId));
    expect(state!.taskCount).toBe(1);
    expect(state!.invalidRows).toHaveLength(4);
    expect(state!.schemaVersion).toBe(1);
  });

  it("rebuilds a projection from the stored log", async () => {
    const planId = await newPlan();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 5; i++) addTask(doc, randomUUID(), { name: `t${i}`, order: i });
    await appendUpdates(updates.map((data) => ({ planId, data })));
    expect(await rebuildProjection(planId)).toBe(true);
    expect((await projectedTasks(planId)).map((t) => t.name)).toEqual(["t0", "t1", "t2", "t3", "t4"]);
  });
});

describe("compaction", () => {
  it("folds the log into a snapshot, and never while another instance holds the plan's lock", async () => {
    const planId = await newPlan();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 10; i++) addTask(doc, randomUUID(), { name: `t${i}` });
    await appendUpdates(updates.map((data) => ({ planId, data })));

    const other = postgres(process.env.DATABASE_URL!, { max: 1 });
    const key = `planwright.collab.compact:${planId}`;
    await other`select pg_advisory_lock(hashtextextended(${key}, 0))`;
    expect(await compact(planId)).toBe(0);
    await other`select pg_advisory_unlock(hashtextextended(${key}, 0))`;
    await other.end();

    expect(await compact(planId)).toBe(updates.length);
    const loaded = await loadDoc(planId);
    expect(loaded.logRows).toBe(0);
    expect(rowsOf(loaded.doc, "tasks").size).toBe(10);
    // Later rows stay in the log as the tail.
    const more = new Y.Doc();
    Y.applyUpdate(more, Y.encodeStateAsUpdate(doc));
    const tail: Uint8Array[] = [];
    more.on("update", (u: Uint8Array) => tail.push(u));
    addTask(more, randomUUID(), { name: "tail" });
    await appendUpdates(tail.map((data) => ({ planId, data })));
    const again = await loadDoc(planId);
    expect(again.logRows).toBe(1);
    expect(rowsOf(again.doc, "tasks").size).toBe(11);
  });
});
