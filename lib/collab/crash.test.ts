import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/db/testing";
import { rowsOf } from "@/lib/doc";
import { loadDoc } from "./persistence";
import {
  addTask,
  connectClient,
  TEST_SECRET,
  twoEditors,
  waitFor,
  type TestClient,
} from "@/lib/testing/collab-harness";

useTestDatabase();

/** The collaboration server as a separate process, so it can be killed for real. */
function startChild(port: number): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./lib/node/register.mjs", "lib/collab/standalone.ts"],
    {
      env: { ...process.env, PORT: String(port), AUTH_SECRET: TEST_SECRET, NODE_ENV: "test", REDIS_URL: "" },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /collab listening on (\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.once("exit", (code) => reject(new Error(`collab server exited early (${code}): ${out}`)));
  });
}

const children: ChildProcess[] = [];
const clients: TestClient[] = [];
afterAll(() => {
  for (const c of clients) c.destroy();
  for (const c of children) c.kill("SIGKILL");
});

describe("crash safety (kill -9 of a real server process)", () => {
  it("loses nothing any client saw, and unsent edits arrive after the restart", { timeout: 90_000 }, async () => {
    const { planId, cookieA, cookieB } = await twoEditors("Crash test");

    const first = await startChild(0);
    children.push(first.child);
    const url = `ws://127.0.0.1:${first.port}/collab`;
    const ca = connectClient(url, planId, { cookie: cookieA });
    const cb = connectClient(url, planId, { cookie: cookieB });
    clients.push(ca, cb);
    await waitFor(() => ca.provider.synced && cb.provider.synced, "both synced");

    const made = { a: [] as string[], b: [] as string[] };
    const edit = (c: TestClient, mine: string[], who: string) => {
      const id = randomUUID();
      mine.push(id);
      c.doc.transact(() => addTask(c.doc, id, { name: `${who}${mine.length}`, order: mine.length }), "local");
    };
    let editing = true;
    const loop = (async () => {
      while (editing) {
        edit(ca, made.a, "a");
        edit(cb, made.b, "b");
        await new Promise((r) => setTimeout(r, 3));
      }
    })();
    await waitFor(() => rowsOf(ca.doc, "tasks").size > 200, "a stream of edits", 20_000);

    first.child.kill("SIGKILL");
    await new Promise((r) => first.child.once("exit", r));
    // What each client had received from the other before the crash.
    const seenByA = made.b.filter((id) => rowsOf(ca.doc, "tasks").has(id));
    const seenByB = made.a.filter((id) => rowsOf(cb.doc, "tasks").has(id));
    expect(seenByA.length + seenByB.length).toBeGreaterThan(50);

    const stored = await loadDoc(planId);
    const missing = [...seenByA, ...seenByB].filter((id) => !rowsOf(stored.doc, "tasks").has(id));
    expect(missing).toEqual([]);

    // Keep editing while the server is down, then bring it back on the same port.
    await new Promise((r) => setTimeout(r, 300));
    editing = false;
    await loop;
    const second = await startChild(first.port);
    children.push(second.child);

    const all = [...made.a, ...made.b];
    await waitFor(
      () => all.every((id) => rowsOf(ca.doc, "tasks").has(id) && rowsOf(cb.doc, "tasks").has(id)),
      "both clients converge on every edit",
      30_000,
    );
    await waitFor(
      async () => {
        const now = await loadDoc(planId);
        return all.every((id) => rowsOf(now.doc, "tasks").has(id));
      },
      "every edit stored",
      15_000,
    );
    second.child.kill("SIGTERM");
  });
});
