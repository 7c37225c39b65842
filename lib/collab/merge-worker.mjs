/**
 * The worker thread of merger.ts: folds a stored snapshot and log rows into one Yjs update, away
 * from the event loop that fans edits out. Plain JavaScript, so it runs under any loader (the
 * server's, Vitest's); the fold itself is persistence.ts's `applyState` (same order, same skips).
 */
import { parentPort } from "node:worker_threads";
import * as Y from "yjs";

parentPort.on("message", ({ id, parts }) => {
  try {
    const doc = new Y.Doc();
    let skipped = 0;
    doc.transact(() => {
      for (const part of parts) {
        try {
          Y.applyUpdate(doc, part, "store");
        } catch {
          skipped++;
        }
      }
    }, "store");
    const data = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    parentPort.postMessage({ id, data, skipped }, [data.buffer]);
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
