import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/db/testing";
import { getPlanContent } from "@/db/queries/plan-content";
import { insertRow, readRows } from "@/lib/doc";
import { createPlan } from "@/lib/services/plans";
import { signUp } from "@/lib/services/users";
import { createWorkspace, inviteMember } from "@/lib/services/workspaces";
import { loadDoc } from "./persistence";
import { editPlanDocument } from "./server-edit";
import {
  connectClient,
  holdUpdateLog,
  sessionCookie,
  startCollabServer,
  waitFor,
  type TestClient,
  type TestServer,
} from "@/lib/testing/collab-harness";

useTestDatabase();

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const clients: TestClient[] = [];
const servers: TestServer[] = [];
let owner: { id: string; cookie: string; principal: { kind: "user"; userId: string } };
let editorCookie: string;
let workspaceId: string;

const task = (name: string) => ({
  id: randomUUID(),
  name,
  start: "2026-03-02",
  end: "2026-03-06",
  progress: 0,
  kind: "task" as const,
  parentId: null,
  deliverableId: null,
  assigneeId: null,
  priority: "medium" as const,
  order: 1,
});
const names = (c: TestClient) =>
  readRows(c.doc, "tasks")
    .rows.map((t) => t.name)
    .sort();

beforeAll(async () => {
  const o = await signUp({
    name: "Owner",
    email: `owner-${randomUUID()}@example.com`,
    password: "correct horse battery",
  });
  owner = { id: o.id, cookie: await sessionCookie(o.id), principal: { kind: "user", userId: o.id } };
  const eEmail = `editor-${randomUUID()}@example.com`;
  const e = await signUp({ name: "Editor", email: eEmail, password: "correct horse battery" });
  editorCookie = await sessionCookie(e.id);
  workspaceId = (await createWorkspace(owner.principal, { name: "Edits" })).id;
  await inviteMember(owner.principal, workspaceId, { email: eEmail, role: "member" });
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const s of servers) await s.close().catch(() => {});
});

describe("editPlanDocument (real PostgreSQL, real collaboration server)", () => {
  it("without a collaboration server: edits the stored document and projects it", async () => {
    const planId = (await createPlan(owner.principal, workspaceId, { title: "Offline" })).id;
    const result = await editPlanDocument(planId, (doc) => insertRow(doc, "tasks", task("Stored")), "test");
    expect(result.ok).toBe(true);
    const { doc } = await loadDoc(planId);
    expect(readRows(doc, "tasks").rows.map((t) => t.name)).toEqual(["Stored"]);
    expect((await getPlanContent(planId)).tasks.map((t) => t.name)).toEqual(["Stored"]);
  });

  it("a connected client receives the server's edit, and the log has it before any client sees it", async () => {
    const server = await startCollabServer({ config: { idleUnloadMs: 200, projectionDebounceMs: 50 } });
    servers.push(server);
    const planId = (await createPlan(owner.principal, workspaceId, { title: "Live" })).id;
    const c = connectClient(server.url, planId, { cookie: owner.cookie });
    clients.push(c);
    await waitFor(() => c.provider.synced, "client synced");

    // Hold the log: the edit cannot be stored, so nobody may see it.
    const log = await holdUpdateLog();
    const editing = editPlanDocument(planId, (doc) => insertRow(doc, "tasks", task("From the server")), "test");
    await new Promise((r) => setTimeout(r, 400));
    expect(names(c)).toEqual([]);
    log.release();
    await editing;
    await log.close();
    await waitFor(() => names(c).includes("From the server"), "client received the server edit");
    const { doc } = await loadDoc(planId);
    expect(readRows(doc, "tasks").rows.map((t) => t.name)).toEqual(["From the server"]);
    // Projected before editPlanDocument resolves.
    expect((await getPlanContent(planId)).tasks.map((t) => t.name)).toEqual(["From the server"]);
  });

  it(
    "loads a plan no one has open, and other instances receive the edit through Redis",
    { timeout: 30_000 },
    async () => {
      const one = await startCollabServer({ redisUrl: REDIS_URL, config: { projectionDebounceMs: 50 } });
      const two = await startCollabServer({ redisUrl: REDIS_URL, config: { projectionDebounceMs: 50 } });
      servers.push(one, two);
      const planId = (await createPlan(owner.principal, workspaceId, { title: "Relayed" })).id;
      // Open on instance one only; the edit is made by instance two (the last one started registers).
      const c = connectClient(one.url, planId, { cookie: editorCookie });
      clients.push(c);
      await waitFor(() => c.provider.synced, "client synced");
      expect(two.collab.docOf(planId)).toBeUndefined();
      await editPlanDocument(planId, (doc) => insertRow(doc, "tasks", task("Relayed edit")), "test");
      await waitFor(() => names(c).includes("Relayed edit"), "client on the other instance received it");
      const { doc } = await loadDoc(planId);
      expect(readRows(doc, "tasks").rows.map((t) => t.name)).toEqual(["Relayed edit"]);
    },
  );
});
