/**
 * A bounded fuzz run (fixed seed): hostile frames from editor and viewer sockets while two
 * well-behaved editors keep editing. Zero crashes, the good sockets never drop, and the document
 * holds exactly the good editors' changes. `npm run soak` runs 100,000 frames against a server process.
 */
import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import { afterAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/db/testing";
import { rowsOf } from "@/lib/doc";
import { createPlan } from "@/lib/services/plans";
import { setPlanRole } from "@/lib/services/sharing";
import { signUp } from "@/lib/services/users";
import { createWorkspace, inviteMember } from "@/lib/services/workspaces";
import { loadDoc } from "../persistence";
import {
  connectClient,
  editInTurns,
  sessionCookie,
  startCollabServer,
  waitFor,
  type TestClient,
  type TestServer,
} from "@/lib/testing/collab-harness";
import { runFuzz } from "./run";

useTestDatabase();

const FRAMES = Number(process.env.FUZZ_FRAMES ?? 4000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261121);

let server: TestServer | undefined;
const clients: TestClient[] = [];
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
});

async function member(owner: { kind: "user"; userId: string }, workspaceId: string, name: string) {
  const email = `${name.toLowerCase()}-${randomUUID()}@example.com`;
  const u = await signUp({ name, email, password: "correct horse battery" });
  await inviteMember(owner, workspaceId, { email, role: "member" });
  return u;
}

describe("websocket fuzzing (raw frames after a real upgrade)", () => {
  it(
    `survives ${FRAMES} hostile frames while two editors keep editing and converging`,
    { timeout: 120_000 },
    async () => {
      const ann = await signUp({
        name: "Ann",
        email: `ann-${randomUUID()}@example.com`,
        password: "correct horse battery",
      });
      const owner = { kind: "user" as const, userId: ann.id };
      const ws = await createWorkspace(owner, { name: "Fuzz" });
      const bob = await member(owner, ws.id, "Bob");
      const mal = await member(owner, ws.id, "Mal");
      const vic = await member(owner, ws.id, "Vic");
      const planId = (await createPlan(owner, ws.id, { title: "Fuzzed" })).id;
      await setPlanRole(owner, planId, vic.id, { role: "viewer" });

      // One log line per refused socket: thousands here, and not what this test reads.
      vi.spyOn(console, "warn").mockImplementation(() => {});
      server = await startCollabServer({
        config: { maxConnectionsPerUser: 100_000, maxConnectionsPerPlan: 100_000, maxMessageBytes: 1024 * 1024 },
      });
      const a = connectClient(server.url, planId, { cookie: await sessionCookie(ann.id) });
      const b = connectClient(server.url, planId, { cookie: await sessionCookie(bob.id) });
      clients.push(a, b);
      await waitFor(() => a.provider.synced && b.provider.synced, "good editors synced");
      const good = editInTurns(a, b, 40);
      const made = good.made;

      const stats = await runFuzz({
        port: server.port,
        path: `/collab/${planId}`,
        cookies: [await sessionCookie(mal.id), await sessionCookie(vic.id)],
        frames: FRAMES,
        seed: SEED,
        concurrency: 8,
        closeWaitMs: 150,
      });
      await good.stop();

      expect(stats.frames).toBe(FRAMES);
      expect(stats.refusedUpgrades).toEqual({});
      // Broken messages get 4400, broken frames ws's 1002/1007, oversized ones 1009.
      for (const code of ["4400", "1002", "1009"]) expect(stats.closes[code] ?? 0).toBeGreaterThan(0);

      const has = (doc: Y.Doc) => made.every((id) => rowsOf(doc, "tasks").has(id));
      await waitFor(() => has(a.doc) && has(b.doc), "the good editors converge", 20_000);
      expect(good.drops()).toBe(0);
      const live = server.collab.docOf(planId)!;
      expect(rowsOf(live, "tasks").size).toBe(made.length);
      // Nothing but the two good editors ever wrote to the document.
      const writers = [...Y.decodeStateVector(Y.encodeStateVector(live)).keys()].sort();
      expect(writers).toEqual([a.doc.clientID, b.doc.clientID].sort());
      await waitFor(async () => has((await loadDoc(planId)).doc), "every good edit stored");
      const stored = (await loadDoc(planId)).doc;
      expect(rowsOf(stored, "tasks").size).toBe(made.length);

      // The server still takes new clients.
      const late = connectClient(server.url, planId, { cookie: await sessionCookie(bob.id) });
      clients.push(late);
      await waitFor(() => late.provider.synced && has(late.doc), "a new client syncs after the fuzzing");
      console.log(
        `[fuzz] ${stats.frames} frames on ${stats.sockets} sockets; closes ${JSON.stringify(stats.closes)}; ${made.length} good edits`,
      );
    },
  );
});
