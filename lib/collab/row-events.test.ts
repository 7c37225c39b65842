import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { webhookDeliveries } from "@/db/schema";
import { useTestDatabase } from "@/db/testing";
import { rowsOf, updateRow } from "@/lib/doc";
import { createContentRow, updateContentRow } from "@/lib/services/plan-content";
import { createPlan } from "@/lib/services/plans";
import { signUp } from "@/lib/services/users";
import { createWebhook } from "@/lib/services/webhooks";
import { createWorkspace } from "@/lib/services/workspaces";
import {
  addTask,
  connectClient,
  sessionCookie,
  startCollabServer,
  waitFor,
  type TestServer,
} from "@/lib/testing/collab-harness";
import { diffRows } from "./row-events";

useTestDatabase();

describe("diffRows", () => {
  it("finds created, updated and deleted rows, ignoring key order and absent-versus-null fields", () => {
    const before = [
      { id: "a", name: "A", note: null, kpi: { x: 1, y: 2 } },
      { id: "b", name: "B" },
      { id: "c", name: "C" },
    ];
    const after = [
      { id: "a", kpi: { y: 2, x: 1 }, name: "A" },
      { id: "b", name: "B2" },
      { id: "d", name: "D" },
    ];
    expect(diffRows(before, after)).toEqual([
      { action: "updated", row: { id: "b", name: "B2" } },
      { action: "created", row: { id: "d", name: "D" } },
      { action: "deleted", row: { id: "c", name: "C" } },
    ]);
    expect(diffRows(after, after)).toEqual([]);
  });
});

describe("task and risk webhooks from every kind of edit (real PostgreSQL, a live server)", () => {
  let server: TestServer;
  let owner: { id: string };
  let workspaceId: string;
  let planId: string;
  let hookId: string;
  const allowed = process.env.WEBHOOKS_ALLOW_PRIVATE;

  beforeAll(async () => {
    process.env.WEBHOOKS_ALLOW_PRIVATE = "true";
    owner = await signUp({
      name: "Wren",
      email: `wren-${randomUUID()}@example.com`,
      password: "correct horse battery",
    });
    const principal = { kind: "user" as const, userId: owner.id };
    workspaceId = (await createWorkspace(principal, { name: "Hooked" })).id;
    planId = (await createPlan(principal, workspaceId, { title: "Hooked plan" })).id;
    // Only task events are subscribed to: risk changes must queue nothing.
    hookId = (await createWebhook(principal, workspaceId, { url: "http://127.0.0.1:9/hook", events: ["task.changed"] }))
      .id;
    server = await startCollabServer({ config: { projectionDebounceMs: 100 } });
  });
  afterAll(async () => {
    await server?.close();
    if (allowed === undefined) delete process.env.WEBHOOKS_ALLOW_PRIVATE;
    else process.env.WEBHOOKS_ALLOW_PRIVATE = allowed;
  });

  const deliveries = async () =>
    (await (await getDb()).select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, hookId))).sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
    );
  const data = (d: { payload: Record<string, unknown> }) =>
    d.payload as { planId: string; action: string; row: { id: string; name?: string } };

  it("queues one event per browser edit and one per API write, never two", async () => {
    const c = connectClient(server.url, planId, { cookie: await sessionCookie(owner.id) });
    await waitFor(() => c.provider.synced, "synced");
    const id = randomUUID();
    c.doc.transact(() => addTask(c.doc, id, { name: "Survey", start: "2026-03-02", end: "2026-03-04", order: 1 }));
    await waitFor(async () => (await deliveries()).length === 1, "created event", 5000);
    updateRow(c.doc, "tasks", id, { name: "Customer survey" });
    await waitFor(async () => (await deliveries()).length === 2, "updated event", 5000);

    // A risk: not subscribed to, so nothing is queued for it.
    const principal = { kind: "user" as const, userId: owner.id };
    await createContentRow(principal, planId, "risks", { title: "Low response rate" });

    // The API's write goes through the live room and is reported by the projection alone.
    await updateContentRow(principal, planId, "tasks", id, { progress: 40 }, null);
    await waitFor(async () => (await deliveries()).length >= 3, "API event", 5000);
    c.doc.transact(() => rowsOf(c.doc, "tasks").delete(id));
    await waitFor(async () => (await deliveries()).length >= 4, "deleted event", 5000);
    // Two more projection rounds: a duplicate would show by now.
    await new Promise((r) => setTimeout(r, 600));

    const all = await deliveries();
    expect(all.map((d) => d.event)).toEqual(["task.changed", "task.changed", "task.changed", "task.changed"]);
    expect(all.map((d) => data(d).action)).toEqual(["created", "updated", "updated", "deleted"]);
    expect(all.every((d) => data(d).planId === planId && data(d).row.id === id)).toBe(true);
    expect(data(all[1]!).row.name).toBe("Customer survey");
    expect(data(all[2]!).row).toMatchObject({ name: "Customer survey", progress: 40 });
    expect(all[0]!.payload).toMatchObject({ workspaceId });
    c.destroy();
  });
});
