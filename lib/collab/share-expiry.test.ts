import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/db/testing";
import { createPlan } from "@/lib/services/plans";
import { signUp } from "@/lib/services/users";
import { createWorkspace } from "@/lib/services/workspaces";
import { closeCode, rawSocket, startCollabServer, type TestServer } from "@/lib/testing/collab-harness";

useTestDatabase();

let server: TestServer;
let planId: string;
// A link that stops working 1.5 s after the test connects through it.
let expiresAt = 0;

beforeAll(async () => {
  const u = await signUp({
    name: "Owner",
    email: `owner-${randomUUID().slice(0, 8)}@example.com`,
    password: "correct horse battery",
  });
  const me = { kind: "user" as const, userId: u.id };
  const ws = await createWorkspace(me, { name: "Links" });
  planId = (await createPlan(me, ws.id, { title: "Shared" })).id;
  server = await startCollabServer({
    // The periodic sweep is far away: only the expiry timer can close the socket in time.
    config: { recheckMs: 3_600_000 },
    resolveShareToken: async (token) =>
      token === "expiring-link-token" && Date.now() < expiresAt
        ? { tokenId: "link-1", expiresAt: new Date(expiresAt) }
        : null,
  });
});

afterAll(async () => {
  await server?.close();
});

describe("read-only link expiry", () => {
  it("closes the link's open sockets as soon as it expires", async () => {
    expiresAt = Date.now() + 1500;
    const { status, ws } = await rawSocket(`${server.url}/${planId}?token=expiring-link-token`);
    expect(status).toBe(101);
    const started = Date.now();
    const code = await closeCode(ws!);
    expect(code).toBe(4403);
    // Closed at expiry (well within the 5 s promised), not at the next hourly sweep.
    expect(Date.now() - started).toBeLessThan(5000);
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
  });
});
