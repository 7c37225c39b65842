import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { WorkerMerger } from "./merger";
import { mergeInProcess } from "./persistence";

/** A snapshot of two tasks and three later edits, as the log holds them. */
function stored() {
  const doc = new Y.Doc();
  const tasks = doc.getMap("tasks");
  tasks.set("a", "Design");
  tasks.set("b", "Build");
  const snapshot = Y.encodeStateAsUpdate(doc);
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  tasks.set("a", "Design review");
  tasks.delete("b");
  tasks.set("c", "Ship");
  return { snapshot, updates, expected: tasks.toJSON() };
}

const read = (update: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getMap("tasks").toJSON();
};

describe("WorkerMerger", () => {
  it("folds a snapshot and log rows on its worker into what the in-process fold gives", async () => {
    const merger = new WorkerMerger();
    try {
      const { snapshot, updates, expected } = stored();
      const folded = await merger.merge({ snapshot, updates });
      expect(merger.onWorker).toBe(true);
      expect(read(folded)).toEqual(expected);
      expect(read(folded)).toEqual(read(await mergeInProcess({ snapshot, updates })));
      // Several folds at once each get their own answer.
      const many = await Promise.all([1, 2, 3].map(() => merger.merge({ snapshot: null, updates })));
      for (const m of many) expect(read(m)).toEqual(read(updates.reduce((a, b) => Y.mergeUpdates([a, b]))));
    } finally {
      await merger.close();
    }
  });

  it("skips an unreadable row, as loading does, and keeps the rest", async () => {
    const merger = new WorkerMerger();
    try {
      const { snapshot, updates, expected } = stored();
      const folded = await merger.merge({ snapshot, updates: [...updates, new Uint8Array([255, 1, 2])] });
      expect(read(folded)).toEqual(expected);
    } finally {
      await merger.close();
    }
  });

  it("folds in-process once its worker is gone", async () => {
    const merger = new WorkerMerger();
    await merger.merge({ snapshot: null, updates: stored().updates });
    await merger.close();
    expect(merger.onWorker).toBe(false);
    const { snapshot, updates, expected } = stored();
    expect(read(await merger.merge({ snapshot, updates }))).toEqual(expected);
  });
});
