/**
 * The fuzz suite at length (`npm run soak`): FUZZ_FRAMES hostile frames (100,000 by default) against a
 * standalone server process while two well-behaved editors keep editing. Passes when the process never
 * exits, the editors never lose their sockets, converge, and are the document's only writers.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { closeDb } from "../db/index";
import { runMigrations } from "../db/migrate";
import { createTestDatabase } from "../db/test-database";
import { rowsOf } from "../lib/doc";
import { killHard, startStandalone } from "../lib/collab/faults/child";
import { freePort } from "../lib/collab/faults/throwaway";
import { runFuzz } from "../lib/collab/fuzz/run";
import { loadDoc } from "../lib/collab/persistence";
import { connectClient, editInTurns, sessionCookie, waitFor, type TestClient } from "../lib/testing/collab-harness";
import { createPlan } from "../lib/services/plans";
import { setPlanRole } from "../lib/services/sharing";
import { signUp } from "../lib/services/users";
import { createWorkspace, inviteMember } from "../lib/services/workspaces";

process.setMaxListeners(0);
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 100_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261121);

async function main() {
  const db = await createTestDatabase("pw_bench");
  process.env.DATABASE_URL = db.url;
  let server: Awaited<ReturnType<typeof startStandalone>> | undefined;
  const clients: TestClient[] = [];
  let ok = false;
  try {
    await runMigrations();
    const ann = await signUp({
      name: "Ann",
      email: `ann-${randomUUID()}@example.com`,
      password: "correct horse battery",
    });
    const owner = { kind: "user" as const, userId: ann.id };
    const ws = await createWorkspace(owner, { name: "Fuzz soak" });
    const users: Record<string, string> = {};
    for (const name of ["Bob", "Mal", "Vic"]) {
      const email = `${name.toLowerCase()}-${randomUUID()}@example.com`;
      users[name] = (await signUp({ name, email, password: "correct horse battery" })).id;
      await inviteMember(owner, ws.id, { email, role: "member" });
    }
    const planId = (await createPlan(owner, ws.id, { title: "Fuzzed" })).id;
    await setPlanRole(owner, planId, users.Vic!, { role: "viewer" });

    server = await startStandalone(await freePort(), { COLLAB_MAX_MESSAGE_BYTES: String(1024 * 1024) });
    const url = `ws://127.0.0.1:${server.port}/collab`;
    const a = connectClient(url, planId, { cookie: await sessionCookie(ann.id) });
    const b = connectClient(url, planId, { cookie: await sessionCookie(users.Bob!) });
    clients.push(a, b);
    await waitFor(() => a.provider.synced && b.provider.synced, "good editors synced", 30_000);
    // One edit a second: the document (which every sync step 1 among the frames is answered
    // with in full) stays small enough that the run measures the fuzzing, not its growth.
    const good = editInTurns(a, b, 1000);
    const made = good.made;

    const t0 = performance.now();
    const progress = setInterval(
      () =>
        console.log(
          `  … ${((performance.now() - t0) / 1000).toFixed(0)} s, server alive: ${server!.child.exitCode === null}`,
        ),
      60_000,
    );
    const stats = await runFuzz({
      port: server.port,
      path: `/collab/${planId}`,
      cookies: [await sessionCookie(users.Mal!), await sessionCookie(users.Vic!)],
      frames: FRAMES,
      seed: SEED,
      concurrency: 12,
      closeWaitMs: 150,
    });
    clearInterval(progress);
    const seconds = (performance.now() - t0) / 1000;
    await good.stop();
    const alive = server.child.exitCode === null;
    const has = (doc: Y.Doc) => made.every((id) => rowsOf(doc, "tasks").has(id));
    await waitFor(() => has(a.doc) && has(b.doc), "good editors converge", 30_000);
    const stored = (await loadDoc(planId)).doc;
    const writers = [...Y.decodeStateVector(Y.encodeStateVector(stored)).keys()].sort();
    const onlyGood = JSON.stringify(writers) === JSON.stringify([a.doc.clientID, b.doc.clientID].sort());
    console.log(`Fuzz soak — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, seed ${SEED}`);
    console.log(
      `${stats.frames} frames on ${stats.sockets} sockets in ${seconds.toFixed(0)} s (${(stats.frames / seconds).toFixed(0)} frames/s)`,
    );
    console.log(`closes: ${JSON.stringify(stats.closes)}; refused upgrades: ${JSON.stringify(stats.refusedUpgrades)}`);
    console.log(
      `server process alive: ${alive}; good editors' dropped sockets: ${good.drops()}; good edits ${made.length}, all converged and stored: ${has(stored)}; only the good editors wrote: ${onlyGood}`,
    );
    ok = alive && good.drops() === 0 && has(stored) && onlyGood && stats.frames === FRAMES;
  } finally {
    for (const c of clients) c.destroy();
    if (server && server.child.exitCode === null) await killHard(server);
    await closeDb();
    await db.drop().catch(() => {});
  }
  process.exit(ok ? 0 : 1);
}

await main();
