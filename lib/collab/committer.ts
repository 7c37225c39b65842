/**
 * Group commit: every write that arrives within one tick, across all plans, goes into the log in
 * one INSERT. Up to `inFlightLimit` groups are stored concurrently (1 by default: on a busy small
 * machine fewer, larger groups win; a fast disk with more cores may gain from 2–4), but they are
 * delivered strictly in order: only after a group and every group before
 * it are committed are its writes applied to the in-memory documents, broadcast, relayed and
 * acknowledged (persist before broadcast, acknowledgements in order).
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


type Outcome = { committed: Write[][]; failed: [Write[], unknown][] };

export class GroupCommitter {
  private queue: Write[] = [];
  private scheduled = false;
  private inFlight = 0;
  /** Resolves when the latest group has been delivered; the next group delivers after it. */
  private tail: Promise<void> = Promise.resolve();
  private idle: (() => void)[] = [];

  constructor(
    private onCommitted: (writes: Write[]) => void,
    private onFailed: (writes: Write[], err: unknown) => void,
    private inFlightLimit = 1,
  ) {}

  enqueue(write: Write) {
    this.queue.push(write);
    this.kick();
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
        .catch((err) => console.error("[collab] delivering a commit failed:", err))
        .finally(() => {
          this.inFlight--;
          this.kick();
          if (this.inFlight === 0 && !this.scheduled && this.queue.length === 0) for (const fn of this.idle.splice(0)) fn();
        });
    });
  }

  private async store(batch: Write[]): Promise<Outcome> {
    const m = collabMetrics();
    const rows = (writes: Write[]) => writes.filter((w) => !w.empty).map((w) => ({ planId: w.planId, data: w.update }));
    const started = performance.now();
    try {
      const all = rows(batch);
      await appendUpdates(all);
      m.persistSeconds.observe((performance.now() - started) / 1000);
      m.persistBatches.inc();
      m.persistedUpdates.inc(all.length);
      return { committed: [batch], failed: [] };
    } catch (err) {
      m.persistFailures.inc();
      // One bad plan (deleted meanwhile) must not fail the others: retry plan by plan.
      const byPlan = new Map<string, Write[]>();
      for (const w of batch) byPlan.set(w.planId, [...(byPlan.get(w.planId) ?? []), w]);
      if (byPlan.size === 1) return { committed: [], failed: [[batch, err]] };
      const outcome: Outcome = { committed: [], failed: [] };
      for (const writes of byPlan.values()) {
        try {
          const some = rows(writes);
          await appendUpdates(some);
          m.persistedUpdates.inc(some.length);
          outcome.committed.push(writes);
        } catch (e) {
          outcome.failed.push([writes, e]);
        }
      }
      return outcome;
    }
  }

  /** Resolves when every queued write has been committed (or failed) and delivered. */
  drain(): Promise<void> {
    if (this.inFlight === 0 && !this.scheduled && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }
}
