"use client";

import { useMemo } from "react";
import { useEdit, useRows, useSettings } from "@/components/collab/plan-data";
import { BarChart } from "@/components/charts/bar-chart";
import { AddRow, RemoveButton } from "@/components/fields/add-row";
import { formatNumber } from "@/components/fields/numbers";
import { NumberField } from "@/components/fields/number-field";
import { TextField } from "@/components/fields/text-field";
import { deleteRow, insertRow, nextOrder, randomUUID, updateRow, type PatchOf } from "@/lib/doc";
import { budgetByCategory, budgetTotals, variance, type Variance } from "@/lib/plan/budget";
import { SHORT_MAX } from "@/lib/plan/validation";
import { ColumnHeads } from "@/components/ui/column-heads";
import { BudgetCeiling } from "./budget-ceiling";

export const PLANNED_COLOR = "#94a3b8";
export const ACTUAL_COLOR = "#4f46e5";

/** Budget lines with planned and actual cost, totals and variance per currency, and a per-category chart. */
export function Budget() {
  const lines = useRows("budgetLines");
  const { currency } = useSettings();
  const { editable, edit } = useEdit();
  const totals = useMemo(() => budgetTotals(lines), [lines]);
  const categories = useMemo(() => budgetByCategory(lines), [lines]);
  const save = (id: string, patch: PatchOf<"budgetLines">) => edit((doc) => updateRow(doc, "budgetLines", id, patch));
  return (
    <div>
      <h3 id="budget-title" className="text-sm font-semibold">
        Budget
      </h3>
      <div className="mt-1">
        <BudgetCeiling />
      </div>
      {lines.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">No budget lines yet.</p>
      ) : (
        <div className="mt-1 flex flex-col gap-6">
          <div className="overflow-x-auto">
            <table className="w-full min-w-[44rem] text-sm" aria-labelledby="budget-title">
              <ColumnHeads
                columns={[
                  "Category",
                  "Description",
                  { label: "Planned", className: "w-28 text-right" },
                  { label: "Actual", className: "w-28 text-right" },
                  { label: "Currency", className: "w-20" },
                  { label: "Variance", className: "text-right" },
                ]}
                cell="py-1 pr-2 font-medium"
                row="text-left text-xs uppercase tracking-wide text-slate-500"
                actions={editable}
              />
              <tbody>
                {lines.map((l) => {
                  const what = l.description || l.category || "budget line";
                  return (
                    <tr key={l.id} id={`row-${l.id}`} tabIndex={-1} className="border-t border-slate-100 align-top">
                      <td className="py-1 pr-2">
                        <TextField
                          label={`Category of ${what}`}
                          hideLabel
                          value={l.category}
                          onCommit={(category) => save(l.id, { category })}
                          editable={editable}
                          maxLength={SHORT_MAX}
                        />
                      </td>
                      <td className="py-1 pr-2">
                        <TextField
                          label={`Description of ${l.category || "budget line"}`}
                          hideLabel
                          value={l.description}
                          onCommit={(description) => save(l.id, { description })}
                          editable={editable}
                          maxLength={500}
                          empty=""
                        />
                      </td>
                      <td className="py-1 pr-2 text-right">
                        <NumberField
                          label={`Planned cost of ${what}`}
                          hideLabel
                          value={l.planned}
                          onCommit={(v) => save(l.id, { planned: v ?? 0 })}
                          editable={editable}
                        />
                      </td>
                      <td className="py-1 pr-2 text-right">
                        <NumberField
                          label={`Actual cost of ${what}`}
                          hideLabel
                          value={l.actual}
                          onCommit={(v) => save(l.id, { actual: v ?? 0 })}
                          editable={editable}
                        />
                      </td>
                      <td className="py-1 pr-2">
                        <TextField
                          label={`Currency of ${what}`}
                          hideLabel
                          value={l.currency}
                          onCommit={(v) => save(l.id, { currency: v.trim().toUpperCase() })}
                          editable={editable}
                          maxLength={3}
                        />
                      </td>
                      <td className="py-1 pr-2 text-right">
                        <VarianceText v={variance(l.planned, l.actual)} />
                      </td>
                      {editable && (
                        <td className="py-1 text-right">
                          <RemoveButton
                            what={what}
                            onRemove={() => edit((doc) => deleteRow(doc, "budgetLines", l.id))}
                          />
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                {totals.map((t) => (
                  <tr key={t.currency} className="border-t-2 border-slate-200 font-semibold">
                    <th scope="row" colSpan={2} className="py-1 pr-2 text-left">
                      Total {t.currency}
                    </th>
                    <td className="py-1 pr-2 text-right tabular-nums">{formatNumber(t.planned)}</td>
                    <td className="py-1 pr-2 text-right tabular-nums">{formatNumber(t.actual)}</td>
                    <td className="py-1 pr-2">{t.currency}</td>
                    <td className="py-1 pr-2 text-right">
                      <VarianceText v={t.variance} />
                    </td>
                    {editable && <td />}
                  </tr>
                ))}
              </tfoot>
            </table>
          </div>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            {totals.map((t) => {
              const rows = categories.filter((c) => c.currency === t.currency);
              return (
                <div key={t.currency}>
                  <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
                    By category, {t.currency}
                  </h4>
                  <BarChart
                    data={rows.map((c) => ({ label: c.category, values: [c.planned, c.actual] }))}
                    series={[
                      { name: "Planned", color: PLANNED_COLOR },
                      { name: "Actual", color: ACTUAL_COLOR },
                    ]}
                    format={formatNumber}
                    summary={`Planned and actual cost by category in ${t.currency}: ${rows.map((c) => `${c.category} ${formatNumber(c.planned)} planned, ${formatNumber(c.actual)} actual`).join("; ")}`}
                  />
                </div>
              );
            })}
          </div>
        </div>
      )}
      {editable && (
        <AddRow
          label="New budget line category"
          button="Add budget line"
          placeholder="e.g. Development"
          maxLength={SHORT_MAX}
          onAdd={(category) =>
            edit((doc) =>
              insertRow(doc, "budgetLines", {
                id: randomUUID(),
                category,
                description: "",
                planned: 0,
                actual: 0,
                currency,
                order: nextOrder(doc, "budgetLines"),
              }),
            )
          }
        />
      )}
    </div>
  );
}

/** Actual − planned: over budget in red, under in green, with the percentage of plan. */
export function VarianceText({ v }: { v: Variance }) {
  const tone = v.amount > 0 ? "text-red-700" : v.amount < 0 ? "text-emerald-700" : "text-slate-600";
  const sign = v.amount > 0 ? "+" : "";
  return (
    <span className={`tabular-nums ${tone}`}>
      {sign}
      {formatNumber(v.amount)}
      {v.percent !== null && (
        <span className="text-xs">
          {" "}
          ({sign}
          {Math.round(v.percent)}%)
        </span>
      )}
      <span className="sr-only">{v.amount > 0 ? " over budget" : v.amount < 0 ? " under budget" : ""}</span>
    </span>
  );
}
