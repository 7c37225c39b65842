"use client";

import { useRows } from "@/components/collab/plan-data";
import { Empty } from "./basic";

export function ResourcesSection() {
  const resources = useRows("resources");
  const lines = useRows("budgetLines");
  if (resources.length === 0 && lines.length === 0) return <Empty>No resources or budget yet.</Empty>;
  return (
    <div className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-2 text-sm">
      <ul className="list-disc pl-5">
        {resources.map((r) => (
          <li key={r.id}>
            {r.name} {r.role && <span className="text-slate-500">· {r.role}</span>}
          </li>
        ))}
      </ul>
      <ul className="list-disc pl-5">
        {lines.map((l) => (
          <li key={l.id}>
            {l.category}: {l.planned.toLocaleString()} {l.currency}
          </li>
        ))}
      </ul>
    </div>
  );
}
