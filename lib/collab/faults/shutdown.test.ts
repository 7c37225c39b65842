/**
 * Graceful shutdown: SIGTERM to one of two instances behind a balancer (sharing the database). It
 * stops accepting, stores every pending write, closes its sockets with 1001; the clients reconnect
 * through the balancer to the other instance and nothing is lost.
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/db/testing";
import { rowsOf } from "@/lib/doc";
import { loadDoc } from "../persistence";
import { addTask, connectClient, twoEditors, waitFor, type TestClient } from "@/lib/testing/collab-harness";
import { startBalancer, type Balancer } from "./balancer";
import { killHard, startStandalone, type Child } from "./child";
import { freePort } from "./throwaway";

useTestDatabase();

const children: Child[] = [];
const clients: TestClient[] = [];
let balancer: Balancer | undefined;
afterAll(async () => {
  for (const c of clients) c.destroy();
  await balancer?.close();
  for (const c of children) if (c.child.exitCode === null) await killHard(c);
});

describe("SIGTERM: graceful shutdown with a second instance behind a balancer", () => {
  it(
    "flushes, closes with 1001, and the clients carry on on the other instance with nothing lost",
    { timeout: 60_000 },
    async () => {
      const { planId, cookieA, cookieB } = await twoEditors("Shutdown");

      const [first, second] = await Promise.all([startStandalone(await freePort()), startStandalone(await freePort())]);
      children.push(first, second);
      balancer = await startBalancer([first.port, second.port]);
      const url = `ws://127.0.0.1:${balancer.port}/collab`;
      const ca = connectClient(url, planId, { cookie: cookieA });
      const cb = connectClient(url, planId, { cookie: cookieB });
      clients.push(ca, cb);
      const closeCodes: number[] = [];
      for (const c of [ca, cb]) c.provider.on("connection-close", (event) => event && closeCodes.push(event.code));
      await waitFor(() => ca.provider.synced && cb.provider.synced, "both synced on the first instance");

      const made: string[] = [];
      let editing = true;
      const loop = (async () => {
        for (let i = 0; editing; i++) {
          for (const c of [ca, cb]) {
            const id = randomUUID();
            made.push(id);
            c.doc.transact(() => addTask(c.doc, id, { name: `edit ${made.length}`, order: i }));
          }
          await new Promise((r) => setTimeout(r, 10));
        }
      })();
      await waitFor(() => made.length > 200, "a stream of edits");

      first.child.kill("SIGTERM");
      expect(await first.exited).toBe(0);
      expect(first.output()).not.toMatch(/could not store|unhandled|TypeError/i);
      // Both sockets were told "going away" (not dropped), so the stock provider reconnects at once.
      expect(closeCodes.length).toBeGreaterThanOrEqual(2);
      expect(closeCodes.every((c) => c === 1001)).toBe(true);

      await waitFor(
        () => ca.provider.synced && cb.provider.synced && ca.provider.wsconnected && cb.provider.wsconnected,
        "both back, on the second instance",
        20_000,
      );
      await new Promise((r) => setTimeout(r, 300));
      editing = false;
      await loop;
      const has = (doc: Parameters<typeof rowsOf>[0]) => made.every((id) => rowsOf(doc, "tasks").has(id));
      await waitFor(() => has(ca.doc) && has(cb.doc), "both clients converge on every edit", 20_000);
      await waitFor(async () => has((await loadDoc(planId)).doc), "every edit stored", 20_000);
      expect(second.child.exitCode).toBe(null);
    },
  );
});
