"use client";

/**
 * The Schedule's work breakdown state: the derived tree, tasks with their roll-ups, this browser's
 * collapsed rows, and the moves the grid's rows call (a new subtask opens its parent and takes focus).
 */
import { useMemo, useState } from "react";
import { buildTree, summaryIds } from "@/lib/plan/tree";
import type { Task, WorkingCalendar } from "@/lib/plan/types";
import { withRollUps } from "./model";
import type { RowTreeActions } from "./row-tools";
import { useCollapsed } from "./use-collapsed";
import { useTreeEdits } from "./use-tree-edits";

export function useWorkBreakdown(tasks: Task[], calendar: WorkingCalendar, planId: string) {
  const { collapsed, toggle, expand, setAll } = useCollapsed(planId);
  const [focusId, setFocusId] = useState<string | null>(null);
  const treeOps = useTreeEdits(tasks, calendar, expand);
  const tree = useMemo(() => buildTree(tasks), [tasks]);
  const shown = useMemo(() => withRollUps(tasks, calendar), [tasks, calendar]);
  const summaries = useMemo(() => [...summaryIds(tree)], [tree]);
  const rowTree: RowTreeActions = useMemo(
    () => ({
      ...treeOps,
      addSubtask: (id) => {
        const r = treeOps.addSubtask(id);
        if ("error" in r) return r.error;
        expand(id);
        setFocusId(r.id);
        return null;
      },
      // The grid tracks its own drag; these are its hooks.
      dragStart: () => {},
      dragEnd: () => {},
    }),
    [treeOps, expand],
  );
  return { tree, shown, summaries, collapsed, toggle, setAll, focusId, rowTree };
}
