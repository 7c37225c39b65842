/**
 * Compaction's fold (snapshot + log rows → one update) on a worker thread. Folding 500 rows takes
 * 10–20 ms of CPU; on the event loop that delays every edit being fanned out meanwhile, which is
 * what set the collaboration benchmark's p99 on a busy plan (docs/benchmarks.md). One worker per
 * server, started on first use and never holding the process open; if it cannot start or dies,
 * the fold runs in-process as before.
 */
import { Worker } from "node:worker_threads";
import { mergeInProcess, type Merge } from "./persistence";

type Reply = { id: number; data?: Uint8Array; skipped?: number; error?: string };

export class WorkerMerger {
  private worker: Worker | null = null;
  private broken = false;
  private next = 1;
  private waiting = new Map<number, { resolve: (d: Uint8Array) => void; reject: (e: Error) => void }>();

  /** Whether folds run on the worker thread (false before the first fold and once it is gone). */
  get onWorker(): boolean {
    return this.worker !== null;
  }

  /** A `Merge` for `compact()`. */
  readonly merge: Merge = async (state) => {
    const worker = this.start();
    if (!worker) return mergeInProcess(state);
    const id = this.next++;
    const parts = state.snapshot ? [state.snapshot, ...state.updates] : state.updates;
    return new Promise<Uint8Array>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      if (this.waiting.size === 1) worker.ref(); // keep replies coming while one is awaited
      worker.postMessage({ id, parts });
    });
  };

  private start(): Worker | null {
    if (this.worker || this.broken) return this.worker;
    try {
      const worker = new Worker(new URL("./merge-worker.mjs", import.meta.url), { execArgv: [] });
      worker.unref();
      worker.on("message", (reply: Reply) => this.settle(reply));
      worker.on("error", (err) => this.fail(err));
      worker.on("exit", (code) => this.fail(new Error(`the merge worker exited with code ${code}`)));
      this.worker = worker;
    } catch (err) {
      this.fail(err instanceof Error ? err : new Error(String(err)));
    }
    return this.worker;
  }

  private settle(reply: Reply) {
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker?.unref();
    if (reply.error || !reply.data) return waiter.reject(new Error(reply.error ?? "the merge worker sent nothing"));
    if (reply.skipped) console.error(`[collab] skipped ${reply.skipped} unreadable stored update(s)`);
    waiter.resolve(new Uint8Array(reply.data));
  }

  /** The worker is gone: what it was folding is refused (compaction retries later), and folds run in-process. */
  private fail(err: Error) {
    if (!this.broken) console.error(`[collab] merge worker unavailable, folding in-process: ${err.message}`);
    this.broken = true;
    this.worker = null;
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
  }

  async close() {
    const worker = this.worker;
    this.worker = null;
    this.broken = true;
    for (const w of this.waiting.values()) w.reject(new Error("the collaboration server is shutting down"));
    this.waiting.clear();
    if (worker) await worker.terminate();
  }
}
