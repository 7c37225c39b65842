/**
 * Load: 50 editors and 500 viewers on one plan plus 200 other active plans (an editor and an
 * observer each), all real websocket clients on loopback against the standalone collaboration server
 * (its own process, so its RSS is its own), for LOAD_SECONDS (60 by default; `npm run soak`: 600).
 * Reports errors, update latency, receipts, server RSS over time and database connections.
 *   node --import tsx --import ./lib/node/register.mjs bench/load.ts
 * Viewers: 20 are stock providers (latency measured); 480 are plain `ws` sockets that join by sync
 * step 1 and count the updates they receive without decoding them (500 Y.Docs in the benchmark's
 * process would measure the benchmark, not the server). The plain viewers run in LOAD_WORKERS
 * worker threads (2 by default), so reading ≈ 24,000 messages a second is not queued behind the
 * stock clients' event loop.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import * as decoding from "lib0/decoding";
import postgres from "postgres";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { closeDb } from "../db/index";
import { runMigrations } from "../db/migrate";
import { createTestDatabase } from "../db/test-database";
import { killHard, startStandalone } from "../lib/collab/faults/child";
import { freePort } from "../lib/collab/faults/throwaway";
import { encodeSyncMessage, MSG_SAVED, SYNC_STEP1 } from "../lib/collab/protocol";
import { recordLatencies, sessionCookie, socketWithCookie, waitFor } from "../lib/testing/collab-harness";
import { createPlan } from "../lib/services/plans";
import { setPlanRole } from "../lib/services/sharing";
import { signUp } from "../lib/services/users";
import { createWorkspace, inviteMember } from "../lib/services/workspaces";

process.setMaxListeners(0);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const EDITORS = Number(process.env.LOAD_EDITORS ?? 50);
const VIEWERS = Number(process.env.LOAD_VIEWERS ?? 500);
const FULL_VIEWERS = Math.min(VIEWERS, 20);
const OTHER_PLANS = Number(process.env.LOAD_PLANS ?? 200);
/** Updates per second per editor on the shared plan, and per writer on each other plan. */
const EDITOR_RATE = Number(process.env.LOAD_EDITOR_RATE ?? 1);
const OTHER_RATE = Number(process.env.LOAD_OTHER_RATE ?? 0.5);
const WORKERS = Math.max(1, Number(process.env.LOAD_WORKERS ?? 2));
const SAMPLE_MS = Number(process.env.LOAD_SAMPLE_MS ?? Math.max(5000, (SECONDS * 1000) / 60));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const rssMiB = (pid: number) => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
};
const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = Float64Array.from(xs).sort();
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : "–");

/** Least-squares slope of y over x. */
function slope(points: [number, number][]) {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((s, p) => s + p[0], 0) / n;
  const my = points.reduce((s, p) => s + p[1], 0) / n;
  const num = points.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0);
  const den = points.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
  return den ? num / den : NaN;
}

type Counters = {
  errors: Record<string, number>;
  latencies: number[];
  viewerLatencies: number[];
  otherLatencies: number[];
};
const counters: Counters = { errors: {}, latencies: [], viewerLatencies: [], otherLatencies: [] };
const error = (kind: string) => (counters.errors[kind] = (counters.errors[kind] ?? 0) + 1);
let measuring = false;

type Full = { provider: WebsocketProvider; doc: Y.Doc; key: string; saved: () => number };

function full(url: string, room: string, cookie: string, sink: number[] | null): Full {
  const doc = new Y.Doc();
  let saved = 0;
  const provider = new WebsocketProvider(url, room, doc, {
    WebSocketPolyfill: socketWithCookie(cookie) as never,
    disableBc: true,
    maxBackoffTime: 2000,
  });
  provider.messageHandlers[MSG_SAVED] = (_e, d: decoding.Decoder) => {
    saved = decoding.readVarUint(d);
  };
  provider.on("connection-close", () => measuring && error("socket closed (stock client)"));
  provider.on("connection-error", () => measuring && error("connection error (stock client)"));
  if (sink) recordLatencies(doc.getMap<{ t: number }>("load"), sink, () => measuring);
  return { provider, doc, key: randomUUID().slice(0, 8), saved: () => saved };
}

type Raw = { ws: WebSocket; received: number; open: boolean };

/** Clock ticks (here: writes) in a sync update message. */
function writesIn(message: Uint8Array): number {
  const d = decoding.createDecoder(message);
  decoding.readVarUint(d);
  decoding.readVarUint(d);
  const { from, to } = Y.parseUpdateMeta(decoding.readVarUint8Array(d));
  let n = 0;
  for (const [client, clock] of to) n += clock - (from.get(client) ?? 0);
  return n;
}

function raw(url: string, room: string, cookie: string): Promise<Raw> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url}/${room}`, { headers: { cookie } });
    const r: Raw = { ws, received: 0, open: false };
    ws.on("open", () => {
      r.open = true;
      ws.send(encodeSyncMessage(SYNC_STEP1, new Uint8Array([0])));
      resolve(r);
    });
    ws.on("message", (data: Buffer) => {
      // [0, 2, …] is a document update; awareness and the initial step 2 are not counted. One message
      // may carry several writes (the server merges a group commit's writes to a plan), so count the
      // writes in it: each editor's write is one map entry, one clock tick, read from the update's
      // header (Y.parseUpdateMeta) without applying it to a document.
      if (data[0] === 0 && data[1] === 2 && measuring) r.received += writesIn(data);
    });
    ws.on("unexpected-response", (_q, res) => {
      error(`upgrade refused ${res.statusCode}`);
      resolve(r);
    });
    ws.on("error", () => {
      if (!r.open) resolve(r);
      if (measuring) error("socket error (viewer)");
    });
    ws.on("close", () => {
      if (r.open && measuring) error("socket closed (viewer)");
      r.open = false;
    });
  });
}

/** A worker thread's share of the plain viewers; counts what they receive while measuring. */
async function viewerWorker({
  url,
  room,
  cookie,
  count,
}: {
  url: string;
  room: string;
  cookie: string;
  count: number;
}) {
  const mine: Raw[] = [];
  for (let i = 0; i < count; i += 40)
    mine.push(...(await Promise.all(Array.from({ length: Math.min(40, count - i) }, () => raw(url, room, cookie)))));
  parentPort!.on("message", (m: string) => {
    if (m === "measure") {
      measuring = true;
      parentPort!.postMessage({ kind: "measuring" });
    } else if (m === "stop") {
      measuring = false;
      parentPort!.postMessage({
        kind: "counts",
        received: mine.filter((r) => r.open).map((r) => r.received),
        errors: counters.errors,
      });
    } else if (m === "close") {
      for (const r of mine) r.ws.terminate();
      parentPort!.close();
    }
  });
  parentPort!.postMessage({ kind: "ready", open: mine.filter((r) => r.open).length });
}

type ViewerPool = {
  open: number;
  measure(): Promise<void>;
  stop(): Promise<{ received: number[]; errors: Record<string, number> }>;
  close(): void;
};

/** Start the plain viewers across worker threads. */
async function viewerPool(url: string, room: string, cookie: string, total: number): Promise<ViewerPool> {
  const workers: Worker[] = [];
  let open = 0;
  await Promise.all(
    Array.from({ length: WORKERS }, (_, i) => {
      const count = Math.floor(total / WORKERS) + (i < total % WORKERS ? 1 : 0);
      // A worker does not inherit the loaders on Node 20: register them (server-only, TypeScript), then load this file.
      const hook = JSON.stringify(new URL("../lib/node/register.mjs", import.meta.url).href);
      const boot = `import(${hook}).then(() => import("tsx/esm/api")).then((t) => { t.register(); return import(${JSON.stringify(import.meta.url)}); })`;
      const w = new Worker(boot, { eval: true, workerData: { url, room, cookie, count } });
      workers.push(w);
      return new Promise<void>((resolve, reject) => {
        w.once("error", reject);
        w.once("message", (m: { kind: string; open: number }) => {
          open += m.open;
          resolve();
        });
      });
    }),
  );
  return {
    open,
    // Resolves once every worker counts, so no update sent after it is missed.
    measure: () =>
      Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              w.once("message", () => resolve());
              w.postMessage("measure");
            }),
        ),
      ).then(() => {}),
    async stop() {
      const parts = await Promise.all(
        workers.map(
          (w) =>
            new Promise<{ received: number[]; errors: Record<string, number> }>((resolve) => {
              w.once("message", resolve);
              w.postMessage("stop");
            }),
        ),
      );
      const errors: Record<string, number> = {};
      for (const p of parts) for (const [k, n] of Object.entries(p.errors)) errors[k] = (errors[k] ?? 0) + n;
      return { received: parts.flatMap((p) => p.received), errors };
    },
    close: () => workers.forEach((w) => w.postMessage("close")),
  };
}

async function main() {
  const db = await createTestDatabase("pw_bench");
  process.env.DATABASE_URL = db.url;
  let server: Awaited<ReturnType<typeof startStandalone>> | undefined;
  const stat = postgres(db.url.replace(/\/[^/]+$/, "/postgres"), { max: 1, onnotice: () => {} });
  const all: Full[] = [];
  let viewers: ViewerPool | undefined;
  try {
    await runMigrations();
    const owner = await signUp({
      name: "Owner",
      email: `owner-${randomUUID()}@example.com`,
      password: "correct horse battery",
    });
    const who = { kind: "user" as const, userId: owner.id };
    const ws = await createWorkspace(who, { name: "Load" });
    const viewerEmail = `viewer-${randomUUID()}@example.com`;
    const viewer = await signUp({ name: "Viewer", email: viewerEmail, password: "correct horse battery" });
    await inviteMember(who, ws.id, { email: viewerEmail, role: "member" });
    const main = (await createPlan(who, ws.id, { title: "Shared plan" })).id;
    await setPlanRole(who, main, viewer.id, { role: "viewer" });
    const others: string[] = [];
    for (let i = 0; i < OTHER_PLANS; i++) others.push((await createPlan(who, ws.id, { title: `Plan ${i}` })).id);
    await closeDb(); // from here on, every database connection is the server's

    server = await startStandalone(await freePort(), { COLLAB_MAX_CONNECTIONS_PER_PLAN: "100000" });
    const pid = server.child.pid!;
    const url = `ws://127.0.0.1:${server.port}/collab`;
    const editorCookie = await sessionCookie(owner.id);
    const viewerCookie = await sessionCookie(viewer.id);
    const load0 = os.loadavg();
    const rampStart = performance.now();

    // Ramp up in batches so the upgrade path (cookie decode + access check) is not one burst.
    const editors: Full[] = [];
    for (let i = 0; i < EDITORS; i++) editors.push(full(url, main, editorCookie, counters.latencies));
    const viewersFull: Full[] = [];
    for (let i = 0; i < FULL_VIEWERS; i++) viewersFull.push(full(url, main, viewerCookie, counters.viewerLatencies));
    all.push(...editors, ...viewersFull);
    await waitFor(() => all.every((c) => c.provider.synced), "shared plan clients synced", 120_000);
    viewers = await viewerPool(url, main, viewerCookie, VIEWERS - FULL_VIEWERS);
    const writers: Full[] = [];
    for (let i = 0; i < others.length; i += 20) {
      const batch = others
        .slice(i, i + 20)
        .flatMap((p) => [full(url, p, editorCookie, null), full(url, p, editorCookie, counters.otherLatencies)]);
      for (let j = 0; j < batch.length; j += 2) writers.push(batch[j]!);
      all.push(...batch);
      await waitFor(() => batch.every((c) => c.provider.synced), "other plans synced", 120_000);
    }
    const rampSeconds = (performance.now() - rampStart) / 1000;
    const connections = all.length + viewers.open;
    console.log(`ramp-up: ${connections} sockets in ${f(rampSeconds)} s`);

    // Sampling: server RSS and the database connections it holds.
    const samples: { t: number; rss: number; dbConns: number }[] = [];
    const sample = async () => {
      const [row] = await stat<
        { n: number }[]
      >`select count(*)::int as n from pg_stat_activity where datname = ${db.name}`;
      samples.push({ t: (performance.now() - started) / 1000, rss: rssMiB(pid), dbConns: row?.n ?? NaN });
    };

    let sentMain = 0;
    let sentOther = 0;
    await viewers.measure();
    measuring = true;
    const started = performance.now();
    await sample();
    const sampler = setInterval(() => void sample().catch(() => error("sampling failed")), SAMPLE_MS);
    const timers: NodeJS.Timeout[] = [];
    const drive = (list: Full[], rate: number, onSend: () => void) => {
      const gap = 1000 / rate;
      list.forEach((c, i) => {
        timers.push(
          setTimeout(
            () => {
              const send = () => {
                c.doc.getMap<{ t: number }>("load").set(c.key, { t: performance.now() });
                onSend();
              };
              send();
              timers.push(setInterval(send, gap));
            },
            (i * gap) / list.length,
          ),
        );
      });
    };
    drive(editors, EDITOR_RATE, () => sentMain++);
    drive(writers, OTHER_RATE, () => sentOther++);
    let lastLog = performance.now();
    while (performance.now() - started < SECONDS * 1000) {
      await sleep(1000);
      if (server.child.exitCode !== null) {
        error("server process exited");
        break;
      }
      if (performance.now() - lastLog > 60_000) {
        lastLog = performance.now();
        const s = samples.at(-1);
        console.log(
          `  ${f((performance.now() - started) / 1000, 0)} s: ${sentMain + sentOther} updates sent, RSS ${f(s?.rss ?? NaN)} MiB, db connections ${s?.dbConns}`,
        );
      }
    }
    for (const t of timers) clearTimeout(t);
    const elapsed = (performance.now() - started) / 1000;
    await sleep(2000); // the tail arrives
    await sample();
    measuring = false;
    const plain = await viewers.stop();
    for (const [k, n] of Object.entries(plain.errors)) counters.errors[k] = (counters.errors[k] ?? 0) + n;
    clearInterval(sampler);
    const load1 = os.loadavg();

    const expectedViewer = sentMain;
    const rawOpen = plain.received;
    const rawReceived = rawOpen.reduce((s, n) => s + n, 0);
    const missed = rawOpen.filter((n) => n < expectedViewer).length;
    const stderrErrors = server
      .output()
      .split("\n")
      .filter((l) => /\[collab\].*(error|fail|could not)/i.test(l)).length;
    if (stderrErrors) counters.errors["server error log lines"] = stderrErrors;
    const errorCount = Object.values(counters.errors).reduce((s, n) => s + n, 0);
    const rss = samples.map((s) => s.rss);
    const warm = samples.filter((s) => s.t >= elapsed * 0.2);
    const rssSlope = slope(warm.map((s) => [s.t / 60, s.rss]));

    const out: string[] = [];
    const log = (s: string) => {
      out.push(s);
      console.log(s);
    };
    log(
      `Load — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, Node ${process.version}, ${os.cpus().length} cores, ${f(elapsed, 0)} s measured`,
    );
    log(`load average before ${load0.map((x) => f(x, 2)).join(" / ")}, after ${load1.map((x) => f(x, 2)).join(" / ")}`);
    log("");
    log(`| figure | value |`);
    log(`|---|---|`);
    log(
      `| sockets | ${EDITORS} editors + ${VIEWERS} viewers on one plan, ${OTHER_PLANS} other plans × 2 = ${connections} (ramp-up ${f(rampSeconds)} s) |`,
    );
    log(
      `| updates sent | shared plan ${sentMain} (${f(sentMain / elapsed)}/s), other plans ${sentOther} (${f(sentOther / elapsed)}/s) |`,
    );
    log(
      `| errors | ${errorCount}${
        errorCount
          ? ` (${Object.entries(counters.errors)
              .map(([k, n]) => `${k}: ${n}`)
              .join(", ")})`
          : ""
      } |`,
    );
    log(
      `| editor → editor latency, shared plan | p50 ${f(pct(counters.latencies, 50))} ms, p99 ${f(pct(counters.latencies, 99))} ms (${counters.latencies.length} receipts) |`,
    );
    log(
      `| editor → viewer latency, shared plan | p50 ${f(pct(counters.viewerLatencies, 50))} ms, p99 ${f(pct(counters.viewerLatencies, 99))} ms (${counters.viewerLatencies.length} receipts) |`,
    );
    log(
      `| writer → observer latency, other plans | p50 ${f(pct(counters.otherLatencies, 50))} ms, p99 ${f(pct(counters.otherLatencies, 99))} ms (${counters.otherLatencies.length} receipts) |`,
    );
    log(
      `| updates received by the ${rawOpen.length} plain viewers | ${rawReceived} of ${expectedViewer * rawOpen.length} (${f((rawReceived / Math.max(1, expectedViewer * rawOpen.length)) * 100, 2)} %); viewers short of any: ${missed} |`,
    );
    log(
      `| server RSS | start ${f(rss[0]!)} MiB, min ${f(Math.min(...rss))}, max ${f(Math.max(...rss))}, end ${f(rss.at(-1)!)}; trend after warm-up ${f(rssSlope, 2)} MiB/min |`,
    );
    log(
      `| database connections held by the server | max ${Math.max(...samples.map((s) => s.dbConns))}, end ${samples.at(-1)!.dbConns} |`,
    );
    log("");
    log(`RSS samples (s → MiB): ${samples.map((s) => `${f(s.t, 0)}→${f(s.rss, 0)}`).join(", ")}`);
    if (process.env.BENCH_OUT) fs.appendFileSync(process.env.BENCH_OUT, out.join("\n") + "\n\n");
    if (errorCount || missed) process.exitCode = 1;
  } finally {
    measuring = false;
    for (const c of all) c.provider.destroy();
    viewers?.close();
    if (server && server.child.exitCode === null) await killHard(server);
    await stat.end();
    await closeDb();
    await db.drop().catch(() => {});
  }
}

if (isMainThread) {
  await main();
  process.exit(process.exitCode ?? 0);
} else {
  await viewerWorker(workerData);
}
