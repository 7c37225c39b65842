/**
 * Collaboration benchmark: Planwright's server (persisting every update to PostgreSQL before anyone
 * receives it, auth on upgrade) against three others under the same workloads, in alternating rounds:
 * the reference @y/websocket-server 0.1.1 (in memory, no auth), "reference+commit"
 * (bench/reference-commit.ts: the reference with every message committed to PostgreSQL before it is
 * handled, what persisting before broadcast costs with nothing else), and Hocuspocus 4.7 with its
 * database extension (bench/hocuspocus-server.ts: applies in memory, stores the document's state
 * after a 2 s debounce). Stock clients: y-websocket's provider for the first three, Hocuspocus's own
 * for Hocuspocus. Prints tables and ratios; figures go into docs/benchmarks.md.
 *   npm run bench:collab            (needs PostgreSQL; DATABASE_URL's server or the local one)
 * Each phase is bounded in time. Servers: bench/collab/servers.ts; clients: clients.ts; workloads: workloads.ts.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import * as Y from "yjs";
import { closeDb } from "../db/index";
import { runMigrations } from "../db/migrate";
import { createTestDatabase } from "../db/test-database";
import { appendUpdates, loadDoc } from "../lib/collab/persistence";
import { addTask, sessionCookie, startCollabServer, waitFor } from "../lib/testing/collab-harness";
import { createPlan } from "../lib/services/plans";
import { signUp } from "../lib/services/users";
import { createWorkspace } from "../lib/services/workspaces";
import { connect } from "./collab/clients";
import { startServers, type ServerName, type Target } from "./collab/servers";
import { gc, PHASE_MS, pool, sleep, throughput, workload, type Result, type Scenario } from "./collab/workloads";

// Every Node-side provider adds an exit listener; hundreds of clients are expected here.
process.setMaxListeners(0);
/** Rounds per workload and server (alternating which goes first), pooled. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** BENCH_LATENCY_ONLY=1: only the latency workloads (for comparing settings quickly). */
const LATENCY_ONLY = process.env.BENCH_LATENCY_ONLY === "1";
const WARM_CYCLES = Number(process.env.BENCH_WARM_CYCLES ?? 300);
/** Bytes of V8's code space in use (compiled and optimised functions). */
const codeSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === "code_space")?.space_used_size ?? 0;

// ── main ─────────────────────────────────────────────────────────────────────────────────────────

const f = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : "–");

async function main() {
  const db = await createTestDatabase("pw_bench");
  // Hocuspocus gets a database of its own on the same PostgreSQL server.
  const hocuspocusDb = await createTestDatabase("pw_bench");
  process.env.DATABASE_URL = db.url;
  const lines: string[] = [];
  const log = (s: string) => {
    console.log(s);
    lines.push(s);
  };
  let targets: Target[] = [];
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.once(sig, () => {
      for (const t of targets) t.child.kill("SIGKILL");
      process.exit(1);
    });
  }
  try {
    await runMigrations();
    const user = await signUp({
      name: "Bench",
      email: `bench-${randomUUID()}@example.com`,
      password: "correct horse battery",
    });
    const who = { kind: "user" as const, userId: user.id };
    const ws = await createWorkspace(who, { name: "Bench" });
    const plans: string[] = [];
    for (let i = 0; i < 260; i++) plans.push((await createPlan(who, ws.id, { title: `Bench ${i}` })).id);

    targets = await startServers(db.url, hocuspocusDb.url, user.id);

    log(
      `Collaboration benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${PHASE_MS / 1000} s per phase, ${ROUNDS} rounds per workload and server, load average ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(" / ")}`,
    );
    // Run first, on a quiet heap, so earlier phases leave nothing behind to blur the figure.
    let cyclesLine = "";
    // 1,000 open/close cycles against an in-process server whose documents leave memory at once.
    if (!LATENCY_ONLY) {
      const server = await startCollabServer({ config: { idleUnloadMs: 0, maxConnectionsPerUser: 100_000 } });
      const t: Target = {
        name: "planwright",
        client: "y-websocket",
        child: process as never,
        url: server.url,
        cookie: await sessionCookie(user.id),
        stored: new Set(),
      };
      const cycle = async (i: number) => {
        const c = connect(t, plans[i % 20]!);
        await waitFor(() => c.synced() && c.saved() >= 1, "cycle synced", 10_000);
        c.doc.getMap("cycles").set("n", i);
        await waitFor(() => c.saved() >= 2, "cycle saved", 10_000);
        c.destroy();
      };
      // Warm-up: V8 compiles and optimises the hot paths over the first few hundred cycles (a heap
      // snapshot diff shows that growth is compiled code, not retained objects), so "where it began"
      // is a server that has already served a few hundred cycles.
      for (let i = 0; i < WARM_CYCLES; i++) await cycle(i);
      await waitFor(() => server.collab.openDocuments === 0, "documents unloaded", 20_000);
      gc();
      const start = process.memoryUsage().heapUsed;
      const codeStart = codeSpace();
      const t0 = performance.now();
      for (let i = 0; i < 1000; i++) await cycle(i);
      const took = performance.now() - t0;
      await waitFor(() => server.collab.openDocuments === 0, "documents unloaded", 20_000);
      await sleep(200);
      gc();
      const end = process.memoryUsage().heapUsed;
      const codeEnd = codeSpace();
      const mib = (n: number) => f(n / 1048576, 1);
      cyclesLine =
        `1,000 open/edit/close cycles after ${WARM_CYCLES} to warm up (${f(took / 1000, 1)} s): heap ${mib(start)} MiB → ${mib(end)} MiB (${end >= start ? "+" : ""}${f(((end - start) / start) * 100, 1)}%), ` +
        `of which compiled code ${mib(codeStart)} → ${mib(codeEnd)} MiB; documents in memory afterwards: ${server.collab.openDocuments}`;
      await server.close();
    }
    log("");
    log(
      "| workload | server | p50 ms | p99 ms | updates/s | receipts/s | edit→durable p95 ms | server CPU s | CPU ms per 1,000 receipts | server RSS MiB |",
    );
    log("|---|---|---|---|---|---|---|---|---|---|");
    const scenarios: (Scenario & { plans: () => string[] })[] = [
      { label: "1 client (+1 observer)", plans: () => [plans[0]!], rooms: 1, writers: 1, readers: 1, rate: 100 },
      { label: "10 clients, one plan", plans: () => [plans[1]!], rooms: 1, writers: 10, readers: 0, rate: 20 },
      { label: "50 clients, one plan", plans: () => [plans[2]!], rooms: 1, writers: 50, readers: 0, rate: 4 },
      { label: "200 plans × 2 clients", plans: () => plans.slice(3, 203), rooms: 200, writers: 2, readers: 0, rate: 2 },
      {
        label: "10 editors + 500 viewers, one plan",
        plans: () => [plans[254]!],
        rooms: 1,
        writers: 10,
        readers: 500,
        rate: 2,
      },
    ];
    const ratios: string[] = [];
    // BENCH_WORKLOADS=1,4: only those workloads (numbered as in the table), e.g. to profile one.
    const only = process.env.BENCH_WORKLOADS?.split(",").map(Number);
    for (const [i, s] of scenarios.entries()) {
      if (only && !only.includes(i + 1)) continue;
      // Rounds alternate the order of the servers, so a change in the machine's load during the run
      // falls on all; each server's figures pool the samples of all its rounds.
      const runs = Object.fromEntries(targets.map((t) => [t.name, [] as Result[]])) as Record<ServerName, Result[]>;
      for (let round = 0; round < ROUNDS; round++) {
        for (const t of round % 2 ? [...targets].reverse() : targets) {
          // Rooms are named apart per server so no server sees another's state.
          const rooms = s.plans().map((id) => (t.name === "planwright" ? id : `${t.name}-${id}`));
          runs[t.name].push(await workload(t, rooms, s));
        }
      }
      const r = Object.fromEntries(targets.map((t) => [t.name, pool(runs[t.name])])) as Record<ServerName, Result>;
      const perThousand = (x: Result) => (x.cpu / x.receipts) * 1e6;
      for (const t of targets) {
        const x = r[t.name];
        const durable = x.notDurable ? `${f(x.durableP95)} (${x.notDurable} not stored)` : f(x.durableP95);
        log(
          `| ${s.label} | ${t.name} | ${f(x.p50)} | ${f(x.p99)} | ${f(x.updatesPerSec, 0)} | ${f(x.receiptsPerSec, 0)} | ${durable} | ${f(x.cpu)} | ${f(perThousand(x))} | ${f(x.rss, 0)} |`,
        );
      }
      const pw = r.planwright;
      const perRound = (other: ServerName) => runs.planwright.map((p, i) => f(p.p99 / runs[other][i]!.p99)).join(" · ");
      ratios.push(
        `${s.label}: Planwright p99 ÷ reference+commit ${f(pw.p99 / r["reference+commit"].p99)} (target ≤ 1; per round ${perRound("reference+commit")}); ` +
          `÷ Hocuspocus ${f(pw.p99 / r.hocuspocus.p99)} (≤ 2; per round ${perRound("hocuspocus")}); ` +
          `edit→durable p95 ÷ Hocuspocus ${f(pw.durableP95 / r.hocuspocus.durableP95, 4)} (≤ 0.01); ` +
          `CPU per 1,000 receipts ÷ Hocuspocus ${f(perThousand(pw) / perThousand(r.hocuspocus))} (≤ 1); ` +
          `p99 ÷ reference ${f(pw.p99 / r.reference.p99)}, reference+commit ÷ reference ${f(r["reference+commit"].p99 / r.reference.p99)}`,
      );
    }
    log("");
    log("Ratios:");
    for (const r of ratios) log(`- ${r}`);
    if (LATENCY_ONLY) return;

    const tp = await throughput(targets[0]!, plans.slice(203, 253));
    log("");
    log(
      `Sustained small updates committed to PostgreSQL (50 writers on 50 plans, window 64): ${f(tp.perSec, 0)} updates/s, server RSS ${f(tp.rss, 0)} MiB`,
    );

    // Opening a plan whose log holds 100,000 small updates (no snapshot yet).
    const bigPlan = plans[253]!;
    {
      const doc = new Y.Doc();
      const rows: Uint8Array[] = [];
      doc.on("update", (u: Uint8Array) => rows.push(u));
      const map = doc.getMap<number>("counters");
      for (let i = 0; i < 100_000; i++) map.set(`k${i % 500}`, i);
      for (let i = 0; i < rows.length; i += 5000)
        await appendUpdates(rows.slice(i, i + 5000).map((data) => ({ planId: bigPlan, data })));
      const t0 = performance.now();
      const loaded = await loadDoc(bigPlan);
      const tLoad = performance.now() - t0;
      const c = connect(targets[0]!, bigPlan);
      const t1 = performance.now();
      await waitFor(() => c.synced(), "big plan synced", 120_000);
      const tOpen = performance.now() - t1;
      c.destroy();
      log("");
      log(
        `Open a plan with ${loaded.logRows.toLocaleString("en")} small updates in its log: load snapshot + tail ${f(tLoad, 0)} ms in-process; connect → synced through the server ${f(tOpen, 0)} ms (encoded state ${f(Y.encodeStateAsUpdate(loaded.doc).length / 1024, 1)} KiB)`,
      );
    }

    for (const t of targets) t.child.kill("SIGTERM");
    await sleep(300);
    log("");
    log(cyclesLine);

    // Heap per open document, in-process: documents as the server holds them.
    {
      const docsPlans = plans.slice(0, 100);
      let encoded = 0;
      for (const p of docsPlans) {
        const d = new Y.Doc();
        const rows: Uint8Array[] = [];
        d.on("update", (u: Uint8Array) => rows.push(u));
        for (let i = 0; i < 200; i++)
          addTask(d, randomUUID(), {
            name: `Task number ${i} with a realistic name`,
            start: "2026-01-05",
            end: "2026-02-10",
            order: i,
          });
        await appendUpdates(rows.map((data) => ({ planId: p, data })));
        encoded += Y.encodeStateAsUpdate(d).length;
      }
      gc();
      const before = process.memoryUsage().heapUsed;
      const held: Y.Doc[] = [];
      for (const p of docsPlans) held.push((await loadDoc(p)).doc);
      gc();
      const after = process.memoryUsage().heapUsed;
      log("");
      log(
        `Heap per open document (200 tasks each): ${f((after - before) / held.length / 1024, 0)} KiB in memory vs ${f(encoded / docsPlans.length / 1024, 1)} KiB encoded (${f((after - before) / encoded, 1)}×)`,
      );
      for (const d of held) d.destroy();
    }
  } finally {
    // A CPU profile is written when the server exits: let it shut down first.
    if (process.env.BENCH_SERVER_PROFILE) {
      for (const t of targets) t.child.kill("SIGTERM");
      await sleep(4000);
    }
    for (const t of targets) t.child.kill("SIGKILL");
    await closeDb();
    await db.drop().catch(() => {});
    await hocuspocusDb.drop().catch(() => {});
  }
  if (process.env.BENCH_OUT) fs.writeFileSync(process.env.BENCH_OUT, lines.join("\n") + "\n");
}

await main();
process.exit(0);
