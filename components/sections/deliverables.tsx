"use client";

import { useNameOf, useRows } from "@/components/collab/plan-data";
import { Empty } from "./basic";

export function DeliverablesSection() {
  const deliverables = useRows("deliverables");
  const nameOf = useNameOf();
  if (deliverables.length === 0) return <Empty>No deliverables yet.</Empty>;
  return (
    <ul className="mt-4 flex flex-col gap-2">
      {deliverables.map((d) => (
        <li key={d.id} className="rounded-md border border-slate-200 p-3 text-sm">
          <p className="font-medium">{d.name}</p>
          <p className="text-slate-600">
            {nameOf(d.ownerId) ?? "No owner"} · due {d.due ?? "–"} · {d.status.replace("_", " ")}
          </p>
        </li>
      ))}
    </ul>
  );
}
