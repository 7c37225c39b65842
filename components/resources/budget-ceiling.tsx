"use client";

import { useMemo } from "react";
import { useEdit, useRows, useSettings } from "@/components/collab/plan-data";
import { formatNumber } from "@/components/fields/numbers";
import { NumberField } from "@/components/fields/number-field";
import { setSetting } from "@/lib/doc";
import { ceilingCheck } from "@/lib/plan/budget";

/** The plan's budget ceiling, and planned and actual cost in the plan's currency against it. */
export function BudgetCeiling() {
  const lines = useRows("budgetLines");
  const { currency, budgetCeiling } = useSettings();
  const { editable, edit } = useEdit();
  const check = useMemo(() => ceilingCheck(lines, currency, budgetCeiling), [lines, currency, budgetCeiling]);
  return (
    <div
      className="flex flex-wrap items-end gap-x-6 gap-y-2 rounded-md border border-slate-200 p-3"
      data-testid="budget-ceiling"
    >
      <NumberField
        label={`Budget ceiling (${currency})`}
        value={budgetCeiling}
        nullable
        suffix={currency}
        onCommit={(v) => edit((doc) => setSetting(doc, "budgetCeiling", v))}
        editable={editable}
        className="w-48"
      />
      {check ? (
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <Figure label="Planned" value={check.planned} over={check.plannedOver} />
          <Figure label="Ceiling" value={check.ceiling} />
          <Figure label="Actual" value={check.actual} over={check.actualOver} />
          <div>
            <dt className="text-xs uppercase tracking-wide text-slate-500">Headroom</dt>
            <dd className={`tabular-nums font-medium ${check.headroom < 0 ? "text-red-700" : "text-emerald-700"}`}>
              {formatNumber(check.headroom)} {currency}
            </dd>
          </div>
          {(check.plannedOver || check.actualOver) && (
            <p role="status" className="basis-full text-xs font-medium text-red-700">
              <span aria-hidden>⚠ </span>
              {check.actualOver ? "Spending is over the ceiling." : "The planned cost is over the ceiling."}
            </p>
          )}
        </dl>
      ) : (
        <p className="text-sm text-slate-500">No ceiling set.</p>
      )}
    </div>
  );
}

function Figure({ label, value, over }: { label: string; value: number; over?: boolean }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className={`tabular-nums font-medium ${over ? "text-red-700" : "text-slate-800"}`}>
        {formatNumber(value)}
        {over && <span className="sr-only"> (over the ceiling)</span>}
      </dd>
    </div>
  );
}
