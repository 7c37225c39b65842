"use client";

import { useRows } from "@/components/collab/plan-data";
import { riskScore } from "@/lib/plan/risk";
import { Empty } from "./basic";

export function RisksSection() {
  const risks = useRows("risks");
  if (risks.length === 0) return <Empty>No risks recorded yet.</Empty>;
  return (
    <ul className="mt-4 flex flex-col gap-2">
      {risks.map((r) => (
        <li key={r.id} className="rounded-md border border-slate-200 p-3 text-sm">
          <p className="font-medium">
            {r.title} <span className="text-slate-500">· score {riskScore(r)} · {r.status}</span>
          </p>
          {r.mitigation && <p className="text-slate-600">Mitigation: {r.mitigation}</p>}
        </li>
      ))}
    </ul>
  );
}
