"use client";

import { useEdit, useRows, useSettings } from "@/components/collab/plan-data";
import { AddRow, RemoveButton } from "@/components/fields/add-row";
import { NumberField } from "@/components/fields/number-field";
import { SelectField } from "@/components/fields/select-field";
import { TextField } from "@/components/fields/text-field";
import { ColumnHeads } from "@/components/ui/column-heads";
import { deleteRow, insertRow, nextOrder, randomUUID, updateRow, type PatchOf } from "@/lib/doc";
import { NAME_MAX, TEXT_MAX } from "@/lib/plan/validation";

const statusOptions = [
  { value: "requested", label: "Requested" },
  { value: "approved", label: "Approved" },
  { value: "declined", label: "Declined" },
];

/** Additional resources the plan still needs: what, why, the estimated cost and the decision on each. */
export function ResourceRequests() {
  const requests = useRows("resourceRequests");
  const { currency } = useSettings();
  const { editable, edit } = useEdit();
  const save = (id: string, patch: PatchOf<"resourceRequests">) =>
    edit((doc) => updateRow(doc, "resourceRequests", id, patch));
  return (
    <div>
      <h3 id="resource-requests" className="text-sm font-semibold">
        Additional resources needed
      </h3>
      {requests.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">Nothing more asked for.</p>
      ) : (
        <div className="mt-1 overflow-x-auto">
          <table className="w-full min-w-[40rem] text-sm" aria-labelledby="resource-requests">
            <ColumnHeads
              columns={["What", "Why", { label: `Estimated cost (${currency})`, className: "w-36" }, "Status"]}
              cell="py-1 pr-2 font-medium"
              row="text-left text-xs uppercase tracking-wide text-slate-500"
              actions={editable}
            />
            <tbody>
              {requests.map((r) => {
                const what = r.what || "this request";
                return (
                  <tr key={r.id} id={`row-${r.id}`} tabIndex={-1} className="border-t border-slate-100 align-top">
                    <td className="py-1 pr-2">
                      <TextField
                        label="What"
                        hideLabel
                        value={r.what}
                        onCommit={(v) => save(r.id, { what: v })}
                        editable={editable}
                        maxLength={NAME_MAX}
                      />
                    </td>
                    <td className="py-1 pr-2">
                      <TextField
                        label={`Why ${what} is needed`}
                        hideLabel
                        value={r.why}
                        onCommit={(why) => save(r.id, { why })}
                        editable={editable}
                        maxLength={TEXT_MAX}
                        empty=""
                      />
                    </td>
                    <td className="py-1 pr-2">
                      <NumberField
                        label={`Estimated cost of ${what}`}
                        hideLabel
                        value={r.estimatedCost}
                        onCommit={(v) => save(r.id, { estimatedCost: v ?? 0 })}
                        editable={editable}
                      />
                    </td>
                    <td className="py-1 pr-2">
                      <SelectField
                        label={`Status of ${what}`}
                        hideLabel
                        value={r.status}
                        options={statusOptions}
                        onCommit={(v) => save(r.id, { status: v as typeof r.status })}
                        editable={editable}
                      />
                    </td>
                    {editable && (
                      <td className="py-1 text-right">
                        <RemoveButton
                          what={what}
                          onRemove={() => edit((doc) => deleteRow(doc, "resourceRequests", r.id))}
                        />
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {editable && (
        <AddRow
          label="New additional resource"
          button="Add request"
          placeholder="e.g. A contract tester for four weeks"
          maxLength={NAME_MAX}
          onAdd={(what) =>
            edit((doc) =>
              insertRow(doc, "resourceRequests", {
                id: randomUUID(),
                what,
                why: "",
                estimatedCost: 0,
                status: "requested",
                order: nextOrder(doc, "resourceRequests"),
              }),
            )
          }
        />
      )}
    </div>
  );
}
