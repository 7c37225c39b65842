import type { PlanStatus } from "@/lib/services/review";
import { statusLabels } from "@/lib/plan/template";

const colours: Record<PlanStatus, string> = {
  draft: "bg-slate-100 text-slate-700",
  in_review: "bg-amber-100 text-amber-800",
  approved: "bg-sky-100 text-sky-800",
  active: "bg-emerald-100 text-emerald-800",
  done: "bg-indigo-100 text-indigo-800",
};

export function StatusBadge({ status }: { status: PlanStatus }) {
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${colours[status]}`}>
      {statusLabels[status]}
    </span>
  );
}
