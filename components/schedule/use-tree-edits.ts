"use client";

/**
 * Work breakdown edits through useEdit: each user action (indent, outdent, move, drop, add subtask)
 * writes the moved task's `parentId` and `order`, any siblings renumbered to make room, and the
 * summary roll-ups that follow, in one transaction — one undo step. Each returns null, or why not.
 */
import { useMemo } from "react";
import { useEdit } from "@/components/collab/plan-data";
import { blankRow, insertRow, randomUUID, updateRow, type WriteResult } from "@/lib/doc";
import { rollUpChanges } from "@/lib/plan/schedule";
import type { Task, WorkingCalendar } from "@/lib/plan/types";
import {
  dropOnto,
  indent,
  moveAmongSiblings,
  orderForNewChild,
  outdent,
  type DropPosition,
  type TreePlan,
} from "@/lib/plan/wbs";

const message = (r: WriteResult) => (r.ok ? null : r.problems.map((p) => p.message).join(" "));

export interface TreeEdits {
  indent: (id: string) => string | null;
  outdent: (id: string) => string | null;
  move: (id: string, by: -1 | 1) => string | null;
  drop: (id: string, target: string, where: DropPosition) => string | null;
  /** Adds an untitled last child; returns its id, or why it was refused. */
  addSubtask: (parentId: string) => { id: string } | { error: string };
}

/** `reveal` is told the new parent of a moved task, so a collapsed one opens to show it. */
export function useTreeEdits(tasks: Task[], calendar: WorkingCalendar, reveal: (parentId: string) => void): TreeEdits {
  const { edit } = useEdit();
  return useMemo(() => {
    const byId = new Map(tasks.map((t) => [t.id, t]));
    const rollUps = (doc: Parameters<Parameters<typeof edit>[0]>[0], next: Task[]) => {
      // Children without dates do not wipe a summary's dates (the grid shows the same, see withRollUps).
      for (const c of rollUpChanges(next, calendar))
        if (c.start !== null || c.end !== null)
          updateRow(doc, "tasks", c.id, { start: c.start, end: c.end, progress: Math.round(c.progress * 100) / 100 });
    };
    const apply = (plan: TreePlan): string | null => {
      if (!plan.ok) return plan.reason;
      if (plan.changes.length === 0) return null;
      const moved = new Map(plan.changes.map((c) => [c.id, c]));
      const next = tasks.map((t) => (moved.has(t.id) ? { ...t, ...moved.get(t.id) } : t));
      const error = message(
        edit((doc) => {
          for (const c of plan.changes) {
            const patch = c.parentId === undefined ? { order: c.order } : { parentId: c.parentId, order: c.order };
            const r = updateRow(doc, "tasks", c.id, patch);
            if (!r.ok) return r;
          }
          rollUps(doc, next);
        }),
      );
      const parent = plan.changes[0]?.parentId;
      if (!error && parent) reveal(parent);
      return error;
    };
    return {
      indent: (id) => apply(indent(tasks, id)),
      outdent: (id) => apply(outdent(tasks, id)),
      move: (id, by) => apply(moveAmongSiblings(tasks, id, by)),
      drop: (id, target, where) => apply(dropOnto(tasks, id, target, where)),
      addSubtask: (parentId) => {
        const parent = byId.get(parentId);
        if (!parent) return { error: "That task no longer exists; someone may have deleted it." };
        const row: Task = {
          ...blankRow("tasks", randomUUID()),
          // The parent's span, so that it keeps its dates when it becomes a summary.
          start: parent.start,
          end: parent.end,
          parentId,
          deliverableId: parent.deliverableId,
          order: orderForNewChild(tasks, parentId),
        };
        const error = message(
          edit((doc) => {
            const r = insertRow(doc, "tasks", row);
            if (r.ok) rollUps(doc, [...tasks, row]);
            return r;
          }),
        );
        return error ? { error } : { id: row.id };
      },
    };
  }, [tasks, calendar, edit, reveal]);
}
