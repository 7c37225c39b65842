/**
 * Two editors change the work breakdown offline, each through the document writers, then exchange
 * their updates: both must derive the same valid tree, holding every task.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { insertRow, readRows, updateRow } from "@/lib/doc";
import { makeTask } from "./fixtures";
import { buildTree } from "./tree";
import type { Task } from "./types";
import { dropOnto, indent, moveAmongSiblings, outdent, type TreePlan } from "./wbs";

const ids = {
  p: "00000000-0000-4000-8000-000000000001",
  x: "00000000-0000-4000-8000-000000000002",
  y: "00000000-0000-4000-8000-000000000003",
  q: "00000000-0000-4000-8000-000000000004",
  r: "00000000-0000-4000-8000-000000000005",
};
const name = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));

const tasksOf = (doc: Y.Doc): Task[] => readRows(doc, "tasks").rows as Task[];

function write(doc: Y.Doc, plan: (tasks: Task[]) => TreePlan) {
  const p = plan(tasksOf(doc));
  if (!p.ok) throw new Error(p.reason);
  doc.transact(() => {
    for (const c of p.changes) {
      const r = updateRow(
        doc,
        "tasks",
        c.id,
        c.parentId === undefined ? { order: c.order } : { parentId: c.parentId, order: c.order },
      );
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
    }
  });
}

/** Two documents with the same starting plan: p { x, y }, q, r. */
function pair() {
  const a = new Y.Doc();
  a.transact(() => {
    insertRow(a, "tasks", makeTask({ id: ids.p, name: "p", order: 1 }));
    insertRow(a, "tasks", makeTask({ id: ids.x, name: "x", order: 1, parentId: ids.p }));
    insertRow(a, "tasks", makeTask({ id: ids.y, name: "y", order: 2, parentId: ids.p }));
    insertRow(a, "tasks", makeTask({ id: ids.q, name: "q", order: 2 }));
    insertRow(a, "tasks", makeTask({ id: ids.r, name: "r", order: 3 }));
  });
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return { a, b };
}

function exchange(a: Y.Doc, b: Y.Doc) {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

/** The derived tree as "wbs name" lines, checked for validity on the way. */
function derived(doc: Y.Doc): string[] {
  const tasks = tasksOf(doc);
  const tree = buildTree(tasks);
  expect(tree.preorder).toHaveLength(tasks.length);
  expect(new Set(tree.preorder).size).toBe(tasks.length);
  for (const [id, parent] of tree.parent) if (parent) expect(tree.depth.get(id)).toBe(tree.depth.get(parent)! + 1);
  return tree.preorder.map((id) => `${tree.wbs.get(id)} ${name[id]}`);
}

describe("concurrent work breakdown edits converge", () => {
  it("x under y on one side, y under x on the other: one valid tree on both", () => {
    const { a, b } = pair();
    write(a, (t) => dropOnto(t, ids.x, ids.y, "inside"));
    write(b, (t) => dropOnto(t, ids.y, ids.x, "inside"));
    exchange(a, b);
    expect(derived(a)).toEqual(derived(b));
    // The loop x ↔ y is broken at the smaller id (x), which becomes top-level; y stays beneath it.
    expect(derived(a)).toEqual(["1 p", "2 x", "2.1 y", "3 q", "4 r"]);
  });

  it("indent, outdent and reorder of the same and neighbouring tasks at once", () => {
    const { a, b } = pair();
    write(a, (t) => indent(t, ids.q)); // q under p
    write(a, (t) => outdent(t, ids.y)); // y after p
    write(b, (t) => moveAmongSiblings(t, ids.q, -1)); // q before p
    write(b, (t) => indent(t, ids.r)); // r under p (now the task above it)
    write(b, (t) => dropOnto(t, ids.x, ids.r, "inside")); // x under r
    exchange(a, b);
    const tree = derived(a);
    expect(tree).toEqual(derived(b));
    expect(tree.map((l) => l.split(" ")[1]).sort()).toEqual(["p", "q", "r", "x", "y"]);
  });

  it("random concurrent edits from both sides always converge to a valid tree with every task", () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const all = Object.values(ids);
    for (let round = 0; round < 60; round++) {
      const { a, b } = pair();
      for (const doc of [a, b])
        for (let i = 0; i < 4; i++) {
          const id = all[rand(all.length)]!;
          const other = all[rand(all.length)]!;
          const ops = [
            (t: Task[]) => indent(t, id),
            (t: Task[]) => outdent(t, id),
            (t: Task[]) => moveAmongSiblings(t, id, rand(2) ? 1 : -1),
            (t: Task[]) => dropOnto(t, id, other, (["before", "after", "inside"] as const)[rand(3)]!),
          ];
          const plan = ops[rand(ops.length)]!(tasksOf(doc));
          if (plan.ok) write(doc, () => plan);
        }
      exchange(a, b);
      expect(derived(a)).toEqual(derived(b));
    }
  });
});
