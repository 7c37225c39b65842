/**
 * PostgreSQL stopped (immediate mode, like a crash) and started again mid-session, on a throwaway
 * cluster of our own: the collaboration server keeps its sockets, holds and retries the writes,
 * acknowledges nothing it has not stored, and catches up when the database returns.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db";
import { runMigrations } from "@/db/migrate";
import { rowsOf } from "@/lib/doc";
import { createPlan } from "@/lib/services/plans";
import { signUp } from "@/lib/services/users";
import { createWorkspace } from "@/lib/services/workspaces";
import { processMetrics } from "@/lib/metrics";
import { loadDoc } from "../persistence";
import {
  addTask,
  connectClient,
  sessionCookie,
  startCollabServer,
  twoEditors,
  waitFor,
  type TestClient,
  type TestServer,
} from "@/lib/testing/collab-harness";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./throwaway";

let pg: ThrowawayPostgres;
let server: TestServer | undefined;
const clients: TestClient[] = [];
const original = process.env.DATABASE_URL;

beforeAll(async () => {
  pg = await startThrowawayPostgres();
  process.env.DATABASE_URL = pg.url;
  await closeDb();
  await runMigrations();
}, 60_000);

afterAll(async () => {
  const settle = (p: Promise<unknown> | undefined) =>
    Promise.race([p?.catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
  try {
    for (const c of clients) c.destroy();
    // Bounded: a server still retrying held writes must not keep the throwaway cluster alive.
    await settle(server?.close());
    await settle(closeDb());
  } finally {
    pg?.destroy();
    process.env.DATABASE_URL = original;
  }
});

const gauge = async (g: { get: () => Promise<{ values: { value: number }[] }> }) =>
  (await g.get()).values[0]?.value ?? NaN;

describe("PostgreSQL restarted mid-session (a throwaway cluster)", () => {
  it(
    "keeps the sockets, never acknowledges an unstored write, and stores everything once the database is back",
    { timeout: 90_000 },
    async () => {
      const { planId, cookieA, cookieB } = await twoEditors("Outage");

      server = await startCollabServer({ config: { projectionDebounceMs: 20 } });
      const ca = connectClient(server.url, planId, { cookie: cookieA });
      const cb = connectClient(server.url, planId, { cookie: cookieB });
      clients.push(ca, cb);
      await waitFor(() => ca.provider.synced && cb.provider.synced, "both synced");

      const made: string[] = [];
      const edit = (c: TestClient, who: string) => {
        const id = randomUUID();
        made.push(id);
        c.doc.transact(() => addTask(c.doc, id, { name: `${who}${made.length}`, order: made.length }));
      };
      for (let i = 0; i < 5; i++) {
        edit(ca, "a");
        edit(cb, "b");
      }
      await waitFor(
        () => made.every((id) => rowsOf(ca.doc, "tasks").has(id) && rowsOf(cb.doc, "tasks").has(id)),
        "converged before the outage",
      );
      // Every write so far acknowledged: the counts stop moving.
      let last = "";
      await waitFor(() => {
        const now = `${ca.saved()}/${cb.saved()}`;
        const still = now === last;
        last = now;
        return still && ca.saved() > 0;
      }, "acks settled");
      const savedBefore = { a: ca.saved(), b: cb.saved() };

      pg.stop();
      const during: string[] = [];
      for (let i = 0; i < 10; i++) {
        edit(ca, "a");
        edit(cb, "b");
        during.push(made.at(-1)!, made.at(-2)!);
        await new Promise((r) => setTimeout(r, 100));
      }
      await waitFor(async () => (await gauge(processMetrics().storeUp)) === 0, "the store reported down");
      await new Promise((r) => setTimeout(r, 1500));

      // Still connected, told their edits cannot be saved for now, nothing falsely "saved", nothing
      // unstored shown to the other editor.
      expect(ca.provider.wsconnected && cb.provider.wsconnected).toBe(true);
      expect([ca.storeUp(), cb.storeUp()]).toEqual([false, false]);
      expect({ a: ca.saved(), b: cb.saved() }).toEqual(savedBefore);
      expect(await gauge(processMetrics().pendingWrites)).toBeGreaterThan(0);
      const bFromA = during.filter((id) => rowsOf(cb.doc, "tasks").has(id) && !made.slice(0, 10).includes(id));
      const aEdits = during.filter((_, i) => i % 2 === 1); // made by a: pushed second-to-last
      expect(bFromA.filter((id) => aEdits.includes(id))).toEqual([]);

      pg.start();
      await waitFor(
        () => ca.saved() >= savedBefore.a + 10 && cb.saved() >= savedBefore.b + 10,
        "held writes acknowledged",
        30_000,
      );
      await waitFor(() => ca.storeUp() && cb.storeUp(), "editors told the store is back");
      expect(ca.provider.wsconnected && cb.provider.wsconnected).toBe(true);
      await waitFor(
        () => made.every((id) => rowsOf(ca.doc, "tasks").has(id) && rowsOf(cb.doc, "tasks").has(id)),
        "both clients converge",
        15_000,
      );
      const stored = await loadDoc(planId);
      expect(made.filter((id) => !rowsOf(stored.doc, "tasks").has(id))).toEqual([]);
      expect(await gauge(processMetrics().storeUp)).toBe(1);
      expect(await gauge(processMetrics().pendingWrites)).toBe(0);
      expect(await gauge(processMetrics().storeRetries as never)).toBeGreaterThan(0);
    },
  );

  it(
    "past the bound on held bytes, closes the sender with 1011 (the last resort) and loses nothing",
    { timeout: 90_000 },
    async () => {
      await server?.close();
      server = await startCollabServer({ config: { maxPendingBytes: 4096 } });
      const a = await signUp({
        name: "Cy",
        email: `cy-${randomUUID()}@example.com`,
        password: "correct horse battery",
      });
      const ws = await createWorkspace({ kind: "user", userId: a.id }, { name: "Bound" });
      const planId = (await createPlan({ kind: "user", userId: a.id }, ws.id, { title: "Bound" })).id;
      const c = connectClient(server.url, planId, { cookie: await sessionCookie(a.id) });
      clients.push(c);
      await waitFor(() => c.provider.synced, "synced");
      const codes: number[] = [];
      c.provider.on("connection-close", (e) => e && codes.push(e.code));

      pg.stop();
      const made: string[] = [];
      for (let i = 0; i < 40; i++) {
        const id = randomUUID();
        made.push(id);
        // ~250 bytes each: the 4 KiB bound is passed after about sixteen.
        c.doc.transact(() => addTask(c.doc, id, { name: `held ${i} ${"x".repeat(180)}` }));
        await new Promise((r) => setTimeout(r, 20));
      }
      await waitFor(() => codes.includes(1011), "the sender was closed with 1011");
      // Bounded: at most the bound, plus one write taken when nothing else waited.
      expect(await gauge(processMetrics().pendingBytes)).toBeLessThanOrEqual(4096 + 1024);

      pg.start();
      // The provider reconnects once upgrades work again and re-sends everything through sync.
      await waitFor(
        async () => {
          const stored = (await loadDoc(planId)).doc;
          return made.every((id) => rowsOf(stored, "tasks").has(id));
        },
        "re-sent after the reconnect and stored",
        30_000,
      );
    },
  );
});
