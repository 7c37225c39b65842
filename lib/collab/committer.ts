/**
 * Group commit: every write that arrives within one tick, across all plans, goes into the log in
 * one INSERT. Up to `inFlightLimit` groups are stored concurrently (1 by default: on a busy small
 * machine fewer, larger groups win; a fast disk with more cores may gain from 2–4), but they are
 * delivered strictly in order: only after a group and every group before
 * it are committed are its writes applied to the in-memory documents, broadcast, relayed and
 * acknowledged (persist before broadcast, acknowledgements in order).
 *
 * When the database cannot be reached, a group is retried with backoff (up to `retryMs`) instead of
 * failing its senders: they keep their sockets, get no "saved" for what is not stored, and everything
 * goes through when the database is back. Writes waiting meanwhile are bounded by `maxPendingBytes`;
 * past it, or past the retry time, senders get 1011 and re-send after reconnecting (the last resort).
 * A retried INSERT that had in fact committed stores duplicate rows, which Yjs applies harmlessly.
 */
import { performance } from "node:perf_hooks";
import type { Connection } from "./connection";
import { isDatabaseUnreachable } from "@/db/errors";
import { processMetrics } from "@/lib/metrics";
import { appendUpdates } from "./persistence";

export type Write = {
  planId: string;
  conn: Connection | null;
  update: Uint8Array;
  /** The connection's write count including this one (for the "saved" acknowledgement). */
  seq: number;
  /** Carries nothing the document lacks: acknowledged in order but not stored. */
  empty: boolean;
};

type Outcome = { committed: Write[][]; failed: [Write[], unknown][] };

export type CommitterOptions = {
  /** Groups stored at once (delivered in order regardless). */
  inFlight?: number;
  /** How long to retry a group while the database is unreachable. */
  retryMs?: number;
  /** Bytes of updates that may wait for the database; a write beyond it fails at once. */
  maxPendingBytes?: number;
  /** The database took writes again after an outage. */
  onRecovered?: () => void;
  /** Writes are being held because the database cannot be reached. */
  onDown?: () => void;
};

const rowsOf = (writes: Write[]) => writes.filter((w) => !w.empty).map((w) => ({ planId: w.planId, data: w.update }));

const FIRST_RETRY_MS = 100;
const MAX_RETRY_GAP_MS = 2000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class StoreOverflowError extends Error {
  constructor() {
    super("Too many updates are waiting for the database");
  }
}

export class GroupCommitter {
  private queue: Write[] = [];
  private scheduled = false;
  private inFlight = 0;
  /** Resolves when the latest group has been delivered; the next group delivers after it. */
  private tail: Promise<void> = Promise.resolve();
  private idle: (() => void)[] = [];
  private inFlightLimit: number;
  private retryMs: number;
  private maxPendingBytes: number;
  private pendingBytes = 0;
  private pendingWrites = 0;
  /** When the current outage began (null while the database takes writes). */
  private downSince: number | null = null;

  constructor(
    private onCommitted: (writes: Write[]) => void,
    private onFailed: (writes: Write[], err: unknown) => void,
    private opts: CommitterOptions = {},
  ) {
    this.inFlightLimit = opts.inFlight ?? 1;
    this.retryMs = opts.retryMs ?? 300_000;
    this.maxPendingBytes = opts.maxPendingBytes ?? 64 * 1024 * 1024;
  }

  /** True while commits are being retried because the database cannot be reached. */
  get storeDown() {
    return this.downSince !== null;
  }

  enqueue(write: Write) {
    const bytes = write.empty ? 0 : write.update.length;
    // Memory stays bounded while the database is away: this sender reconnects and re-sends later.
    // A write is always taken when nothing else waits, or one bigger than the bound (a reconnecting
    // client's sync step 2 carries everything it holds) could never be stored.
    if (bytes > 0 && this.pendingBytes > 0 && this.pendingBytes + bytes > this.maxPendingBytes) {
      this.onFailed([write], new StoreOverflowError());
      return;
    }
    this.track(1, bytes);
    this.queue.push(write);
    this.kick();
  }

  private track(writes: number, bytes: number) {
    this.pendingWrites += writes;
    this.pendingBytes += bytes;
    const m = processMetrics();
    m.pendingWrites.set(this.pendingWrites);
    m.pendingBytes.set(this.pendingBytes);
  }

  private kick() {
    if (this.scheduled || this.queue.length === 0 || this.inFlight >= this.inFlightLimit) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const batch = this.queue;
      this.queue = [];
      if (batch.length === 0) return;
      this.inFlight++;
      const stored = this.store(batch);
      const previous = this.tail;
      this.tail = (async () => {
        const outcome = await stored;
        await previous;
        for (const writes of outcome.committed) this.onCommitted(writes);
        for (const [writes, err] of outcome.failed) this.onFailed(writes, err);
      })()
        .finally(() => this.track(-batch.length, -batch.reduce((n, w) => n + (w.empty ? 0 : w.update.length), 0)))
        .catch((err) => console.error("[collab] delivering a commit failed:", err))
        .finally(() => {
          this.inFlight--;
          this.kick();
          if (this.inFlight === 0 && !this.scheduled && this.queue.length === 0)
            for (const fn of this.idle.splice(0)) fn();
        });
    });
  }

  private async store(batch: Write[]): Promise<Outcome> {
    const m = processMetrics();
    const started = performance.now();
    const all = rowsOf(batch);
    let gap = FIRST_RETRY_MS;
    for (;;) {
      try {
        await appendUpdates(all);
        if (all.length) this.up();
        m.persistSeconds.observe((performance.now() - started) / 1000);
        m.persistBatches.inc();
        m.persistedUpdates.inc(all.length);
        return { committed: [batch], failed: [] };
      } catch (err) {
        if (!isDatabaseUnreachable(err) || performance.now() - started + gap > this.retryMs)
          return this.failed(batch, err);
        this.down(err);
        m.storeRetries.inc();
        await sleep(gap);
        gap = Math.min(gap * 2, MAX_RETRY_GAP_MS);
      }
    }
  }

  private down(err: unknown) {
    if (this.downSince !== null) return;
    this.downSince = Date.now();
    processMetrics().storeUp.set(0);
    console.error(
      `[collab] database unreachable, holding writes and retrying: ${err instanceof Error ? err.message : String(err)}`,
    );
    this.opts.onDown?.();
  }

  private up() {
    if (this.downSince === null) return;
    console.warn(
      `[collab] database reachable again after ${((Date.now() - this.downSince) / 1000).toFixed(1)} s; storing held writes`,
    );
    this.downSince = null;
    processMetrics().storeUp.set(1);
    this.opts.onRecovered?.();
  }

  /** A group that cannot be stored as a whole: one bad plan (deleted meanwhile) must not fail the others. */
  private async failed(batch: Write[], err: unknown): Promise<Outcome> {
    const m = processMetrics();
    m.persistFailures.inc();
    const byPlan = new Map<string, Write[]>();
    for (const w of batch) byPlan.set(w.planId, [...(byPlan.get(w.planId) ?? []), w]);
    if (byPlan.size === 1 || isDatabaseUnreachable(err)) return { committed: [], failed: [[batch, err]] };
    const outcome: Outcome = { committed: [], failed: [] };
    for (const writes of byPlan.values()) {
      try {
        const some = rowsOf(writes);
        await appendUpdates(some);
        m.persistedUpdates.inc(some.length);
        outcome.committed.push(writes);
      } catch (e) {
        outcome.failed.push([writes, e]);
      }
    }
    return outcome;
  }

  /** Resolves when every queued write has been committed (or failed) and delivered. */
  drain(): Promise<void> {
    if (this.inFlight === 0 && !this.scheduled && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }
}
