import { describe, expect, it } from "vitest";
import { placeAt } from "./order";
import { buildTree, effectiveParents, inTreeOrder, isBeneath, summaryIds, type TreeItem } from "./tree";
import { dropOnto, indent, moveAmongSiblings, orderForNewChild, outdent, type TreePlan } from "./wbs";

const item = (id: string, parentId: string | null = null, order = 0) => ({ id, parentId, order, name: id });
const shape = (items: TreeItem[]) => {
  const t = buildTree(items);
  return t.preorder.map((id) => `${t.wbs.get(id)} ${id}`);
};
/** Applies a plan's changes to the items, as the document would. */
const apply = <T extends TreeItem>(items: T[], plan: TreePlan): T[] => {
  if (!plan.ok) throw new Error(plan.reason);
  const by = new Map(plan.changes.map((c) => [c.id, c]));
  return items.map((t) => (by.has(t.id) ? { ...t, ...by.get(t.id) } : t));
};

describe("buildTree", () => {
  it("orders siblings by order, ties by id, and numbers them 1, 1.1, 1.2.3", () => {
    const items = [item("b", null, 2), item("a", null, 1), item("a2", "a", 2), item("a1", "a", 1), item("x", "a1", 5)];
    items.push(item("tie-b", "a2", 1), item("tie-a", "a2", 1));
    expect(shape(items)).toEqual(["1 a", "1.1 a1", "1.1.1 x", "1.2 a2", "1.2.1 tie-a", "1.2.2 tie-b", "2 b"]);
    const t = buildTree(items);
    expect(t.depth.get("x")).toBe(2);
    expect([...summaryIds(t)].sort()).toEqual(["a", "a1", "a2"]);
    expect(inTreeOrder(items, t).map((i) => i.id)).toEqual(t.preorder);
  });

  it("puts a task whose parent is missing, or itself, at the top level", () => {
    expect(shape([item("a", "gone", 1), item("b", "b", 0)])).toEqual(["1 b", "2 a"]);
  });

  it("breaks a loop at its smallest id, which becomes top-level with the loop beneath it", () => {
    const items = [item("y", "x"), item("x", "z"), item("z", "y"), item("k", "y", 1)];
    expect(effectiveParents(items).get("x")).toBeNull();
    expect(shape(items)).toEqual(["1 x", "1.1 y", "1.1.1 z", "1.1.2 k"]);
  });

  it("gives the same tree whatever order the rows are read in", () => {
    const items = [item("p"), item("x", "y", 1), item("y", "x", 2), item("q", "p", 1), item("r", "zz", 3)];
    const expected = shape(items);
    for (let i = 0; i < 20; i++) {
      const shuffled = [...items].sort(() => Math.random() - 0.5);
      expect(shape(shuffled)).toEqual(expected);
    }
    expect(expected).toHaveLength(items.length);
  });

  it("survives a deep chain without recursion limits", () => {
    const items = Array.from({ length: 20_000 }, (_, i) =>
      item(`t${String(i).padStart(5, "0")}`, i ? `t${String(i - 1).padStart(5, "0")}` : null),
    );
    const t = buildTree(items);
    expect(t.preorder).toHaveLength(20_000);
    expect(t.depth.get("t19999")).toBe(19_999);
    expect(isBeneath(t, "t19999", "t00000")).toBe(true);
    expect(isBeneath(t, "t00000", "t19999")).toBe(false);
  });
});

describe("placeAt", () => {
  it("takes the midpoint, and renumbers the siblings when the gap runs out", () => {
    expect(
      placeAt(
        [
          { id: "a", order: 1 },
          { id: "b", order: 2 },
        ],
        1,
      ),
    ).toEqual({ order: 1.5, respaced: [] });
    const tight = [
      { id: "a", order: 1 },
      { id: "b", order: 1 + 1e-12 },
      { id: "c", order: 3 },
    ];
    const p = placeAt(tight, 1);
    expect(p.order).toBe(2);
    expect(p.respaced).toEqual([
      { id: "b", order: 3 },
      { id: "c", order: 4 },
    ]);
  });

  it("keeps a row moving into the same spot in order however often it happens", () => {
    let items = [item("a", null, 1), item("b", null, 2), item("m", null, 3)];
    for (let i = 0; i < 200; i++) {
      // m goes right after a, then b goes right after a, and so on: the gap after a halves each time.
      const mover = i % 2 ? "b" : "m";
      items = apply(items, dropOnto(items, mover, "a", "after"));
      expect(buildTree(items).children.get(null)![1]).toBe(mover);
    }
  });
});

describe("work breakdown edits", () => {
  const base = [item("a", null, 1), item("b", null, 2), item("c", null, 3), item("c1", "c", 1)];

  it("indents under the task above, outdents right after the parent", () => {
    const one = apply(base, indent(base, "b"));
    expect(shape(one)).toEqual(["1 a", "1.1 b", "2 c", "2.1 c1"]);
    const two = apply(one, indent(one, "c"));
    expect(shape(two)).toEqual(["1 a", "1.1 b", "1.2 c", "1.2.1 c1"]);
    const three = apply(two, outdent(two, "b"));
    expect(shape(three)).toEqual(["1 a", "1.1 c", "1.1.1 c1", "2 b"]);
    expect(indent(base, "a")).toEqual({ ok: false, reason: "“a” has no task above it at its level to go under." });
    expect(outdent(base, "a")).toEqual({ ok: false, reason: "“a” is already at the top level." });
  });

  it("moves among siblings only", () => {
    expect(shape(apply(base, moveAmongSiblings(base, "c", -1)))).toEqual(["1 a", "2 c", "2.1 c1", "3 b"]);
    expect(shape(apply(base, moveAmongSiblings(base, "a", 1)))).toEqual(["1 b", "2 a", "3 c", "3.1 c1"]);
    expect(moveAmongSiblings(base, "c1", 1).ok).toBe(false);
    expect(moveAmongSiblings(base, "a", -1).ok).toBe(false);
  });

  it("drops before, after and inside, and refuses to go beneath its own subtask", () => {
    expect(shape(apply(base, dropOnto(base, "a", "c1", "before")))).toEqual(["1 b", "2 c", "2.1 a", "2.2 c1"]);
    expect(shape(apply(base, dropOnto(base, "a", "b", "after")))).toEqual(["1 b", "2 a", "3 c", "3.1 c1"]);
    expect(shape(apply(base, dropOnto(base, "a", "b", "inside")))).toEqual(["1 b", "1.1 a", "2 c", "2.1 c1"]);
    expect(dropOnto(base, "c", "c1", "inside")).toEqual({
      ok: false,
      reason: "“c” cannot go beneath one of its own subtasks.",
    });
    expect(dropOnto(base, "a", "b", "before")).toEqual({ ok: true, changes: [] });
  });

  it("adds a subtask after the last child", () => {
    expect(orderForNewChild(base, "c")).toBe(2);
    expect(orderForNewChild(base, "a")).toBe(1);
    expect(orderForNewChild(base, null)).toBe(4);
  });
});
