"use client";

import { useMemo } from "react";
import { useEdit, useRows } from "@/components/collab/plan-data";
import { ProgressBar } from "@/components/charts/progress-bar";
import { AddRow, RemoveButton } from "@/components/fields/add-row";
import { DateField } from "@/components/fields/date-field";
import { PersonField } from "@/components/fields/person-field";
import { SelectField } from "@/components/fields/select-field";
import { TextField } from "@/components/fields/text-field";
import { deleteRow, insertRow, nextOrder, randomUUID, updateRow, type PatchOf, type RowOf } from "@/lib/doc";
import { deliverablesProgress } from "@/lib/plan/progress";
import { NAME_MAX, TEXT_MAX } from "@/lib/plan/validation";
import { FocusLink } from "@/components/plan/focus-link";
import { Empty } from "@/components/ui/empty";
import { useCalendar } from "./use-calendar";

type Deliverable = RowOf<"deliverables">;
type Edit = ReturnType<typeof useEdit>["edit"];
const taskLabel = (t: { name: string }) => t.name.trim() || "Untitled task";

export const deliverableStatuses = [
  { value: "planned", label: "Planned" },
  { value: "in_progress", label: "In progress" },
  { value: "done", label: "Done" },
  { value: "accepted", label: "Accepted" },
] as const;

export function DeliverablesSection() {
  const deliverables = useRows("deliverables");
  const tasks = useRows("tasks");
  const calendar = useCalendar();
  const { editable, edit } = useEdit();
  const progress = useMemo(() => deliverablesProgress(deliverables, tasks, calendar), [deliverables, tasks, calendar]);
  return (
    <div className="mt-4">
      {deliverables.length === 0 ? (
        <Empty>No deliverables yet.{editable && " Add the tangible outputs the plan will produce."}</Empty>
      ) : (
        <ul className="flex flex-col gap-3" aria-label="Deliverables">
          {deliverables.map((d) => (
            <li key={d.id} id={`row-${d.id}`} tabIndex={-1} className="rounded-md border border-slate-200 p-3">
              <DeliverableCard
                deliverable={d}
                tasks={tasks}
                progress={progress.get(d.id) ?? null}
                editable={editable}
                edit={edit}
              />
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <AddRow
          label="New deliverable name"
          button="Add deliverable"
          placeholder="e.g. Requirements document"
          maxLength={NAME_MAX}
          onAdd={(name) =>
            edit((doc) =>
              insertRow(doc, "deliverables", {
                id: randomUUID(),
                name,
                description: "",
                ownerId: null,
                due: null,
                acceptanceCriteria: "",
                status: "planned",
                order: nextOrder(doc, "deliverables"),
              }),
            )
          }
        />
      )}
    </div>
  );
}

function DeliverableCard({
  deliverable: d,
  tasks,
  progress,
  editable,
  edit,
}: {
  deliverable: Deliverable;
  tasks: RowOf<"tasks">[];
  progress: number | null;
  editable: boolean;
  edit: Edit;
}) {
  const save = (patch: PatchOf<"deliverables">) => edit((doc) => updateRow(doc, "deliverables", d.id, patch));
  const name = d.name || "Untitled deliverable";
  const linked = tasks.filter((t) => t.deliverableId === d.id);
  const unlinked = tasks.filter((t) => t.deliverableId !== d.id);
  const link = (taskId: string | null, deliverableId: string | null) =>
    taskId && edit((doc) => updateRow(doc, "tasks", taskId, { deliverableId }));
  return (
    <>
      <div className="flex items-start justify-between gap-2">
        <TextField
          label="Deliverable name"
          hideLabel
          value={d.name}
          onCommit={(v) => save({ name: v })}
          editable={editable}
          maxLength={NAME_MAX}
          empty="Untitled deliverable"
          className="flex-1"
          inputClassName="font-medium"
        />
        {editable && <RemoveButton what={name} onRemove={() => edit((doc) => deleteRow(doc, "deliverables", d.id))} />}
      </div>
      <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-3">
        <PersonField label="Owner" value={d.ownerId} onCommit={(ownerId) => save({ ownerId })} editable={editable} />
        <DateField label="Due date" value={d.due} onCommit={(due) => save({ due })} editable={editable} />
        <SelectField
          label="Status"
          value={d.status}
          options={deliverableStatuses}
          onCommit={(v) => save({ status: v as Deliverable["status"] })}
          editable={editable}
        />
      </div>
      <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
        <TextField
          label="Description"
          multiline
          value={d.description}
          onCommit={(description) => save({ description })}
          editable={editable}
          maxLength={TEXT_MAX}
        />
        <TextField
          label="Acceptance criteria"
          multiline
          value={d.acceptanceCriteria}
          onCommit={(acceptanceCriteria) => save({ acceptanceCriteria })}
          editable={editable}
          maxLength={TEXT_MAX}
        />
      </div>
      <div className="mt-3 border-t border-slate-100 pt-2">
        <div className="flex items-center gap-2 text-xs text-slate-600">
          {progress === null ? (
            <span>No tasks produce this deliverable yet{editable ? ": link one below." : "."}</span>
          ) : (
            <>
              <ProgressBar
                value={progress}
                label={`Progress of ${name}`}
                tone={progress >= 100 ? "emerald" : "indigo"}
                className="max-w-xs"
              />
              <span className="tabular-nums">
                {Math.round(progress)}% from {linked.length} {linked.length === 1 ? "task" : "tasks"}
              </span>
            </>
          )}
        </div>
        {linked.length > 0 && (
          <ul className="mt-1 flex flex-wrap gap-1 text-xs" aria-label={`Tasks producing ${name}`}>
            {linked.map((t) => (
              <li key={t.id} className="flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5">
                <FocusLink section="schedule" rowId={t.id} className="hover:underline">
                  {taskLabel(t)}
                </FocusLink>
                <span className="tabular-nums text-slate-600">{Math.round(t.progress)}%</span>
                {editable && (
                  <button
                    type="button"
                    aria-label={`Unlink ${taskLabel(t)} from ${name}`}
                    onClick={() => link(t.id, null)}
                    className="text-slate-600 hover:text-red-700"
                  >
                    ×
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {editable && unlinked.length > 0 && (
          <label className="mt-2 flex items-center gap-2 text-xs text-slate-600">
            Link a task
            <select
              value=""
              onChange={(e) => link(e.target.value || null, d.id)}
              className="rounded border border-slate-200 bg-white px-1.5 py-1 text-xs"
            >
              <option value="">Choose a task…</option>
              {unlinked.map((t) => (
                <option key={t.id} value={t.id}>
                  {taskLabel(t)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </>
  );
}
