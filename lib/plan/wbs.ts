/**
 * Work breakdown edits: indent, outdent, move among siblings, drop onto or beside another task, add
 * a subtask. Each works out the `parentId` and `order` fields to write (in one transaction, one undo
 * step) from the derived tree (tree.ts); it never writes a loop itself, and a loop that concurrent
 * edits make anyway is resolved by every reader the same way.
 */
import { placeAt } from "./order";
import { buildTree, isBeneath, type TaskTree, type TreeItem } from "./tree";

export interface TreeChange {
  id: string;
  /** Written only for the task that moves; renumbered siblings keep theirs. */
  parentId?: string | null;
  order: number;
}

export type TreePlan = { ok: true; changes: TreeChange[] } | { ok: false; reason: string };

export type DropPosition = "before" | "after" | "inside";

type Named = TreeItem & { name: string };
const label = (t: Named | undefined) => `“${t?.name.trim() || "Untitled task"}”`;

function context(items: readonly Named[]) {
  const tree = buildTree(items);
  const of = new Map(items.map((t) => [t.id, t]));
  const siblings = (parent: string | null, without?: string) =>
    (tree.children.get(parent) ?? []).filter((id) => id !== without).map((id) => ({ id, order: of.get(id)!.order }));
  return { tree, of, siblings };
}

/** `id` placed at `index` among the children of `parent` (index counted without `id`). */
function place(ctx: ReturnType<typeof context>, id: string, parent: string | null, index: number): TreePlan {
  const { tree, siblings } = ctx;
  const current = tree.parent.get(id) ?? null;
  if (current === parent && (tree.children.get(parent) ?? []).indexOf(id) === index) return { ok: true, changes: [] };
  const p = placeAt(siblings(parent, id), index);
  return { ok: true, changes: [{ id, parentId: parent, order: p.order }, ...p.respaced] };
}

/** Makes a task the last child of the task above it at its level. */
export function indent(items: readonly Named[], id: string): TreePlan {
  const ctx = context(items);
  const parent = ctx.tree.parent.get(id) ?? null;
  const level = ctx.tree.children.get(parent) ?? [];
  const i = level.indexOf(id);
  if (i < 0) return { ok: false, reason: "That task no longer exists; someone may have deleted it." };
  if (i === 0) return { ok: false, reason: `${label(ctx.of.get(id))} has no task above it at its level to go under.` };
  const under = level[i - 1]!;
  return place(ctx, id, under, ctx.siblings(under, id).length);
}

/** Moves a task up one level, right after its former parent. */
export function outdent(items: readonly Named[], id: string): TreePlan {
  const ctx = context(items);
  const parent = ctx.tree.parent.get(id);
  if (parent === undefined) return { ok: false, reason: "That task no longer exists; someone may have deleted it." };
  if (parent === null) return { ok: false, reason: `${label(ctx.of.get(id))} is already at the top level.` };
  const grand = ctx.tree.parent.get(parent) ?? null;
  return place(ctx, id, grand, ctx.siblings(grand, id).findIndex((s) => s.id === parent) + 1);
}

/** Moves a task one place up (-1) or down (+1) among its siblings. */
export function moveAmongSiblings(items: readonly Named[], id: string, by: -1 | 1): TreePlan {
  const ctx = context(items);
  const parent = ctx.tree.parent.get(id) ?? null;
  const level = ctx.tree.children.get(parent) ?? [];
  const i = level.indexOf(id);
  if (i < 0) return { ok: false, reason: "That task no longer exists; someone may have deleted it." };
  const to = i + by;
  if (to < 0 || to >= level.length)
    return { ok: false, reason: `${label(ctx.of.get(id))} is already the ${by < 0 ? "first" : "last"} at its level.` };
  return place(ctx, id, parent, to);
}

/** A task dropped before, after or inside another (inside: as its last child). */
export function dropOnto(items: readonly Named[], id: string, target: string, where: DropPosition): TreePlan {
  const ctx = context(items);
  if (!ctx.of.has(id) || !ctx.of.has(target))
    return { ok: false, reason: "That task no longer exists; someone may have deleted it." };
  if (id === target) return { ok: true, changes: [] };
  if (isBeneath(ctx.tree, target, id))
    return { ok: false, reason: `${label(ctx.of.get(id))} cannot go beneath one of its own subtasks.` };
  if (where === "inside") return place(ctx, id, target, ctx.siblings(target, id).length);
  const parent = ctx.tree.parent.get(target) ?? null;
  const k = ctx.siblings(parent, id).findIndex((s) => s.id === target);
  return place(ctx, id, parent, where === "before" ? k : k + 1);
}

/** The order of a new last child of `parent` (null: a new top-level task). */
export function orderForNewChild(items: readonly TreeItem[], parent: string | null, tree?: TaskTree): number {
  const t = tree ?? buildTree(items);
  const of = new Map(items.map((i) => [i.id, i.order]));
  const kids = (t.children.get(parent) ?? []).map((id) => ({ id, order: of.get(id)! }));
  return placeAt(kids, kids.length).order;
}
