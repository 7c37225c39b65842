"use client";

import { useEdit, useRows } from "@/components/collab/plan-data";
import { CollabMarkdown } from "@/components/fields/collab-markdown";
import { AddRow, RemoveButton } from "@/components/fields/add-row";
import { TextField } from "@/components/fields/text-field";
import { deleteRow, insertRow, nextOrder, randomUUID, updateRow, type ScopeKind } from "@/lib/doc";

const kinds: { kind: ScopeKind; title: string; one: string; example: string }[] = [
  { kind: "in", title: "In scope", one: "in-scope item", example: "e.g. Invoice download" },
  { kind: "out", title: "Out of scope", one: "out-of-scope item", example: "e.g. A native mobile app" },
  { kind: "assumption", title: "Assumptions", one: "assumption", example: "e.g. The order API is ready by week 6" },
  { kind: "constraint", title: "Constraints", one: "constraint", example: "e.g. Budget of €180,000" },
];

export function ScopeSection() {
  const items = useRows("scopeItems");
  const { editable, edit } = useEdit();
  return (
    <div className="mt-4">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {kinds.map(({ kind, title, one, example }) => {
          const list = items.filter((i) => i.kind === kind);
          return (
            <div key={kind}>
              <h3 id={`scope-${kind}`} className="text-sm font-semibold">
                {title}
              </h3>
              {list.length === 0 ? (
                <p className="mt-1 text-sm text-slate-500">None listed.</p>
              ) : (
                <ul
                  aria-labelledby={`scope-${kind}`}
                  className={`mt-1 flex flex-col gap-1 text-sm text-slate-700 ${editable ? "" : "list-disc pl-5"}`}
                >
                  {list.map((i) => (
                    <li
                      key={i.id}
                      id={`row-${i.id}`}
                      tabIndex={-1}
                      className={editable ? "flex items-center gap-1" : ""}
                    >
                      <TextField
                        label={title.replace(/s$/, "")}
                        hideLabel
                        value={i.text}
                        onCommit={(text) => edit((doc) => updateRow(doc, "scopeItems", i.id, { text }))}
                        editable={editable}
                        maxLength={1000}
                        className="flex-1"
                      />
                      {editable && (
                        <RemoveButton
                          what={`${one} “${i.text}”`}
                          onRemove={() => edit((doc) => deleteRow(doc, "scopeItems", i.id))}
                        />
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {editable && (
                <AddRow
                  label={`New ${one}`}
                  button="Add"
                  placeholder={example}
                  maxLength={1000}
                  onAdd={(text) =>
                    edit((doc) =>
                      insertRow(doc, "scopeItems", {
                        id: randomUUID(),
                        kind,
                        text,
                        order: nextOrder(doc, "scopeItems"),
                      }),
                    )
                  }
                />
              )}
            </div>
          );
        })}
      </div>
      <h3 className="mt-6 text-sm font-semibold">Scope statement</h3>
      <CollabMarkdown
        name="scopeText"
        label="Scope statement"
        empty="No scope statement written yet."
        placeholder="What the plan changes and what it leaves alone."
      />
    </div>
  );
}
