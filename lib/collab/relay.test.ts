import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/db/testing";
import { rowsOf } from "@/lib/doc";
import {
  tasksIn,
  addTask,
  connectClient,
  startCollabServer,
  twoEditors,
  waitFor,
  type TestClient,
  type TestServer,
} from "@/lib/testing/collab-harness";

useTestDatabase();

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const servers: TestServer[] = [];
const clients: TestClient[] = [];
afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const s of servers) await s.close().catch(() => {});
});

const names = (c: TestClient) =>
  tasksIn(c.doc)
    .map((t) => t.name)
    .sort();

describe("two instances behind Redis (real Redis, real PostgreSQL)", () => {
  it("converge through the relay, share presence, and a restarted instance rejoins", { timeout: 60_000 }, async () => {
    const { planId, cookieA, cookieB } = await twoEditors("Relay test");

    const one = await startCollabServer({ redisUrl: REDIS_URL });
    let two = await startCollabServer({ redisUrl: REDIS_URL });
    servers.push(one, two);
    const ca = connectClient(one.url, planId, { cookie: cookieA });
    const cb = connectClient(two.url, planId, { cookie: cookieB });
    clients.push(ca, cb);
    await waitFor(() => ca.provider.synced && cb.provider.synced, "both synced");

    ca.awareness().setLocalStateField("user", { name: "Ann", color: "#f00" });
    cb.awareness().setLocalStateField("user", { name: "Bob", color: "#00f" });
    for (let i = 0; i < 20; i++) {
      ca.doc.transact(() => addTask(ca.doc, randomUUID(), { name: `a${i}` }));
      cb.doc.transact(() => addTask(cb.doc, randomUUID(), { name: `b${i}` }));
    }
    await waitFor(
      () => rowsOf(ca.doc, "tasks").size === 40 && rowsOf(cb.doc, "tasks").size === 40,
      "converged across instances",
    );
    expect(names(ca)).toEqual(names(cb));
    const peerNames = (c: TestClient) =>
      [...c.awareness().getStates().values()]
        .map((s) => (s.user as { name?: string } | undefined)?.name)
        .filter(Boolean)
        .sort();
    await waitFor(
      () => peerNames(ca).join() === "Ann,Bob" && peerNames(cb).join() === "Ann,Bob",
      "presence across instances",
    );

    // Restart instance two on the same port: its client reconnects and both carry on.
    const port = two.port;
    await two.close();
    servers.splice(servers.indexOf(two), 1);
    ca.doc.transact(() => addTask(ca.doc, randomUUID(), { name: "while two was down" }));
    two = await startCollabServer({ redisUrl: REDIS_URL, port });
    servers.push(two);
    await waitFor(() => cb.provider.synced && rowsOf(cb.doc, "tasks").size === 41, "rejoined and caught up", 20_000);
    cb.doc.transact(() => addTask(cb.doc, randomUUID(), { name: "after restart" }));
    await waitFor(() => rowsOf(ca.doc, "tasks").size === 42, "relay works after the restart");
    expect(names(ca)).toEqual(names(cb));
  });
});
