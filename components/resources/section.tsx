"use client";

import { useMemo } from "react";
import { useEdit, usePlanData, useRows } from "@/components/collab/plan-data";
import { AddRow, RemoveButton } from "@/components/fields/add-row";
import { NumberField } from "@/components/fields/number-field";
import { SelectField } from "@/components/fields/select-field";
import { TextField } from "@/components/fields/text-field";
import { deleteRow, insertRow, nextOrder, randomUUID, updateRow, type PatchOf, type RowOf } from "@/lib/doc";
import { personAllocations } from "@/lib/plan/budget";
import { NAME_MAX, SHORT_MAX, TEXT_MAX } from "@/lib/plan/validation";
import type { ResourceKind } from "@/lib/plan/types";
import { Budget } from "./budget";
import { Capacity } from "./capacity";
import { ResourceRequests } from "./requests";
import { ColumnHeads } from "@/components/ui/column-heads";

type Resource = RowOf<"resources">;
type Edit = ReturnType<typeof useEdit>["edit"];

const groups: { kind: ResourceKind; title: string; one: string; example: string }[] = [
  { kind: "person", title: "People", one: "person", example: "e.g. Lena Vogel" },
  { kind: "tool", title: "Tools & software", one: "tool", example: "e.g. Figma" },
  { kind: "equipment", title: "Equipment", one: "equipment", example: "e.g. Test devices" },
];

export function ResourcesSection() {
  const resources = useRows("resources");
  const { editable, edit } = useEdit();
  // Someone listed more than once (two roles) counts once, with their allocations added up.
  const over = useMemo(
    () =>
      new Map(
        personAllocations(resources)
          .filter((p) => p.overAllocated)
          .map((p) => [p.person, p.allocation]),
      ),
    [resources],
  );
  return (
    <div className="mt-4 flex flex-col gap-6">
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        {groups.map((g) => {
          const list = resources.filter((r) => r.kind === g.kind);
          return (
            <div key={g.kind} className={g.kind === "person" ? "lg:col-span-3" : "lg:col-span-1"}>
              <h3 id={`resources-${g.kind}`} className="text-sm font-semibold">
                {g.title}
              </h3>
              {list.length === 0 ? (
                <p className="mt-1 text-sm text-slate-500">None listed.</p>
              ) : g.kind === "person" ? (
                <People people={list} over={over} editable={editable} edit={edit} />
              ) : (
                <ul aria-labelledby={`resources-${g.kind}`} className="mt-1 flex flex-col gap-2">
                  {list.map((r) => (
                    <li key={r.id} id={`row-${r.id}`} tabIndex={-1} className="rounded-md border border-slate-100 p-2">
                      <div className="flex items-start gap-1">
                        <TextField
                          label={`${g.one} name`}
                          hideLabel
                          value={r.name}
                          onCommit={(name) => save(edit, r.id, { name })}
                          editable={editable}
                          maxLength={NAME_MAX}
                          className="flex-1"
                          inputClassName="font-medium"
                        />
                        {editable && (
                          <RemoveButton
                            what={r.name || g.one}
                            onRemove={() => edit((doc) => deleteRow(doc, "resources", r.id))}
                          />
                        )}
                      </div>
                      <TextField
                        label={`Notes on ${r.name || g.one}`}
                        hideLabel
                        value={r.notes}
                        onCommit={(notes) => save(edit, r.id, { notes })}
                        editable={editable}
                        maxLength={TEXT_MAX}
                        placeholder="Notes"
                        empty=""
                        inputClassName="text-slate-600"
                      />
                    </li>
                  ))}
                </ul>
              )}
              {editable && (
                <AddRow
                  label={`New ${g.one} name`}
                  button="Add"
                  placeholder={g.example}
                  maxLength={NAME_MAX}
                  onAdd={(name) =>
                    edit((doc) =>
                      insertRow(doc, "resources", {
                        id: randomUUID(),
                        kind: g.kind,
                        name,
                        role: "",
                        userId: null,
                        allocation: 100,
                        capacityHoursPerWeek: g.kind === "person" ? 40 : 0,
                        absences: [],
                        notes: "",
                        order: nextOrder(doc, "resources"),
                      }),
                    )
                  }
                />
              )}
            </div>
          );
        })}
      </div>
      <Capacity />
      <ResourceRequests />
      <Budget />
    </div>
  );
}

const save = (edit: Edit, id: string, patch: PatchOf<"resources">) =>
  edit((doc) => updateRow(doc, "resources", id, patch));

function People({
  people,
  over,
  editable,
  edit,
}: {
  people: Resource[];
  over: Map<string, number>;
  editable: boolean;
  edit: Edit;
}) {
  const { members } = usePlanData();
  const memberOptions = [{ value: "", label: "Not a member" }, ...members.map((m) => ({ value: m.id, label: m.name }))];
  return (
    <div className="mt-1 overflow-x-auto">
      <table className="w-full min-w-[40rem] text-sm" aria-labelledby="resources-person">
        <ColumnHeads
          columns={["Name", "Role", { label: "Allocation", className: "w-32" }, "Workspace member"]}
          cell="py-1 pr-2 font-medium"
          row="text-left text-xs uppercase tracking-wide text-slate-500"
          actions={editable}
        />
        <tbody>
          {people.map((r) => {
            const total = over.get(r.userId ?? r.name.trim());
            const name = r.name || "this person";
            return (
              <tr key={r.id} id={`row-${r.id}`} tabIndex={-1} className="border-t border-slate-100 align-top">
                <td className="py-1 pr-2">
                  <TextField
                    label="Name"
                    hideLabel
                    value={r.name}
                    onCommit={(v) => save(edit, r.id, { name: v })}
                    editable={editable}
                    maxLength={NAME_MAX}
                  />
                </td>
                <td className="py-1 pr-2">
                  <TextField
                    label={`Role of ${name}`}
                    hideLabel
                    value={r.role}
                    onCommit={(role) => save(edit, r.id, { role })}
                    editable={editable}
                    maxLength={SHORT_MAX}
                  />
                </td>
                <td className="py-1 pr-2">
                  <NumberField
                    label={`Allocation of ${name}`}
                    hideLabel
                    suffix="%"
                    value={r.allocation}
                    onCommit={(v) => save(edit, r.id, { allocation: v ?? 0 })}
                    editable={editable}
                  />
                  {total !== undefined && (
                    <p className="mt-1 text-xs font-medium text-amber-800">
                      <span aria-hidden>⚠ </span>Over-allocated: {total}% in total
                    </p>
                  )}
                </td>
                <td className="py-1 pr-2">
                  <SelectField
                    label={`Workspace member for ${name}`}
                    hideLabel
                    value={r.userId ?? ""}
                    options={memberOptions}
                    onCommit={(v) => save(edit, r.id, { userId: v || null })}
                    editable={editable}
                  />
                </td>
                {editable && (
                  <td className="py-1 text-right">
                    <RemoveButton what={name} onRemove={() => edit((doc) => deleteRow(doc, "resources", r.id))} />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
