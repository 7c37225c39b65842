/**
 * Redis killed and restarted under two instances (a throwaway redis-server): each instance keeps
 * serving its own clients, reports the fault in metrics, and relays again once Redis is back, with
 * whatever was missed meanwhile read from the store.
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/db/testing";
import { rowsOf } from "@/lib/doc";
import { createPlan } from "@/lib/services/plans";
import { processMetrics } from "@/lib/metrics";
import {
  addTask,
  connectClient,
  startCollabServer,
  twoEditors,
  waitFor,
  type TestClient,
  type TestServer,
} from "@/lib/testing/collab-harness";
import { startThrowawayRedis, type ThrowawayRedis } from "./throwaway";

useTestDatabase();

let redis: ThrowawayRedis | undefined;
const servers: TestServer[] = [];
const clients: TestClient[] = [];
afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const s of servers) await s.close().catch(() => {});
  await redis?.destroy();
});

const relayUp = async () => (await processMetrics().relayUp.get()).values[0]?.value;
const has = (c: TestClient, ids: string[]) => ids.every((id) => rowsOf(c.doc, "tasks").has(id));

describe("Redis down under two instances (a throwaway redis-server)", () => {
  it(
    "serves each instance's own clients during the outage and relays again afterwards",
    { timeout: 60_000 },
    async () => {
      redis = await startThrowawayRedis();
      const { owner, workspaceId, planId, cookieA, cookieB } = await twoEditors("Relay outage");
      const otherPlan = (await createPlan(owner, workspaceId, { title: "Opened during the outage" })).id;

      const one = await startCollabServer({ redisUrl: redis.url });
      const two = await startCollabServer({ redisUrl: redis.url });
      servers.push(one, two);
      const a1 = connectClient(one.url, planId, { cookie: cookieA });
      const a2 = connectClient(one.url, planId, { cookie: cookieB });
      const b1 = connectClient(two.url, planId, { cookie: cookieB });
      clients.push(a1, a2, b1);
      await waitFor(() => [a1, a2, b1].every((c) => c.provider.synced), "all synced");
      const add = (c: TestClient, name: string) => {
        const id = randomUUID();
        c.doc.transact(() => addTask(c.doc, id, { name }));
        return id;
      };
      const before = [add(a1, "before 1"), add(b1, "before 2")];
      await waitFor(() => [a1, a2, b1].every((c) => has(c, before)), "relayed before the outage");
      expect(await relayUp()).toBe(1);

      await redis.kill();
      await waitFor(async () => (await relayUp()) === 0, "the relay reported down");
      await new Promise((r) => setTimeout(r, 1000)); // a few failed reconnect attempts
      const savedA = a1.saved();
      const duringOne = [add(a1, "during, instance one"), add(a2, "during, instance one too")];
      const duringTwo = [add(b1, "during, instance two")];
      // Same instance: still live, still stored and acknowledged.
      await waitFor(() => has(a1, duringOne) && has(a2, duringOne), "instance one serves its own clients");
      await waitFor(() => a1.saved() > savedA && has(b1, duringTwo), "writes stored during the outage");
      // A plan opened during the outage still loads (the subscription waits for Redis, the socket does not).
      const late = connectClient(one.url, otherPlan, { cookie: cookieA });
      clients.push(late);
      await waitFor(() => late.provider.synced, "a plan opened during the outage syncs");
      expect(has(b1, duringOne)).toBe(false);

      await redis.start();
      await waitFor(async () => (await relayUp()) === 1, "the relay reported back", 20_000);
      const all = [...before, ...duringOne, ...duringTwo];
      await waitFor(
        () => [a1, a2, b1].every((c) => has(c, all)),
        "what was missed is caught up from the store",
        20_000,
      );
      const after = [add(b1, "after, relayed live"), add(a2, "after, the other way")];
      await waitFor(() => [a1, a2, b1].every((c) => has(c, after)), "relaying again", 20_000);
      expect(Number((await processMetrics().relayOutages.get()).values[0]?.value)).toBeGreaterThan(0);
    },
  );
});
