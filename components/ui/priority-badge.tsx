import { priorityLabels } from "@/lib/plan/template";
import type { Priority } from "@/lib/plan/types";

const colours: Record<Priority, string> = {
  low: "bg-slate-100 text-slate-700",
  medium: "bg-sky-50 text-sky-800",
  high: "bg-amber-100 text-amber-900",
  critical: "bg-red-100 text-red-800",
};

/** A plan's or task's priority; the word is always shown, so colour is never the only cue. */
export function PriorityBadge({ priority, label = "Priority" }: { priority: Priority; label?: string }) {
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${colours[priority]}`}>
      <span className="sr-only">{label}: </span>
      {priorityLabels[priority]}
    </span>
  );
}

/** A priority to filter by, for GET filter forms: empty means any priority. */
export function PriorityFilterSelect({ defaultValue }: { defaultValue: string }) {
  return (
    <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
      Priority
      <select
        name="priority"
        defaultValue={defaultValue}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        <option value="">Any priority</option>
        {Object.entries(priorityLabels).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
