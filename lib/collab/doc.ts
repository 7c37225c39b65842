/**
 * The plan document's layout (docs/collab-schema.md): a public contract shared by the browser,
 * the collaboration server and the projection. No server-only imports here.
 */
import * as Y from "yjs";
import { z } from "zod";
import type { Task } from "@/lib/plan/types";

export const SCHEMA_VERSION = 1;

/** Top-level shared types. Rows live in top-level maps, never nested under a section map, so
 *  two clients creating the same container concurrently cannot overwrite each other. */
export const ROOT = {
  meta: "meta",
  tasks: "tasks",
} as const;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "dates are YYYY-MM-DD")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "not a calendar date");

const id = z.uuid();

/** One task row as stored in `tasks.<id>`; missing optional fields take their defaults. */
export const taskRow = z
  .object({
    name: z.string().max(500),
    start: isoDate.nullable().default(null),
    end: isoDate.nullable().default(null),
    progress: z.number().min(0).max(100).default(0),
    kind: z.enum(["task", "milestone", "buffer"]).default("task"),
    parentId: id.nullable().default(null),
    deliverableId: id.nullable().default(null),
    assigneeId: id.nullable().default(null),
    order: z.number().default(0),
  })
  .refine((t) => !t.start || !t.end || t.start <= t.end, { message: "start is after end", path: ["end"] });

export type InvalidRow = { section: string; id: string; error: string };

export const tasksOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(ROOT.tasks);
export const metaOf = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.meta);

/** Schema version the document declares (1 when never written). */
export function schemaVersionOf(doc: Y.Doc): number {
  const v = metaOf(doc).get("schemaVersion");
  return typeof v === "number" && Number.isInteger(v) && v > 0 ? v : SCHEMA_VERSION;
}

/** Every valid task, sorted by `order` then id; malformed rows are returned apart, never thrown. */
export function readTasks(doc: Y.Doc): { tasks: Task[]; invalid: InvalidRow[] } {
  const tasks: Task[] = [];
  const invalid: InvalidRow[] = [];
  tasksOf(doc).forEach((row, key) => {
    const plain = row instanceof Y.Map ? row.toJSON() : row;
    const parsedId = id.safeParse(key);
    const parsed = taskRow.safeParse(plain);
    if (!parsedId.success || !parsed.success) {
      const issue = !parsedId.success ? "row key is not a UUID" : parsed.error!.issues.map((i) => `${i.path.join(".") || "row"}: ${i.message}`).join("; ");
      invalid.push({ section: ROOT.tasks, id: key, error: issue });
      return;
    }
    tasks.push({ id: key, ...parsed.data, progress: Math.round(parsed.data.progress) });
  });
  tasks.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return { tasks, invalid };
}

export type TaskPatch = Partial<Omit<Task, "id">>;

/** Add a task row (call inside `doc.transact` with the local origin). */
export function insertTask(doc: Y.Doc, taskId: string, fields: TaskPatch & { name: string }) {
  const meta = metaOf(doc);
  if (meta.get("schemaVersion") === undefined) meta.set("schemaVersion", SCHEMA_VERSION);
  const row = new Y.Map<unknown>();
  const full = { start: null, end: null, progress: 0, kind: "task", parentId: null, deliverableId: null, assigneeId: null, order: 0, ...fields };
  for (const [k, v] of Object.entries(full)) row.set(k, v);
  tasksOf(doc).set(taskId, row);
}

/** Change some fields of one task; each field is its own entry so concurrent edits of different fields both survive. */
export function updateTask(doc: Y.Doc, taskId: string, patch: TaskPatch) {
  const row = tasksOf(doc).get(taskId);
  if (!(row instanceof Y.Map)) return;
  for (const [k, v] of Object.entries(patch)) if (row.get(k) !== v) row.set(k, v);
}

export function deleteTask(doc: Y.Doc, taskId: string) {
  tasksOf(doc).delete(taskId);
}
