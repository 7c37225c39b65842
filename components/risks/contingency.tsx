"use client";

import type { Risk } from "@/lib/plan/types";
import { statusLabel } from "@/lib/risks/view";
import { RowWindowNote, useRowWindow } from "@/components/grid/row-window";

/** Every contingency plan in one place, highest score first, for reading when a risk fires. */
export function ContingencyPlans({
  risks,
  nameOf,
}: {
  risks: readonly Risk[];
  nameOf: (id: string | null) => string | null;
}) {
  const withPlan = risks
    .filter((r) => r.contingency.trim() !== "")
    .sort((a, b) => b.likelihood * b.impact - a.likelihood * a.impact || (a.id < b.id ? -1 : 1));
  // Long lists: the first plans on the server, all of them right after hydration.
  const drawn = useRowWindow(withPlan.length);
  return (
    <div className="mt-6">
      <h3 className="text-sm font-medium text-slate-800">Contingency plans</h3>
      {withPlan.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">
          No contingency plans written yet. Add them in the register’s “Contingency plan” column.
        </p>
      ) : (
        <>
          <RowWindowNote shown={drawn} total={withPlan.length} noun="contingency plans" />
          <dl className="mt-2 grid grid-cols-1 gap-2 md:grid-cols-2">
            {withPlan.slice(0, drawn).map((r) => (
              <div key={r.id} className="rounded-md border border-slate-200 p-2 text-sm">
                <dt className="font-medium">
                  {r.title.trim() || "Untitled risk"}
                  <span className="ml-1 text-xs font-normal text-slate-500">
                    · {statusLabel(r.status)}
                    {r.ownerId && ` · ${nameOf(r.ownerId) ?? "former owner"}`}
                    {r.trigger.trim() && ` · when: ${r.trigger}`}
                  </span>
                </dt>
                <dd className="mt-0.5 whitespace-pre-line text-slate-700">{r.contingency}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </div>
  );
}
