/**
 * The task tree, derived from each task's `parentId` and `order` (two fields of the row, last writer
 * wins for each). Concurrent edits can leave a parent that no longer exists or an ancestor chain that
 * loops (one person puts X under Y while another puts Y under X), so every reader — grid, timeline,
 * roll-ups, exports — derives the tree here, and every replica of the same document gets the same one:
 *
 * - a parent that is missing (or the task itself) is ignored: the task is top-level;
 * - each loop is broken at its member with the smallest id, which becomes top-level; the others keep
 *   their parents, so nothing is lost and the rest of the loop hangs below it;
 * - siblings are sorted by `order`, ties (and orders that are not finite numbers) by id.
 */

export interface TreeItem {
  id: string;
  parentId: string | null;
  order: number;
}

export interface TaskTree {
  /** The parent each task is actually placed under (null: top level). */
  parent: ReadonlyMap<string, string | null>;
  /** Children in order, top-level tasks under null. */
  children: ReadonlyMap<string | null, readonly string[]>;
  /** Every task once, each parent before its children (depth first, in order). */
  preorder: readonly string[];
  depth: ReadonlyMap<string, number>;
  /** Work breakdown numbers: 1, 1.1, 1.2.3. */
  wbs: ReadonlyMap<string, string>;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const orderKey = (o: number) => (Number.isFinite(o) ? o : 0);

/** The parent each task is placed under, with missing parents and loops resolved as described above. */
export function effectiveParents(items: readonly TreeItem[]): Map<string, string | null> {
  const ids = new Set(items.map((t) => t.id));
  const parent = new Map<string, string | null>();
  for (const t of items) parent.set(t.id, t.parentId && t.parentId !== t.id && ids.has(t.parentId) ? t.parentId : null);
  // Each task has one parent, so a walk up either reaches the top or enters exactly one loop.
  const state = new Map<string, "walking" | "done">();
  for (const t of items) {
    const path: string[] = [];
    let at: string | null = t.id;
    while (at !== null && !state.has(at)) {
      state.set(at, "walking");
      path.push(at);
      at = parent.get(at) ?? null;
    }
    if (at !== null && state.get(at) === "walking") {
      const loop = path.slice(path.indexOf(at));
      parent.set(
        loop.reduce((min, id) => (byId(id, min) < 0 ? id : min)),
        null,
      );
    }
    for (const id of path) state.set(id, "done");
  }
  return parent;
}

/** The tree every reader shows. Linear in the tasks apart from sorting siblings. */
export function buildTree(items: readonly TreeItem[]): TaskTree {
  const parent = effectiveParents(items);
  const order = new Map(items.map((t) => [t.id, orderKey(t.order)]));
  const children = new Map<string | null, string[]>([[null, []]]);
  for (const t of items) {
    const p = parent.get(t.id) ?? null;
    const list = children.get(p);
    if (list) list.push(t.id);
    else children.set(p, [t.id]);
  }
  for (const list of children.values()) list.sort((a, b) => order.get(a)! - order.get(b)! || byId(a, b));
  const preorder: string[] = [];
  const depth = new Map<string, number>();
  const wbs = new Map<string, string>();
  // Iterative: an imported plan may be deep, and recursion depth is limited.
  const stack: { id: string; depth: number; number: string }[] = (children.get(null) ?? [])
    .map((id, i) => ({ id, depth: 0, number: String(i + 1) }))
    .reverse();
  while (stack.length > 0) {
    const top = stack.pop()!;
    preorder.push(top.id);
    depth.set(top.id, top.depth);
    wbs.set(top.id, top.number);
    const kids = children.get(top.id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--)
      stack.push({ id: kids[i]!, depth: top.depth + 1, number: `${top.number}.${i + 1}` });
  }
  return { parent, children, preorder, depth, wbs };
}

/** Whether `id` lies beneath `ancestor` in the tree (a task is not beneath itself). */
export function isBeneath(tree: TaskTree, id: string, ancestor: string): boolean {
  for (let at = tree.parent.get(id) ?? null; at !== null; at = tree.parent.get(at) ?? null)
    if (at === ancestor) return true;
  return false;
}

/** Ids of the tasks that have children in the tree (summary tasks). */
export function summaryIds(tree: TaskTree): Set<string> {
  const out = new Set<string>();
  for (const [id, kids] of tree.children) if (id !== null && kids.length > 0) out.add(id);
  return out;
}

/** Items in tree order (each parent before its children), for lists and exports. */
export function inTreeOrder<T extends TreeItem>(items: readonly T[], tree: TaskTree = buildTree(items)): T[] {
  const of = new Map(items.map((t) => [t.id, t]));
  return tree.preorder.map((id) => of.get(id)!);
}
