"use client";

import { useEdit, useRows } from "@/components/collab/plan-data";
import { ProgressBar } from "@/components/charts/progress-bar";
import { AddRow, RemoveButton } from "@/components/fields/add-row";
import { DateField } from "@/components/fields/date-field";
import { NumberField } from "@/components/fields/number-field";
import { MoveButtons, useReorder } from "@/components/fields/reorder";
import { TextField } from "@/components/fields/text-field";
import { deleteRow, insertRow, nextOrder, randomUUID, updateRow, type PatchOf, type RowOf } from "@/lib/doc";
import { kpiProgress } from "@/lib/plan/progress";
import { NAME_MAX, TEXT_MAX } from "@/lib/plan/validation";
import { Empty } from "@/components/ui/empty";

type Objective = RowOf<"objectives">;

export function ObjectivesSection() {
  const objectives = useRows("objectives");
  const { editable, edit } = useEdit();
  const reorder = useReorder(objectives, (id, order) => edit((doc) => updateRow(doc, "objectives", id, { order })));
  return (
    <div className="mt-4">
      {objectives.length === 0 ? (
        <Empty>No objectives yet.{editable && " Add the first: what does success look like?"}</Empty>
      ) : (
        <ol className="flex flex-col gap-3" aria-label="Objectives">
          {objectives.map((o, i) => (
            <li
              key={o.id}
              id={`row-${o.id}`}
              tabIndex={-1}
              {...reorder.rowProps(o.id)}
              className="rounded-md border border-slate-200 p-3 data-[drop-target]:border-indigo-500 data-[drop-target]:bg-indigo-50"
            >
              <ObjectiveCard objective={o} editable={editable} edit={edit}>
                {editable && (
                  <div className="flex items-center gap-1">
                    <span
                      {...reorder.handleProps(o.id)}
                      aria-hidden
                      title="Drag to reorder"
                      className="cursor-grab select-none px-1 text-slate-400"
                    >
                      ⠿
                    </span>
                    <MoveButtons
                      name={o.title || "objective"}
                      index={i}
                      count={objectives.length}
                      onMove={(to) => reorder.moveTo(o.id, to)}
                    />
                    <RemoveButton
                      what={o.title || "objective"}
                      onRemove={() => edit((doc) => deleteRow(doc, "objectives", o.id))}
                    />
                  </div>
                )}
              </ObjectiveCard>
            </li>
          ))}
        </ol>
      )}
      {editable && (
        <AddRow
          label="New objective title"
          button="Add objective"
          placeholder="e.g. Cut support calls about invoices"
          maxLength={NAME_MAX}
          onAdd={(title) =>
            edit((doc) =>
              insertRow(doc, "objectives", {
                ...blank(),
                id: randomUUID(),
                title,
                order: nextOrder(doc, "objectives"),
              }),
            )
          }
        />
      )}
    </div>
  );
}

const blank = (): Omit<Objective, "id"> => ({
  title: "",
  description: "",
  kpi: { metric: "", baseline: null, target: null, current: null, unit: "", due: null },
  order: 0,
});

function ObjectiveCard({
  objective: o,
  editable,
  edit,
  children,
}: {
  objective: Objective;
  editable: boolean;
  edit: ReturnType<typeof useEdit>["edit"];
  children: React.ReactNode;
}) {
  const save = (patch: PatchOf<"objectives">) => edit((doc) => updateRow(doc, "objectives", o.id, patch));
  const kpi = (patch: Partial<Objective["kpi"]>) => save({ kpi: patch });
  const progress = kpiProgress(o.kpi);
  const name = o.title || "Untitled objective";
  return (
    <>
      <div className="flex items-start justify-between gap-2">
        <TextField
          label="Objective title"
          hideLabel
          value={o.title}
          onCommit={(title) => save({ title })}
          editable={editable}
          maxLength={NAME_MAX}
          empty="Untitled objective"
          className="flex-1"
          inputClassName="font-medium"
        />
        {children}
      </div>
      <TextField
        label={`Description of ${name}`}
        hideLabel
        value={o.description}
        onCommit={(description) => save({ description })}
        editable={editable}
        multiline
        maxLength={TEXT_MAX}
        placeholder="Why it matters"
        empty=""
        className="mt-1"
        inputClassName="text-slate-600"
      />
      <fieldset className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-6">
        <legend className="sr-only">KPI of {name}</legend>
        <TextField
          label="KPI metric"
          value={o.kpi.metric}
          onCommit={(metric) => kpi({ metric })}
          editable={editable}
          maxLength={NAME_MAX}
          className="col-span-2"
        />
        <NumberField
          label="Baseline"
          nullable
          value={o.kpi.baseline}
          onCommit={(baseline) => kpi({ baseline })}
          editable={editable}
        />
        <NumberField
          label="Target"
          nullable
          value={o.kpi.target}
          onCommit={(target) => kpi({ target })}
          editable={editable}
        />
        <NumberField
          label="Current"
          nullable
          value={o.kpi.current}
          onCommit={(current) => kpi({ current })}
          editable={editable}
        />
        <TextField
          label="Unit"
          value={o.kpi.unit}
          onCommit={(unit) => kpi({ unit })}
          editable={editable}
          maxLength={30}
        />
        <DateField
          label="Target date"
          value={o.kpi.due}
          onCommit={(due) => kpi({ due })}
          editable={editable}
          className="col-span-2"
        />
      </fieldset>
      <div className="mt-2 flex items-center gap-2 text-xs text-slate-600">
        {progress === null ? (
          <span>Progress shows once baseline, target and current value are set.</span>
        ) : (
          <>
            <ProgressBar
              value={progress}
              label={`Progress of ${name} toward its target`}
              tone={progress >= 100 ? "emerald" : "indigo"}
              className="max-w-xs"
            />
            <span className="tabular-nums">{Math.round(progress)}% of the way to target</span>
          </>
        )}
      </div>
    </>
  );
}
