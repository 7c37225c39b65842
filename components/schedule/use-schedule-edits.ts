"use client";

/**
 * Every schedule edit as one transaction through useEdit (one undo step each): the change itself,
 * the dependents it pushes and the summaries above it. Each returns null, or why it was refused.
 */
import { useMemo } from "react";
import { useEdit } from "@/components/collab/plan-data";
import { deleteRow, insertRow, nextOrder, rowsOf, updateRow, type WriteResult } from "@/lib/doc";
import { addWorkingDays } from "@/lib/plan/calendar";
import { addDays, diffDays } from "@/lib/plan/dates";
import { randomUUID } from "@/lib/doc/uuid";
import { refuseDependency, rollUpChanges, shiftDependents } from "@/lib/plan/schedule";
import { buildTree } from "@/lib/plan/tree";
import type { Dependency, Task, WorkingCalendar } from "@/lib/plan/types";
import { parsePredecessor } from "@/lib/schedule/csv";
import { editChanges, type TaskPatch } from "./model";
import type { GridEdits } from "./task-grid";

const message = (r: WriteResult) => (r.ok ? null : r.problems.map((p) => p.message).join(" "));

export function useScheduleEdits(tasks: Task[], deps: Dependency[], calendar: WorkingCalendar) {
  const { editable, edit } = useEdit();
  return useMemo(() => {
    const byId = new Map(tasks.map((t) => [t.id, t]));
    const byName = new Map(tasks.map((t) => [t.name.trim().toLowerCase(), t]));
    /** Dates or progress of one task, with the dependents and summaries that follow. */
    const change = (id: string, patch: TaskPatch & Partial<Pick<Task, "kind">>): string | null => {
      const { kind, ...datesAndProgress } = patch;
      const changes = editChanges(tasks, deps, calendar, id, datesAndProgress);
      return message(
        edit((doc) => {
          const first = updateRow(doc, "tasks", id, { ...changes[0]?.patch, ...(kind ? { kind } : {}) });
          if (!first.ok) return first;
          for (const c of changes.slice(1)) {
            const r = updateRow(doc, "tasks", c.id, c.patch);
            if (!r.ok) return r;
          }
        }),
      );
    };
    const grid: GridEdits = {
      rename: (id, name) => message(edit((doc) => updateRow(doc, "tasks", id, { name }))),
      setDates: (id, start, end) => {
        const t = byId.get(id);
        if (!t) return null;
        // A new start moves the task and keeps its length; only the end field changes the length.
        if (start && t.start && t.end && end === t.end && start !== t.start && t.kind !== "milestone")
          end = addDays(t.end, diffDays(start, t.start));
        if (start && end && end < start) return "The end date cannot be before the start date.";
        if (start && !end && t.kind !== "milestone") end = start;
        return change(id, { start, end });
      },
      setDuration: (id, days) => {
        const t = byId.get(id);
        if (!t?.start) return "Give the task a start date first.";
        if (days > 3650) return "A task can last at most 3,650 working days.";
        return change(id, { end: addWorkingDays(t.start, days - 1, calendar) });
      },
      setProgress: (id, progress) => change(id, { progress }),
      setMilestone: (id, milestone) => {
        const t = byId.get(id);
        if (!t) return null;
        if (!milestone) return message(edit((doc) => updateRow(doc, "tasks", id, { kind: "task" })));
        const day = t.end ?? t.start;
        return change(id, { kind: "milestone", start: day, end: day, progress: 0 });
      },
      setAssignee: (id, assigneeId) => message(edit((doc) => updateRow(doc, "tasks", id, { assigneeId }))),
      setPriority: (id, priority) => message(edit((doc) => updateRow(doc, "tasks", id, { priority }))),
      setDeliverable: (id, deliverableId) => message(edit((doc) => updateRow(doc, "tasks", id, { deliverableId }))),
      setPredecessors: (id, text) => {
        const others = deps.filter((d) => d.to !== id);
        const next: Dependency[] = [];
        for (const part of text
          .split(";")
          .map((s) => s.trim())
          .filter(Boolean)) {
          const p = parsePredecessor(part);
          const from = p && byName.get(p.name.toLowerCase());
          if (!p) return `Write predecessors like “Design [FS+2]; Build [SS]”.`;
          if (!from) return `No task named “${p.name}”.`;
          const old = deps.find((d) => d.to === id && d.from === from.id);
          const dep = { id: old?.id ?? randomUUID(), from: from.id, to: id, type: p.type, lag: p.lag };
          const refusal = refuseDependency([...others, ...next], tasks, dep);
          if (refusal) return refusal;
          next.push(dep);
        }
        return message(
          edit((doc) => {
            for (const d of deps)
              if (d.to === id && !next.some((n) => n.id === d.id)) deleteRow(doc, "dependencies", d.id);
            for (const d of next) {
              const exists = rowsOf(doc, "dependencies").has(d.id);
              const r = exists
                ? updateRow(doc, "dependencies", d.id, { type: d.type, lag: d.lag })
                : insertRow(doc, "dependencies", d);
              if (!r.ok) return r;
            }
          }),
        );
      },
      remove: (id) => {
        // Its subtasks move up to where it sat in the derived tree (not to a parent a loop made up).
        const tree = buildTree(tasks);
        edit((doc) => {
          deleteRow(doc, "tasks", id);
          for (const d of deps) if (d.from === id || d.to === id) deleteRow(doc, "dependencies", d.id);
          for (const child of tree.children.get(id) ?? [])
            updateRow(doc, "tasks", child, { parentId: tree.parent.get(id) ?? null });
        });
      },
    };
    return {
      editable,
      grid,
      /** A bar moved or resized on the timeline. */
      moveBar: (id: string, start: string, end: string): boolean => {
        const t = byId.get(id);
        if (!t || tasks.some((x) => x.parentId === id)) return false; // summaries follow their children
        return change(id, t.kind === "milestone" ? { start: end, end } : { start, end }) === null;
      },
      setBarProgress: (id: string, progress: number): boolean => {
        const t = byId.get(id);
        if (!t || t.kind !== "task" || tasks.some((x) => x.parentId === id)) return false;
        return change(id, { progress: Math.max(0, Math.min(100, progress)) }) === null;
      },
      /** A link drawn from one bar to another: finish-to-start, no lag. */
      link: (from: string, to: string): string | null => {
        const dep = { id: randomUUID(), from, to, type: "FS" as const, lag: 0 };
        const refusal = refuseDependency(deps, tasks, dep);
        if (refusal) return refusal;
        // The new link may push its successor (and what follows): same step, same undo.
        const shifted = shiftDependents(tasks, [...deps, dep], calendar, from);
        const moved = tasks.map((t) => ({ ...t, ...shifted.find((c) => c.id === t.id) }));
        return message(
          edit((doc) => {
            const r = insertRow(doc, "dependencies", dep);
            if (!r.ok) return r;
            for (const c of shifted) updateRow(doc, "tasks", c.id, { start: c.start, end: c.end });
            for (const c of rollUpChanges(moved, calendar))
              updateRow(doc, "tasks", c.id, {
                start: c.start,
                end: c.end,
                progress: Math.round(c.progress * 100) / 100,
              });
          }),
        );
      },
      addTask: (name: string, kind: Task["kind"] = "task"): string | null =>
        message(
          edit((doc) =>
            insertRow(doc, "tasks", {
              id: randomUUID(),
              name,
              start: null,
              end: null,
              progress: 0,
              kind,
              parentId: null,
              deliverableId: null,
              assigneeId: null,
              priority: "medium",
              order: nextOrder(doc, "tasks"),
            }),
          ),
        ),
    };
  }, [tasks, deps, calendar, edit, editable]);
}
