"use client";

import { useDocContent } from "@/components/collab/plan-data";
import { toPlanContent } from "@/lib/doc";
import { planPercentComplete } from "@/lib/plan/progress";
import { openExposure } from "@/lib/plan/risk";

export function MetricsSection() {
  const content = toPlanContent(useDocContent());
  return (
    <dl className="mt-4 grid grid-cols-2 gap-4 text-sm sm:grid-cols-4">
      <div>
        <dt className="text-slate-500">Complete</dt>
        <dd className="text-xl font-semibold">{Math.round(planPercentComplete(content.tasks, content.calendar))}%</dd>
      </div>
      <div>
        <dt className="text-slate-500">Open risk exposure</dt>
        <dd className="text-xl font-semibold">{openExposure(content.risks)}</dd>
      </div>
    </dl>
  );
}
