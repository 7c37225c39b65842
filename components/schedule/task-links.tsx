"use client";

/**
 * A task's links, listed in its popup: each one editable or removable, and a form to add one
 * (the keyboard's way to do what dragging from a bar's end does).
 */
import { useState, type FormEvent } from "react";
import type { Dependency, DependencyType, Task } from "@/lib/plan/types";
import { Button } from "@/components/ui/button";
import { linkLabel } from "./frappe-arrows";
import { field, KindOptions, LinkForm, Refusal } from "./link-popover";
import type { LinkDraft } from "./use-link-edits";

const nameOf = (t: Task | undefined) => t?.name.trim() || "Untitled task";

export function TaskLinks({
  task,
  tasks,
  deps,
  editable,
  onSave,
  onRemove,
}: {
  task: Task;
  tasks: readonly Task[];
  deps: readonly Dependency[];
  editable: boolean;
  onSave: (draft: LinkDraft) => string | null;
  onRemove: (id: string) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const mine = deps.filter((d) => d.from === task.id || d.to === task.id);
  return (
    <div className="mt-3" data-testid="task-links">
      <h4 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Links</h4>
      {mine.length === 0 && <p className="text-sm text-slate-600">No links.</p>}
      <ul className="mt-1 flex flex-col gap-1">
        {mine.map((d) => {
          const text = `${nameOf(byId.get(d.from))} → ${nameOf(byId.get(d.to))} · ${d.type}${linkLabel("FS", d.lag) ? ` ${linkLabel("FS", d.lag)}` : ""}`;
          return (
            <li key={d.id} className="text-sm" data-testid="task-link">
              <div className="flex flex-wrap items-center gap-2">
                <span>{text}</span>
                {editable && editing !== d.id && (
                  <Button
                    type="button"
                    size="sm"
                    variant="ghost-accent"
                    className="min-h-6"
                    aria-label={`Edit link ${text}`}
                    onClick={() => setEditing(d.id)}
                  >
                    Edit
                  </Button>
                )}
                {editable && (
                  <Button
                    type="button"
                    size="sm"
                    variant="remove"
                    className="min-h-6"
                    aria-label={`Remove link ${text}`}
                    onClick={() => onRemove(d.id)}
                  >
                    Remove
                  </Button>
                )}
              </div>
              {editing === d.id && (
                <div className="mt-1 rounded border border-slate-200 p-2">
                  <LinkForm draft={d} editable={editable} onSave={onSave} onDone={() => setEditing(null)} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {editable && <AddLink task={task} tasks={tasks} onSave={onSave} />}
    </div>
  );
}

function AddLink({
  task,
  tasks,
  onSave,
}: {
  task: Task;
  tasks: readonly Task[];
  onSave: (draft: LinkDraft) => string | null;
}) {
  const [other, setOther] = useState("");
  const [side, setSide] = useState<"before" | "after">("before");
  const [type, setType] = useState<DependencyType>("FS");
  const [lag, setLag] = useState("0");
  const [error, setError] = useState<string | null>(null);
  const add = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(lag);
    if (!other || !Number.isInteger(n)) return setError("Choose a task and a whole number of days.");
    const [from, to] = side === "before" ? [other, task.id] : [task.id, other];
    const refusal = onSave({ from, to, type, lag: n });
    setError(refusal);
    if (!refusal) setOther("");
  };
  return (
    <form onSubmit={add} aria-label="Add a link" className="mt-2 flex flex-wrap items-end gap-2 text-sm">
      <select
        aria-label="Direction of the new link"
        value={side}
        onChange={(e) => setSide(e.target.value as typeof side)}
        className={field}
      >
        <option value="before">This task comes after</option>
        <option value="after">This task comes before</option>
      </select>
      <select
        aria-label="Task to link with"
        value={other}
        onChange={(e) => setOther(e.target.value)}
        className={`${field} max-w-48`}
      >
        <option value="">Choose a task…</option>
        {tasks
          .filter((t) => t.id !== task.id)
          .map((t) => (
            <option key={t.id} value={t.id}>
              {nameOf(t)}
            </option>
          ))}
      </select>
      <select
        aria-label="Kind of the new link"
        value={type}
        onChange={(e) => setType(e.target.value as DependencyType)}
        className={field}
      >
        <KindOptions />
      </select>
      <input
        aria-label="Lag of the new link"
        type="number"
        step={1}
        value={lag}
        onChange={(e) => setLag(e.target.value)}
        className={`${field} w-16`}
      />
      <Button type="submit" size="sm" variant="secondary" className="min-h-6" disabled={!other}>
        Add link
      </Button>
      <Refusal error={error} />
    </form>
  );
}
