"use client";

/**
 * Links edited from the timeline (arrow popover, task popup): add one, change its kind or lag, or
 * remove it. A link that now holds its successor back pushes it (and what follows), in the same
 * transaction: one undo step. Each returns null, or why it was refused.
 */
import { useMemo } from "react";
import { useEdit } from "@/components/collab/plan-data";
import { deleteRow, insertRow, rowsOf, updateRow, type WriteResult } from "@/lib/doc";
import { randomUUID } from "@/lib/doc/uuid";
import { refuseDependency, rollUpChanges, shiftDependents } from "@/lib/plan/schedule";
import type { Dependency, DependencyType, Task, WorkingCalendar } from "@/lib/plan/types";

export type LinkDraft = { id?: string; from: string; to: string; type: DependencyType; lag: number };

const message = (r: WriteResult) => (r.ok ? null : r.problems.map((p) => p.message).join(" "));

export function useLinkEdits(tasks: Task[], deps: Dependency[], calendar: WorkingCalendar) {
  const { editable, edit } = useEdit();
  return useMemo(() => {
    /** Adds the link, or changes the one with its id; returns [refusal, the link's id]. */
    const save = (draft: LinkDraft): [string | null, string] => {
      const id = draft.id ?? randomUUID();
      const dep: Dependency = { id, from: draft.from, to: draft.to, type: draft.type, lag: draft.lag };
      if (!Number.isInteger(dep.lag) || Math.abs(dep.lag) > 3650)
        return ["The lag is a whole number of working days.", id];
      const others = deps.filter((d) => d.id !== id);
      const refusal = refuseDependency(others, tasks, dep);
      if (refusal) return [refusal, id];
      const shifted = shiftDependents(tasks, [...others, dep], calendar, dep.from);
      const moved = tasks.map((t) => ({ ...t, ...shifted.find((c) => c.id === t.id) }));
      const r = edit((doc) => {
        const w = rowsOf(doc, "dependencies").has(id)
          ? updateRow(doc, "dependencies", id, { type: dep.type, lag: dep.lag })
          : insertRow(doc, "dependencies", dep);
        if (!w.ok) return w;
        for (const c of shifted) updateRow(doc, "tasks", c.id, { start: c.start, end: c.end });
        for (const c of rollUpChanges(moved, calendar))
          updateRow(doc, "tasks", c.id, { start: c.start, end: c.end, progress: Math.round(c.progress * 100) / 100 });
      });
      return [message(r), id];
    };
    const remove = (id: string) => message(edit((doc) => deleteRow(doc, "dependencies", id)));
    return { editable, save, remove };
  }, [tasks, deps, calendar, edit, editable]);
}
