"use client";

import { useState, useSyncExternalStore, type FormEvent } from "react";
import { deleteTask, insertTask, readTasks, tasksOf, updateTask } from "@/lib/collab/doc";
import type { Task } from "@/lib/plan/types";
import type { CollabClient } from "./collab-client";
import { useCollabClient, useCollabState } from "./collab-provider";

/** Tasks of the live document, re-read on every change; the projection's rows until it is ready. */
function useTasks(client: CollabClient | null, ready: boolean, initial: Task[]): Task[] {
  const [store] = useState(() => ({ cache: null as Task[] | null }));
  const subscribe = (notify: () => void) => {
    if (!client) return () => {};
    const map = tasksOf(client.doc);
    const onChange = () => {
      store.cache = null;
      notify();
    };
    map.observeDeep(onChange);
    return () => map.unobserveDeep(onChange);
  };
  const get = () => {
    if (!client || !ready) return initial;
    store.cache ??= readTasks(client.doc).tasks;
    return store.cache;
  };
  return useSyncExternalStore(subscribe, get, () => initial);
}

/** A minimal live task list for the Schedule section: add, rename, set dates, remove. */
export function LiveTaskList({ initialTasks }: { initialTasks: Task[] }) {
  const client = useCollabClient();
  const { ready } = useCollabState();
  const tasks = useTasks(client, ready, initialTasks);
  const editable = Boolean(client && ready && !client.readOnly);
  const [name, setName] = useState("");

  const add = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!client || !trimmed) return;
    const order = tasks.length ? tasks[tasks.length - 1]!.order + 1 : 1;
    client.transact((doc) => insertTask(doc, crypto.randomUUID(), { name: trimmed.slice(0, 200), order }));
    setName("");
  };

  return (
    <div className="mt-4">
      {tasks.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 px-4 py-3 text-sm text-slate-500">No tasks yet.</p>
      ) : (
        <table className="w-full text-sm" aria-label="Tasks">
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
              <th className="py-1 font-medium">Task</th>
              <th className="py-1 font-medium">Start</th>
              <th className="py-1 font-medium">End</th>
              <th className="py-1">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((t) => (
              <TaskRow key={t.id} task={t} client={client} editable={editable} />
            ))}
          </tbody>
        </table>
      )}
      {client && !client.readOnly && (
        <form onSubmit={add} className="mt-3 flex gap-2">
          <input
            aria-label="New task name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Add a task…"
            maxLength={200}
            disabled={!editable}
            className="flex-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
          <button type="submit" disabled={!editable || !name.trim()} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
            Add task
          </button>
        </form>
      )}
    </div>
  );
}

function TaskRow({ task, client, editable }: { task: Task; client: CollabClient | null; editable: boolean }) {
  // The name is committed on Enter or blur, so a half-typed word is not broadcast letter by letter.
  // A rename arriving from someone else replaces an unfinished draft of the old name.
  const [edit, setEdit] = useState<{ base: string; text: string } | null>(null);
  const draft = edit && edit.base === task.name ? edit.text : null;
  const setDraft = (text: string | null) => setEdit(text === null ? null : { base: task.name, text });
  const commitName = () => {
    const next = draft?.trim();
    if (client && next && next !== task.name) client.transact((doc) => updateTask(doc, task.id, { name: next.slice(0, 200) }));
    setDraft(null);
  };
  const setDate = (field: "start" | "end", value: string) => {
    if (!client) return;
    const v = value || null;
    const patch: Partial<Task> = { [field]: v };
    // Keep the row valid: an end before the start moves with it.
    if (field === "start" && v && task.end && task.end < v) patch.end = v;
    if (field === "end" && v && task.start && v < task.start) patch.start = v;
    client.transact((doc) => updateTask(doc, task.id, patch));
  };
  return (
    <tr className="border-t border-slate-100">
      <td className="py-1 pr-2">
        <input
          aria-label="Task name"
          value={draft ?? task.name}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commitName}
          onKeyDown={(e) => e.key === "Enter" && (e.currentTarget.blur(), e.preventDefault())}
          readOnly={!editable}
          maxLength={200}
          className="w-full rounded border border-transparent px-1.5 py-1 hover:border-slate-200 focus:border-slate-300"
        />
      </td>
      <td className="py-1 pr-2">
        <input type="date" aria-label={`Start of ${task.name}`} value={task.start ?? ""} onChange={(e) => setDate("start", e.target.value)} readOnly={!editable} className="rounded border border-slate-200 px-1.5 py-1" />
      </td>
      <td className="py-1 pr-2">
        <input type="date" aria-label={`End of ${task.name}`} value={task.end ?? ""} onChange={(e) => setDate("end", e.target.value)} readOnly={!editable} className="rounded border border-slate-200 px-1.5 py-1" />
      </td>
      <td className="py-1 text-right">
        {editable && (
          <button type="button" aria-label={`Remove ${task.name}`} onClick={() => client?.transact((doc) => deleteTask(doc, task.id))} className="rounded px-2 py-1 text-xs text-slate-500 hover:bg-slate-100 hover:text-red-700">
            Remove
          </button>
        )}
      </td>
    </tr>
  );
}
