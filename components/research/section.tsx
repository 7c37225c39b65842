"use client";

import { useMemo } from "react";
import { useEdit, useRows } from "@/components/collab/plan-data";
import { AddRow, RemoveButton } from "@/components/fields/add-row";
import { DateField } from "@/components/fields/date-field";
import { LinkChips, type LinkOption } from "@/components/fields/link-chips";
import { MarkdownField } from "@/components/fields/markdown-field";
import { SelectField } from "@/components/fields/select-field";
import { TextField } from "@/components/fields/text-field";
import { Empty } from "@/components/ui/empty";
import { blankRow, deleteRow, insertRow, nextOrder, randomUUID, updateRow, type PatchOf, type RowOf } from "@/lib/doc";
import { linkTargets, researchKindLabels, type LinkTarget } from "@/lib/plan/research";
import { NAME_MAX, TEXT_MAX } from "@/lib/plan/validation";

type Entry = RowOf<"researchEntries">;
type Edit = ReturnType<typeof useEdit>["edit"];

const kinds = Object.entries(researchKindLabels).map(([value, label]) => ({ value, label }));
const targetSection: Record<LinkTarget["kind"], { section: string; group: string }> = {
  objective: { section: "objectives", group: "Objective" },
  scope: { section: "scope", group: "Scope" },
  risk: { section: "risks", group: "Risk" },
  task: { section: "schedule", group: "Task" },
};

/** The rows a finding may inform, as link options grouped by what they are. */
function useLinkOptions(): LinkOption[] {
  const objectives = useRows("objectives");
  const scopeItems = useRows("scopeItems");
  const risks = useRows("risks");
  const tasks = useRows("tasks");
  return useMemo(
    () =>
      [...linkTargets({ objectives, scopeItems, risks, tasks }).values()].map((t) => ({
        id: t.id,
        label: t.label,
        ...targetSection[t.kind],
      })),
    [objectives, scopeItems, risks, tasks],
  );
}

export function ResearchSection() {
  const entries = useRows("researchEntries");
  const { editable, edit } = useEdit();
  const options = useLinkOptions();
  return (
    <div className="mt-4">
      {entries.length === 0 ? (
        <Empty>
          No research recorded yet.
          {editable && " Add the interviews, surveys, focus groups and observations the plan rests on."}
        </Empty>
      ) : (
        <ul className="flex flex-col gap-3" aria-label="Research log">
          {entries.map((r) => (
            <li key={r.id} id={`row-${r.id}`} tabIndex={-1} className="rounded-md border border-slate-200 p-3">
              <EntryCard entry={r} options={options} editable={editable} edit={edit} />
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <AddRow
          label="New research entry title"
          button="Add research"
          placeholder="e.g. Interviews with warehouse staff"
          maxLength={NAME_MAX}
          onAdd={(title) =>
            edit((doc) =>
              insertRow(doc, "researchEntries", {
                ...blankRow("researchEntries", randomUUID()),
                title,
                order: nextOrder(doc, "researchEntries"),
              }),
            )
          }
        />
      )}
    </div>
  );
}

function EntryCard({
  entry: r,
  options,
  editable,
  edit,
}: {
  entry: Entry;
  options: LinkOption[];
  editable: boolean;
  edit: Edit;
}) {
  const save = (patch: PatchOf<"researchEntries">) => edit((doc) => updateRow(doc, "researchEntries", r.id, patch));
  const title = r.title.trim() || "Untitled research";
  return (
    <>
      <div className="flex items-start justify-between gap-2">
        <TextField
          label="Research title"
          hideLabel
          value={r.title}
          onCommit={(v) => save({ title: v })}
          editable={editable}
          maxLength={NAME_MAX}
          empty="Untitled research"
          className="flex-1"
          inputClassName="font-medium"
        />
        {editable && (
          <RemoveButton what={title} onRemove={() => edit((doc) => deleteRow(doc, "researchEntries", r.id))} />
        )}
      </div>
      <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-3">
        <SelectField
          label="Kind"
          value={r.kind}
          options={kinds}
          onCommit={(v) => save({ kind: v as Entry["kind"] })}
          editable={editable}
        />
        <DateField label="Date" value={r.date} onCommit={(date) => save({ date })} editable={editable} />
        <TextField
          label="Participants"
          value={r.participants}
          onCommit={(participants) => save({ participants })}
          editable={editable}
          maxLength={1000}
        />
      </div>
      <MarkdownField
        label="Findings"
        of={title}
        value={r.findings}
        onCommit={(findings) => save({ findings })}
        editable={editable}
        maxLength={TEXT_MAX}
      />
      <LinkChips
        label="Informs"
        of={title}
        ids={r.linkedIds}
        options={options}
        onChange={(linkedIds) => save({ linkedIds })}
        editable={editable}
      />
    </>
  );
}
