"use client";

/** The schedule's small forms: a new task, a new baseline. */
import { useState, type FormEvent } from "react";
import { useEdit } from "@/components/collab/plan-data";
import { insertRow, randomUUID } from "@/lib/doc";
import { captureBaseline } from "@/lib/plan/baseline";
import { Button } from "@/components/ui/button";
import { Refusal } from "./link-popover";

export function AddTask({ onAdd }: { onAdd: (name: string, kind?: "task" | "milestone" | "buffer") => string | null }) {
  const [name, setName] = useState("");
  const [kind, setKind] = useState<"task" | "milestone" | "buffer">("task");
  const [error, setError] = useState<string | null>(null);
  const add = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    const r = onAdd(trimmed.slice(0, 200), kind);
    setError(r);
    if (!r) setName("");
  };
  return (
    <form onSubmit={add} className="mt-3 flex flex-wrap gap-2">
      <input
        aria-label="New task name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        placeholder="Add a task…"
        maxLength={200}
        className="min-w-48 flex-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
      />
      <select
        aria-label="Kind of the new task"
        value={kind}
        onChange={(e) => setKind(e.target.value as typeof kind)}
        className="rounded-md border border-slate-300 px-2 text-sm"
      >
        <option value="task">Task</option>
        <option value="milestone">Milestone</option>
        <option value="buffer">Buffer</option>
      </select>
      <Button type="submit" disabled={!name.trim()} variant="primary">
        Add task
      </Button>
      <Refusal error={error} />
    </form>
  );
}

export function SaveBaseline({
  tasks,
  onSaved,
}: {
  tasks: Parameters<typeof captureBaseline>[0];
  onSaved: (id: string) => void;
}) {
  const { edit } = useEdit();
  const [name, setName] = useState("");
  const save = (e: FormEvent) => {
    e.preventDefault();
    const id = randomUUID();
    const b = captureBaseline(
      tasks,
      id,
      name.trim() || `Baseline ${new Date().toISOString().slice(0, 10)}`,
      new Date().toISOString(),
    );
    const r = edit((doc) => insertRow(doc, "baselines", b));
    if (r.ok) {
      setName("");
      onSaved(id);
    }
  };
  return (
    <form onSubmit={save} className="flex items-center gap-1 text-xs">
      <input
        aria-label="Baseline name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={100}
        placeholder="Baseline name"
        className="w-32 rounded border border-slate-300 px-1 py-0.5"
      />
      <Button type="submit" variant="secondary" size="xs">
        Save baseline
      </Button>
    </form>
  );
}
