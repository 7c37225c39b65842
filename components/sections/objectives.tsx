"use client";

import { useRows } from "@/components/collab/plan-data";
import { Empty } from "./basic";

export function ObjectivesSection() {
  const objectives = useRows("objectives");
  if (objectives.length === 0) return <Empty>No objectives yet.</Empty>;
  return (
    <ul className="mt-4 flex flex-col gap-2">
      {objectives.map((o) => (
        <li key={o.id} className="rounded-md border border-slate-200 p-3">
          <p className="font-medium">{o.title}</p>
          {o.kpi.metric && (
            <p className="text-sm text-slate-600">
              {o.kpi.metric}: {o.kpi.current ?? "–"} → {o.kpi.target ?? "–"} {o.kpi.unit}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
