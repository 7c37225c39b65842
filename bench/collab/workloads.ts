/**
 * The timed workloads of `bench/collab.ts`: writers setting their own key of a `Y.Map` to their send
 * time at a fixed rate, readers timing each change's arrival (one process, one clock), and each
 * server's own figures: edit → durable, CPU seconds and RSS of its process.
 */
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import { recordLatencies, waitFor } from "../../lib/testing/collab-harness";
import { connect, type Client } from "./clients";
import { cpuSeconds, rssMiB, type Stored, type Target } from "./servers";

v8.setFlagsFromString("--expose-gc");
export const gc = vm.runInNewContext("gc") as () => void;
export const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 5000);
/** After the writers stop: the tail of receipts and the server's deferred work (CPU is counted through it). */
const SETTLE_MS = 2500;
/** Longest wait for Hocuspocus to store the last edits (its debounce is 2 s, at most 10 s). */
const DURABLE_WAIT_MS = 15_000;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Wait until the server has finished what the connections set off (a stock client's first presence
 * goes to every peer: with 500 viewers that is 250,000 messages on some servers), so the CPU time
 * counted is the workload's: less than 10 ms of CPU in 200 ms, or at most 20 s.
 */
async function quiet(pid: number) {
  await sleep(300);
  const until = performance.now() + 20_000;
  for (let before = cpuSeconds(pid); performance.now() < until;) {
    await sleep(200);
    const now = cpuSeconds(pid);
    if (now - before < 0.01) return;
    before = now;
  }
}

export const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

export type Result = {
  p50: number;
  p99: number;
  updatesPerSec: number;
  receiptsPerSec: number;
  rss: number;
  /** Edit → durable p95: Planwright's "saved", Hocuspocus's committed store; NaN for the others. */
  durableP95: number;
  /** Edits never seen durable within the wait. */
  notDurable: number;
  /** Server CPU seconds from the first send until the deferred work settled. */
  cpu: number;
  receipts: number;
  latencies: number[];
  durable: number[];
};

/** Several rounds of one workload on one server, pooled: every sample of every round. */
export function pool(rounds: Result[]): Result {
  const latencies = rounds.flatMap((r) => r.latencies);
  const durable = rounds.flatMap((r) => r.durable);
  const mean = (k: "updatesPerSec" | "receiptsPerSec") => rounds.reduce((s, r) => s + r[k], 0) / rounds.length;
  const sum = (k: "cpu" | "receipts" | "notDurable") => rounds.reduce((s, r) => s + r[k], 0);
  return {
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    updatesPerSec: mean("updatesPerSec"),
    receiptsPerSec: mean("receiptsPerSec"),
    rss: Math.max(...rounds.map((r) => r.rss)),
    durableP95: pct(durable, 95),
    notDurable: sum("notDurable"),
    cpu: sum("cpu"),
    receipts: sum("receipts"),
    latencies,
    durable,
  };
}

export type Scenario = {
  label: string;
  rooms: number;
  writers: number;
  /** Connected readers per room that never write (one is added when a room has a single writer). */
  readers: number;
  rate: number;
};

type Writer = { c: Client; room: string; base: number; pending: Map<number, number>; seq: number };

/**
 * `rooms` with `s.writers` writers and `s.readers` silent readers each; every writer sets its own
 * key to {t: send time} at `s.rate` per second for PHASE_MS. Latency = receipt time at each other
 * peer − send time.
 */
export async function workload(t: Target, rooms: string[], s: Scenario): Promise<Result> {
  const latencies: number[] = [];
  const durable: number[] = [];
  let sentTotal = 0;
  let measuring = false;
  let sending = false;
  const clients: Client[] = [];
  const writers: Writer[] = [];
  const readers = s.writers === 1 ? Math.max(1, s.readers) : s.readers;
  for (const room of rooms) {
    for (let i = 0; i < s.writers + readers; i++) {
      const w: Writer = { c: null as unknown as Client, room, base: 0, pending: new Map(), seq: 0 };
      const c = connect(t, room, (acked) => {
        for (const [seq, at] of w.pending)
          if (seq <= acked) {
            if (sending || measuring) durable.push(performance.now() - at);
            w.pending.delete(seq);
          }
      });
      w.c = c;
      clients.push(c);
      recordLatencies(c.doc.getMap<{ t: number }>("bench"), latencies, () => measuring);
      if (i < s.writers) writers.push(w);
    }
  }
  // Hocuspocus: an edit is durable once a committed store holds the writer's value from that send on.
  const byRoom = new Map<string, Writer[]>();
  for (const w of writers) byRoom.set(w.room, [...(byRoom.get(w.room) ?? []), w]);
  const onStored = ({ doc, keys }: Stored) => {
    for (const w of byRoom.get(doc) ?? []) {
      const upTo = keys[w.c.key];
      if (upTo === undefined) continue;
      for (const [seq, at] of w.pending)
        if (at <= upTo) {
          durable.push(performance.now() - at);
          w.pending.delete(seq);
        }
    }
  };
  t.stored.add(onStored);
  await waitFor(() => clients.every((c) => c.synced()), "all clients synced", 120_000);
  if (t.name === "planwright") {
    await waitFor(() => writers.every((w) => w.c.saved() >= 1), "initial acks", 30_000);
    for (const w of writers) w.base = w.c.saved();
  }
  await quiet(t.child.pid!);
  gc();
  let rss = rssMiB(t.child.pid!);
  const cpu0 = cpuSeconds(t.child.pid!);
  measuring = true;
  sending = true;
  const started = performance.now();
  const interval = 1000 / s.rate;
  const timers2: NodeJS.Timeout[] = [];
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
  const sampler = setInterval(() => (rss = Math.max(rss, rssMiB(t.child.pid!))), 250);
  await sleep(PHASE_MS);
  for (const x of timers) clearTimeout(x);
  for (const x of timers2) clearInterval(x);
  const elapsed = (performance.now() - started) / 1000;
  await sleep(500); // let the tail arrive
  measuring = false;
  const receipts = latencies.length;
  await sleep(SETTLE_MS - 500);
  const durableBy = performance.now() + DURABLE_WAIT_MS;
  while (writers.some((w) => w.pending.size > 0) && performance.now() < durableBy) await sleep(50);
  const cpu = cpuSeconds(t.child.pid!) - cpu0;
  sending = false;
  clearInterval(sampler);
  t.stored.delete(onStored);
  const notDurable =
    t.name === "planwright" || t.name === "hocuspocus" ? writers.reduce((n, w) => n + w.pending.size, 0) : 0;
  for (const c of clients) c.destroy();
  return {
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    updatesPerSec: sentTotal / elapsed,
    receiptsPerSec: receipts / elapsed,
    rss,
    durableP95: pct(durable, 95),
    notDurable,
    cpu,
    receipts,
    latencies,
    durable,
  };
}

/** As many small updates as PostgreSQL takes: writers keep a window of unacknowledged updates open. */
export async function throughput(t: Target, rooms: string[], window = 64): Promise<{ perSec: number; rss: number }> {
  const clients = rooms.map((r) => connect(t, r));
  await waitFor(() => clients.every((c) => c.synced() && c.saved() >= 1), "synced", 60_000);
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
  for (const c of clients) c.destroy();
  return { perSec: acked / elapsed, rss };
}
