/** Row factories for tests and examples: a complete row from the few fields that matter. */
import type { Dependency, DependencyType, Task } from "./types";

/** A task with sensible defaults; kind "milestone" gets end = start unless given. */
export function makeTask(fields: Partial<Task> & { id: string }): Task {
  const start = fields.start ?? null;
  return {
    name: fields.id,
    start,
    end: fields.kind === "milestone" ? start : null,
    progress: 0,
    kind: "task",
    parentId: null,
    deliverableId: null,
    assigneeId: null,
    priority: "medium",
    order: 0,
    ...fields,
  };
}

/** A dependency `from → to`, finish-to-start with no lag unless told. */
export function makeDep(from: string, to: string, type: DependencyType = "FS", lag = 0): Dependency {
  return { id: `${from}-${type}-${to}`, from, to, type, lag };
}
