/**
 * Collaboration benchmark: Planwright's server (persisting every update to PostgreSQL, auth on
 * upgrade) against the reference @y/websocket-server 0.1.1 (in memory, no auth), same workload,
 * same stock y-websocket clients. A third server, "reference+commit" (bench/reference-commit.ts), is
 * the reference with every message committed to PostgreSQL before it is handled: what persisting
 * before broadcast costs with nothing else. Prints a table; figures go into docs/benchmarks.md.
 *   npm run bench:collab            (needs PostgreSQL; DATABASE_URL's server or the local one)
 * Each phase is bounded in time; the whole run takes a few minutes on 2 cores.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import * as decoding from "lib0/decoding";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { closeDb } from "../db/index";
import { runMigrations } from "../db/migrate";
import { createTestDatabase } from "../db/test-database";
import { appendUpdates, loadDoc } from "../lib/collab/persistence";
import { MSG_SAVED } from "../lib/collab/protocol";
import {
  addTask,
  recordLatencies,
  sessionCookie,
  socketWithCookie,
  startCollabServer,
  TEST_SECRET,
  waitFor,
} from "../lib/testing/collab-harness";
import { createPlan } from "../lib/services/plans";
import { signUp } from "../lib/services/users";
import { createWorkspace } from "../lib/services/workspaces";

v8.setFlagsFromString("--expose-gc");
// Every Node-side WebsocketProvider adds an exit listener; hundreds of clients are expected here.
process.setMaxListeners(0);
const gc = vm.runInNewContext("gc") as () => void;
const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 5000);
/** Rounds per workload and server (alternating which goes first), pooled. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** BENCH_LATENCY_ONLY=1: only the latency workloads (for comparing settings quickly). */
const LATENCY_ONLY = process.env.BENCH_LATENCY_ONLY === "1";
const WARM_CYCLES = Number(process.env.BENCH_WARM_CYCLES ?? 300);
/** Bytes of V8's code space in use (compiled and optimised functions). */
const codeSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === "code_space")?.space_used_size ?? 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ── servers under test (child processes, so their RSS is their own) ─────────────────────────────

type Target = {
  name: "planwright" | "reference" | "reference+commit";
  child: ChildProcess;
  url: string;
  cookie?: string;
};

function spawnServer(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const m = ready.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

const rssMiB = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
};

// ── clients ──────────────────────────────────────────────────────────────────────────────────────

type Client = { provider: WebsocketProvider; doc: Y.Doc; saved: () => number; key: string };

function connect(t: Target, room: string, onSaved?: (n: number) => void): Client {
  const doc = new Y.Doc();
  let saved = 0;
  const provider = new WebsocketProvider(t.url, room, doc, {
    WebSocketPolyfill: socketWithCookie(t.cookie) as never,
    disableBc: true,
    maxBackoffTime: 1000,
  });
  provider.messageHandlers[MSG_SAVED] = (_e, d: decoding.Decoder) => {
    saved = decoding.readVarUint(d);
    onSaved?.(saved);
  };
  return { provider, doc, saved: () => saved, key: randomUUID().slice(0, 8) };
}

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

type Result = {
  p50: number;
  p99: number;
  updatesPerSec: number;
  receiptsPerSec: number;
  rss: number;
  savedP95: number;
  samples: number;
  latencies: number[];
  saved: number[];
};

/** Several rounds of one workload on one server, pooled: every latency sample of every round. */
function pool(rounds: Result[]): Result {
  const latencies = rounds.flatMap((r) => r.latencies);
  const saved = rounds.flatMap((r) => r.saved);
  const mean = (k: "updatesPerSec" | "receiptsPerSec") => rounds.reduce((s, r) => s + r[k], 0) / rounds.length;
  return {
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    updatesPerSec: mean("updatesPerSec"),
    receiptsPerSec: mean("receiptsPerSec"),
    rss: Math.max(...rounds.map((r) => r.rss)),
    savedP95: pct(saved, 95),
    samples: latencies.length,
    latencies,
    saved,
  };
}

/**
 * `groups` rooms with `perRoom` writers each (plus one silent observer when a room has a single
 * writer); every writer sets its own key to {t: send time} at `rate` per second for PHASE_MS.
 * Latency = receipt time at each other peer − send time (one process, one clock).
 */
async function workload(t: Target, rooms: string[], perRoom: number, rate: number): Promise<Result> {
  const latencies: number[] = [];
  const savedLat: number[] = [];
  let sentTotal = 0;
  let measuring = false;
  const clients: Client[] = [];
  const writers: { c: Client; base: number; pending: Map<number, number>; seq: number }[] = [];
  for (const room of rooms) {
    const n = perRoom === 1 ? 2 : perRoom;
    for (let i = 0; i < n; i++) {
      const w = { c: null as unknown as Client, base: 0, pending: new Map<number, number>(), seq: 0 };
      const c = connect(t, room, (acked) => {
        for (const [seq, at] of w.pending)
          if (seq <= acked) {
            if (measuring) savedLat.push(performance.now() - at);
            w.pending.delete(seq);
          }
      });
      w.c = c;
      clients.push(c);
      recordLatencies(c.doc.getMap<{ t: number }>("bench"), latencies, () => measuring);
      if (i < perRoom) writers.push(w);
    }
  }
  await waitFor(() => clients.every((c) => c.provider.synced), "all clients synced", 60_000);
  if (t.name === "planwright") {
    await waitFor(() => writers.every((w) => w.c.saved() >= 1), "initial acks", 30_000);
    for (const w of writers) w.base = w.c.saved();
  }
  await sleep(300);
  gc();
  let rss = rssMiB(t.child.pid!);
  measuring = true;
  const started = performance.now();
  const interval = 1000 / rate;
  // Writers are staggered across the interval so load is even, not in bursts.
  const timers = writers.map((w, i) =>
    setTimeout(
      () => {
        const send = () => {
          const map = w.c.doc.getMap<{ t: number }>("bench");
          const at = performance.now();
          map.set(w.c.key, { t: at });
          w.seq++;
          w.pending.set(w.base + w.seq, at);
          sentTotal++;
        };
        send();
        timers2.push(setInterval(send, interval));
      },
      (i * interval) / writers.length,
    ),
  );
  const timers2: NodeJS.Timeout[] = [];
  const sampler = setInterval(() => (rss = Math.max(rss, rssMiB(t.child.pid!))), 250);
  await sleep(PHASE_MS);
  for (const x of timers) clearTimeout(x);
  for (const x of timers2) clearInterval(x);
  const elapsed = (performance.now() - started) / 1000;
  await sleep(500); // let the tail arrive
  measuring = false;
  clearInterval(sampler);
  const receipts = latencies.length;
  for (const c of clients) c.provider.destroy();
  for (const c of clients) c.doc.destroy();
  return {
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    updatesPerSec: sentTotal / elapsed,
    receiptsPerSec: receipts / elapsed,
    rss,
    savedP95: pct(savedLat, 95),
    samples: receipts,
    latencies,
    saved: savedLat,
  };
}

/** As many small updates as PostgreSQL takes: writers keep a window of unacknowledged updates open. */
async function throughput(t: Target, rooms: string[], window = 64): Promise<{ perSec: number; rss: number }> {
  const clients = rooms.map((r) => connect(t, r));
  await waitFor(() => clients.every((c) => c.provider.synced && c.saved() >= 1), "synced", 60_000);
  const base = clients.map((c) => c.saved());
  const sent = clients.map(() => 0);
  const started = performance.now();
  let rss = 0;
  const sampler = setInterval(() => (rss = Math.max(rss, rssMiB(t.child.pid!))), 250);
  while (performance.now() - started < PHASE_MS) {
    clients.forEach((c, i) => {
      const map = c.doc.getMap<number>("tp");
      while (sent[i]! - (c.saved() - base[i]!) < window) map.set(c.key, ++sent[i]!);
    });
    await new Promise((r) => setImmediate(r));
  }
  const elapsed = (performance.now() - started) / 1000;
  const acked = clients.reduce((s, c, i) => s + c.saved() - base[i]!, 0);
  clearInterval(sampler);
  for (const c of clients) c.provider.destroy();
  return { perSec: acked / elapsed, rss };
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────────

const f = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : "–");

async function main() {
  const db = await createTestDatabase("pw_bench");
  process.env.DATABASE_URL = db.url;
  const lines: string[] = [];
  const log = (s: string) => {
    console.log(s);
    lines.push(s);
  };
  const children: ChildProcess[] = [];
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.once(sig, () => {
      for (const c of children) c.kill("SIGKILL");
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

    // BENCH_SERVER_PROFILE=<dir> writes a CPU profile of Planwright's server (where its time goes).
    const profile = process.env.BENCH_SERVER_PROFILE
      ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE}`]
      : [];
    const ours = await spawnServer(
      [...profile, "--import", "tsx", "--import", "./lib/node/register.mjs", "lib/collab/standalone.ts"],
      {
        PORT: "0",
        AUTH_SECRET: TEST_SECRET,
        REDIS_URL: "",
        COLLAB_MAX_CONNECTIONS_PER_USER: "100000",
        COLLAB_MAX_CONNECTIONS_PER_PLAN: "100000",
        COLLAB_UPGRADES_PER_MINUTE: "1000000",
      },
      /collab listening on (\d+)/,
    );
    children.push(ours.child);
    const reference = await spawnServer(
      [
        "--input-type=module",
        "-e",
        `process.env.HOST='127.0.0.1';process.env.PORT='0';` +
          `const {WebSocketServer}=await import('ws');const http=await import('node:http');const {setupWSConnection}=await import('@y/websocket-server/utils');const wss=new WebSocketServer({noServer:true});const s=http.createServer((q,r)=>r.end('ok'));s.on('upgrade',(q,so,h)=>wss.handleUpgrade(q,so,h,w=>setupWSConnection(w,q)));s.listen(0,'127.0.0.1',()=>console.log('reference listening on '+s.address().port));`,
      ],
      {},
      /reference listening on (\d+)/,
    );
    children.push(reference.child);
    const committing = await spawnServer(
      ["--import", "tsx", "bench/reference-commit.ts"],
      { DATABASE_URL: db.url },
      /reference\+commit listening on (\d+)/,
    );
    children.push(committing.child);
    const targets: Target[] = [
      {
        name: "planwright",
        child: ours.child,
        url: `ws://127.0.0.1:${ours.port}/collab`,
        cookie: await sessionCookie(user.id),
      },
      { name: "reference", child: reference.child, url: `ws://127.0.0.1:${reference.port}` },
      { name: "reference+commit", child: committing.child, url: `ws://127.0.0.1:${committing.port}` },
    ];

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
        child: process as unknown as ChildProcess,
        url: server.url,
        cookie: await sessionCookie(user.id),
      };
      const cycle = async (i: number) => {
        const c = connect(t, plans[i % 20]!);
        await waitFor(() => c.provider.synced && c.saved() >= 1, "cycle synced", 10_000);
        c.doc.getMap("cycles").set("n", i);
        await waitFor(() => c.saved() >= 2, "cycle saved", 10_000);
        c.provider.destroy();
        c.doc.destroy();
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
    log("| workload | server | p50 ms | p99 ms | updates/s | receipts/s | server RSS MiB | edit→saved p95 ms |");
    log("|---|---|---|---|---|---|---|---|");
    const scenarios: { label: string; rooms: (o: number) => string[]; perRoom: number; rate: number }[] = [
      { label: "1 client (+1 observer)", rooms: (o) => [plans[o]!], perRoom: 1, rate: 100 },
      { label: "10 clients, one plan", rooms: (o) => [plans[o + 1]!], perRoom: 10, rate: 20 },
      { label: "50 clients, one plan", rooms: (o) => [plans[o + 2]!], perRoom: 50, rate: 4 },
      { label: "200 plans × 2 clients", rooms: (o) => plans.slice(o + 3, o + 203), perRoom: 2, rate: 2 },
    ];
    const ratios: string[] = [];
    // BENCH_WORKLOADS=1,4: only those workloads (numbered as in the table), e.g. to profile one.
    const only = process.env.BENCH_WORKLOADS?.split(",").map(Number);
    for (const [i, s] of scenarios.entries()) {
      if (only && !only.includes(i + 1)) continue;
      // Rounds alternate which server goes first, so a change in the machine's load during the run
      // falls on both; each server's figures pool the samples of all its rounds.
      const runs: Record<Target["name"], Result[]> = { planwright: [], reference: [], "reference+commit": [] };
      for (let round = 0; round < ROUNDS; round++) {
        for (const t of round % 2 ? [...targets].reverse() : targets) {
          // Rooms are named apart per server so no server sees another's state.
          const rooms = s.rooms(0).map((id) => (t.name === "planwright" ? id : `${t.name}-${id}`));
          runs[t.name].push(await workload(t, rooms, s.perRoom, s.rate));
        }
      }
      const r = {
        planwright: pool(runs.planwright),
        reference: pool(runs.reference),
        "reference+commit": pool(runs["reference+commit"]),
      };
      for (const t of targets) {
        const x = r[t.name];
        log(
          `| ${s.label} | ${t.name} | ${f(x.p50)} | ${f(x.p99)} | ${f(x.updatesPerSec, 0)} | ${f(x.receiptsPerSec, 0)} | ${f(x.rss, 0)} | ${t.name === "planwright" ? f(x.savedP95) : "–"} |`,
        );
      }
      const perRound = runs.planwright.map((p, i) => f(p.p99 / runs.reference[i]!.p99)).join(" · ");
      const committed = r["reference+commit"];
      ratios.push(
        `${s.label}: p99 ${f(r.planwright.p99 / r.reference.p99)}× the reference, p50 ${f(r.planwright.p50 / r.reference.p50)}× (p99 ratio per round: ${perRound}); ` +
          `reference+commit p99 ${f(committed.p99 / r.reference.p99)}× the reference, Planwright p99 ${f(r.planwright.p99 / committed.p99)}× reference+commit`,
      );
    }
    log("");
    log("Ratio (Planwright ÷ reference):");
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
      await waitFor(() => c.provider.synced, "big plan synced", 120_000);
      const tOpen = performance.now() - t1;
      c.provider.destroy();
      log("");
      log(
        `Open a plan with ${loaded.logRows.toLocaleString("en")} small updates in its log: load snapshot + tail ${f(tLoad, 0)} ms in-process; connect → synced through the server ${f(tOpen, 0)} ms (encoded state ${f(Y.encodeStateAsUpdate(loaded.doc).length / 1024, 1)} KiB)`,
      );
    }

    for (const c of children) c.kill("SIGTERM");
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
      for (const c of children) c.kill("SIGTERM");
      await sleep(4000);
    }
    for (const c of children) c.kill("SIGKILL");
    await closeDb();
    await db.drop().catch(() => {});
  }
  if (process.env.BENCH_OUT) fs.writeFileSync(process.env.BENCH_OUT, lines.join("\n") + "\n");
}

await main();
process.exit(0);
