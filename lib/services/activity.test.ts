import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/db/testing";
import type { UserPrincipal } from "@/lib/access";
import {
  connectClient,
  sessionCookie,
  startCollabServer,
  waitFor,
  type TestClient,
  type TestServer,
} from "@/lib/testing/collab-harness";
import { insertRow, setText } from "@/lib/doc";
import { getPlanActivity } from "./activity";
import { createPlan } from "./plans";
import { signUp } from "./users";
import { createWorkspace, inviteMember } from "./workspaces";

useTestDatabase();

let server: TestServer;
const clients: TestClient[] = [];
beforeAll(async () => {
  server = await startCollabServer({ config: { projectionDebounceMs: 50 } });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
});

describe("activity from the document's history (real collaboration server, real PostgreSQL)", () => {
  it("records who changed which section, one entry per person per minute", async () => {
    const dana = await signUp({
      name: "Dana",
      email: `dana-${randomUUID()}@example.com`,
      password: "correct horse battery",
    });
    const eliEmail = `eli-${randomUUID()}@example.com`;
    const eli = await signUp({ name: "Eli", email: eliEmail, password: "correct horse battery" });
    const owner: UserPrincipal = { kind: "user", userId: dana.id };
    const ws = await createWorkspace(owner, { name: "Activity" });
    await inviteMember(owner, ws.id, { email: eliEmail, role: "member" });
    const planId = (await createPlan(owner, ws.id, { title: "Tracked" })).id;

    const a = connectClient(server.url, planId, { cookie: await sessionCookie(dana.id) });
    const b = connectClient(server.url, planId, { cookie: await sessionCookie(eli.id) });
    clients.push(a, b);
    await waitFor(() => a.provider.synced && b.provider.synced, "both synced");

    // Dana: schedule and risks; Eli: strategy text, typed in several transactions.
    a.doc.transact(() => {
      insertRow(a.doc, "tasks", {
        id: randomUUID(),
        name: "Build",
        start: null,
        end: null,
        progress: 0,
        kind: "task",
        parentId: null,
        deliverableId: null,
        assigneeId: null,
        priority: "medium",
        order: 1,
      });
    });
    a.doc.transact(() => {
      insertRow(a.doc, "risks", {
        id: randomUUID(),
        title: "Vendor late",
        description: "",
        category: "",
        ownerId: null,
        likelihood: 3,
        impact: 4,
        trigger: "",
        mitigation: "",
        contingency: "",
        status: "open",
        linkedTaskIds: [],
        reviewDate: null,
      });
    });
    b.doc.transact(() => setText(b.doc, "strategy", "Phase one"));
    b.doc.transact(() => b.doc.getText("strategy").insert(9, ", then phase two"));

    // Both people's edits (a run that crosses a minute boundary gives a person two entries: merge them).
    const byPerson = async () => {
      const out: Record<string, { sections: string[]; edits: number; at: Date }> = {};
      for (const e of await getPlanActivity(owner, planId)) {
        const p = (out[e.name] ??= { sections: [], edits: 0, at: e.at });
        p.sections = [...new Set([...p.sections, ...e.sections])];
        p.edits += e.edits;
      }
      return out;
    };
    await waitFor(
      async () => {
        const p = await byPerson();
        return (p.Dana?.edits ?? 0) >= 2 && (p.Eli?.edits ?? 0) >= 2;
      },
      "both people's activity recorded",
      15_000,
    );
    const byName = await byPerson();
    expect(byName.Dana!.sections).toEqual(["schedule", "risks"]);
    expect(byName.Dana!.edits).toBeGreaterThanOrEqual(2);
    expect(byName.Eli!.sections).toEqual(["strategy"]);
    expect(byName.Eli!.edits).toBeGreaterThanOrEqual(2);
    expect(byName.Eli!.at.getUTCSeconds()).toBe(0);

    // Outsiders learn nothing.
    const stranger = await signUp({
      name: "Mallory",
      email: `m-${randomUUID()}@example.com`,
      password: "correct horse battery",
    });
    await expect(getPlanActivity({ kind: "user", userId: stranger.id }, planId)).rejects.toThrow(/not found/);
  });
});
