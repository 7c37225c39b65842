/**
 * kill -9 of a real server process during continuous edits by two clients, repeated: after each
 * crash every edit either client had seen is in the store, and after each restart the clients carry
 * on and finally converge on everything. (`npm run soak` repeats it 100 times.)
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/db/testing";
import { rowsOf } from "@/lib/doc";
import { loadDoc } from "../persistence";
import { addTask, connectClient, twoEditors, waitFor, type TestClient } from "@/lib/testing/collab-harness";
import { killHard, startStandalone, type Child } from "./child";
import { freePort } from "./throwaway";

useTestDatabase();

const CRASHES = Number(process.env.CRASH_CYCLES ?? 20);
let current: Child | undefined;
const clients: TestClient[] = [];
afterAll(async () => {
  for (const c of clients) c.destroy();
  if (current) await killHard(current);
});

describe("kill -9 during continuous edits, repeated", () => {
  it(
    `loses nothing any client saw across ${CRASHES} crashes, and the clients converge`,
    { timeout: Math.max(300_000, CRASHES * 20_000) },
    async () => {
      const { planId, cookieA, cookieB } = await twoEditors("Crash loop");

      const port = await freePort();
      current = await startStandalone(port);
      const url = `ws://127.0.0.1:${port}/collab`;
      const ca = connectClient(url, planId, { cookie: cookieA });
      const cb = connectClient(url, planId, { cookie: cookieB });
      clients.push(ca, cb);

      const made = { a: [] as string[], b: [] as string[] };
      let editing = true;
      const loop = (async () => {
        for (let i = 0; editing; i++) {
          for (const [c, mine, who] of [
            [ca, made.a, "a"],
            [cb, made.b, "b"],
          ] as const) {
            const id = randomUUID();
            mine.push(id);
            c.doc.transact(() => addTask(c.doc, id, { name: `${who}${mine.length}`, order: i }));
          }
          await new Promise((r) => setTimeout(r, 40));
        }
      })();

      let checked = 0;
      for (let crash = 0; crash < CRASHES; crash++) {
        await waitFor(
          () => ca.provider.synced && cb.provider.synced && ca.saved() > 0 && cb.saved() > 0,
          `both clients back (cycle ${crash})`,
          20_000,
        );
        // Let edits flow through this server for a moment: acks advance on both sides.
        const [sa, sb] = [ca.saved(), cb.saved()];
        await waitFor(() => ca.saved() > sa + 3 && cb.saved() > sb + 3, `edits flowing (cycle ${crash})`, 20_000);
        await killHard(current);
        current = undefined;
        // What each client had received from the other before the crash must all be stored.
        const seen = [
          ...made.b.filter((id) => rowsOf(ca.doc, "tasks").has(id)),
          ...made.a.filter((id) => rowsOf(cb.doc, "tasks").has(id)),
        ];
        const stored = rowsOf((await loadDoc(planId)).doc, "tasks");
        expect(
          seen.filter((id) => !stored.has(id)),
          `cycle ${crash}`,
        ).toEqual([]);
        checked += seen.length;
        current = await startStandalone(port);
      }
      editing = false;
      await loop;

      const all = [...made.a, ...made.b];
      const has = (doc: Parameters<typeof rowsOf>[0]) => all.every((id) => rowsOf(doc, "tasks").has(id));
      await waitFor(() => has(ca.doc) && has(cb.doc), "both clients converge on every edit", 30_000);
      await waitFor(async () => has((await loadDoc(planId)).doc), "every edit stored", 20_000);
      expect(checked).toBeGreaterThan(CRASHES * 5);
      console.log(`[crash] ${CRASHES} crashes, ${all.length} edits, ${checked} seen-by-the-other checks`);
    },
  );
});
