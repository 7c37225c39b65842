"use client";

import { useRows, useText } from "@/components/collab/plan-data";
import { Empty } from "./basic";

const kinds = [
  ["in", "In scope"],
  ["out", "Out of scope"],
  ["assumption", "Assumptions"],
  ["constraint", "Constraints"],
] as const;

export function ScopeSection() {
  const items = useRows("scopeItems");
  const text = useText("scopeText");
  if (items.length === 0 && !text) return <Empty>No scope statement yet.</Empty>;
  return (
    <div className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-2">
      {kinds.map(([kind, title]) => (
        <div key={kind}>
          <h3 className="text-sm font-semibold">{title}</h3>
          <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
            {items.filter((i) => i.kind === kind).map((i) => (
              <li key={i.id}>{i.text}</li>
            ))}
          </ul>
        </div>
      ))}
      {text && <p className="text-sm text-slate-700 sm:col-span-2">{text}</p>}
    </div>
  );
}
