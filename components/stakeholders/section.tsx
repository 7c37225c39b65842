"use client";

import { useMemo } from "react";
import { useEdit, useRows } from "@/components/collab/plan-data";
import { AddRow, RemoveButton } from "@/components/fields/add-row";
import { LinkChips, type LinkOption } from "@/components/fields/link-chips";
import { PersonField } from "@/components/fields/person-field";
import { SelectField } from "@/components/fields/select-field";
import { TextField } from "@/components/fields/text-field";
import { Empty } from "@/components/ui/empty";
import { blankRow, deleteRow, insertRow, nextOrder, randomUUID, updateRow, type PatchOf, type RowOf } from "@/lib/doc";
import { frequencyLabels, quadrantLabel, quadrantOf } from "@/lib/plan/stakeholders";
import { NAME_MAX, SHORT_MAX } from "@/lib/plan/validation";
import { PowerGrid } from "./power-grid";

type Stakeholder = RowOf<"stakeholders">;
type Edit = ReturnType<typeof useEdit>["edit"];

const scores = [1, 2, 3, 4, 5].map((n) => ({
  value: String(n),
  label: n === 1 ? "1 — low" : n === 5 ? "5 — high" : String(n),
}));
const frequencies = [
  { value: "", label: "Not set" },
  ...Object.entries(frequencyLabels).map(([value, label]) => ({ value, label })),
];

export function StakeholdersSection() {
  const stakeholders = useRows("stakeholders");
  const deliverables = useRows("deliverables");
  const { editable, edit } = useEdit();
  const options = useMemo(
    (): LinkOption[] =>
      deliverables.map((d) => ({ id: d.id, label: d.name.trim() || "Untitled deliverable", section: "deliverables" })),
    [deliverables],
  );
  return (
    <div className="mt-4">
      {stakeholders.length === 0 ? (
        <Empty>No stakeholders yet.{editable && " Add the people and groups who receive the deliverables."}</Empty>
      ) : (
        <>
          <PowerGrid stakeholders={stakeholders} section="stakeholders" />
          <ul className="mt-4 flex flex-col gap-3" aria-label="Stakeholders">
            {stakeholders.map((s) => (
              <li key={s.id} id={`row-${s.id}`} tabIndex={-1} className="rounded-md border border-slate-200 p-3">
                <StakeholderCard stakeholder={s} options={options} editable={editable} edit={edit} />
              </li>
            ))}
          </ul>
        </>
      )}
      {editable && (
        <AddRow
          label="New stakeholder name"
          button="Add stakeholder"
          placeholder="e.g. Finance team"
          maxLength={NAME_MAX}
          onAdd={(name) =>
            edit((doc) =>
              insertRow(doc, "stakeholders", {
                ...blankRow("stakeholders", randomUUID()),
                name,
                order: nextOrder(doc, "stakeholders"),
              }),
            )
          }
        />
      )}
    </div>
  );
}

function StakeholderCard({
  stakeholder: s,
  options,
  editable,
  edit,
}: {
  stakeholder: Stakeholder;
  options: LinkOption[];
  editable: boolean;
  edit: Edit;
}) {
  const save = (patch: PatchOf<"stakeholders">) => edit((doc) => updateRow(doc, "stakeholders", s.id, patch));
  const name = s.name.trim() || "Unnamed stakeholder";
  return (
    <>
      <div className="flex items-start justify-between gap-2">
        <TextField
          label="Stakeholder name"
          hideLabel
          value={s.name}
          onCommit={(v) => save({ name: v })}
          editable={editable}
          maxLength={NAME_MAX}
          empty="Unnamed stakeholder"
          className="flex-1"
          inputClassName="font-medium"
        />
        <span className="shrink-0 rounded-full bg-indigo-50 px-2 py-0.5 text-xs text-indigo-800">
          {quadrantLabel(quadrantOf(s))}
        </span>
        {editable && <RemoveButton what={name} onRemove={() => edit((doc) => deleteRow(doc, "stakeholders", s.id))} />}
      </div>
      <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-3">
        <TextField
          label="Organisation / role"
          value={s.role}
          onCommit={(role) => save({ role })}
          editable={editable}
          maxLength={NAME_MAX}
        />
        <SelectField
          label="Interest"
          value={String(s.interest)}
          options={scores}
          onCommit={(v) => save({ interest: Number(v) })}
          editable={editable}
        />
        <SelectField
          label="Influence"
          value={String(s.influence)}
          options={scores}
          onCommit={(v) => save({ influence: Number(v) })}
          editable={editable}
        />
      </div>
      <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-3">
        <TextField
          label="Channel"
          value={s.channel}
          onCommit={(channel) => save({ channel })}
          editable={editable}
          maxLength={SHORT_MAX}
          placeholder="e.g. Email digest"
        />
        <SelectField
          label="Frequency"
          value={s.frequency ?? ""}
          options={frequencies}
          onCommit={(v) => save({ frequency: (v || null) as Stakeholder["frequency"] })}
          editable={editable}
        />
        <PersonField
          label="Keeps them informed"
          value={s.ownerId}
          onCommit={(ownerId) => save({ ownerId })}
          editable={editable}
        />
      </div>
      <LinkChips
        label="Receives"
        of={name}
        ids={s.deliverableIds}
        options={options}
        onChange={(deliverableIds) => save({ deliverableIds })}
        editable={editable}
      />
    </>
  );
}
