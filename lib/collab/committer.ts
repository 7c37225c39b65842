/**
 * Group commit: every write that arrives within one tick, across all plans, goes into the log in
 * one INSERT; the next group waits for the previous one. Only after the commit are writes applied
 * to the in-memory documents, broadcast, relayed and acknowledged (persist before broadcast).
 */
import { performance } from "node:perf_hooks";
import type { Connection } from "./connection";
import { collabMetrics } from "./metrics";
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

export class GroupCommitter {
  private queue: Write[] = [];
  private scheduled = false;
  private inflight: Promise<void> | null = null;
  private idle: (() => void)[] = [];

  constructor(
    private onCommitted: (writes: Write[]) => void,
    private onFailed: (writes: Write[], err: unknown) => void,
  ) {}

  get pending() {
    return this.queue.length + (this.inflight ? 1 : 0);
  }

  enqueue(write: Write) {
    this.queue.push(write);
    this.kick();
  }

  private kick() {
    if (this.scheduled || this.inflight || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const batch = this.queue;
      this.queue = [];
      this.inflight = this.commit(batch).finally(() => {
        this.inflight = null;
        if (this.queue.length) this.kick();
        else for (const fn of this.idle.splice(0)) fn();
      });
    });
  }

  private async commit(batch: Write[]) {
    const m = collabMetrics();
    const rows = batch.filter((w) => !w.empty).map((w) => ({ planId: w.planId, data: w.update }));
    const started = performance.now();
    try {
      await appendUpdates(rows);
    } catch (err) {
      m.persistFailures.inc();
      // One bad plan (deleted meanwhile) must not fail the others: retry plan by plan.
      const byPlan = new Map<string, Write[]>();
      for (const w of batch) byPlan.set(w.planId, [...(byPlan.get(w.planId) ?? []), w]);
      if (byPlan.size === 1) return this.onFailed(batch, err);
      for (const writes of byPlan.values()) {
        try {
          await appendUpdates(writes.filter((w) => !w.empty).map((w) => ({ planId: w.planId, data: w.update })));
          m.persistedUpdates.inc(writes.filter((w) => !w.empty).length);
          this.onCommitted(writes);
        } catch (e) {
          this.onFailed(writes, e);
        }
      }
      return;
    }
    m.persistSeconds.observe((performance.now() - started) / 1000);
    m.persistBatches.inc();
    m.persistedUpdates.inc(rows.length);
    this.onCommitted(batch);
  }

  /** Resolves when every queued write has been committed or failed. */
  drain(): Promise<void> {
    if (!this.scheduled && !this.inflight && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }
}
