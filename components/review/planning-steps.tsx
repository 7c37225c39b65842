"use client";

import { useDocContent } from "@/components/collab/plan-data";
import type { DocContent } from "@/lib/doc/layout";
import { planningSteps, planSections, type PlanSectionId } from "@/lib/plan/template";

/** Whether a section has the minimum a reader needs (metrics are derived from the others). */
const filled: Record<Exclude<PlanSectionId, "metrics">, (c: DocContent) => boolean> = {
  objectives: (c) => c.objectives.length > 0,
  scope: (c) => c.scopeItems.length > 0 || c.scopeText.trim() !== "",
  deliverables: (c) => c.deliverables.length > 0,
  stakeholders: (c) => c.stakeholders.length > 0,
  research: (c) => c.researchEntries.length > 0,
  strategy: (c) => c.strategy.trim() !== "",
  schedule: (c) => c.tasks.some((t) => t.start && t.end),
  risks: (c) => c.risks.length > 0,
  resources: (c) => c.resources.length > 0 || c.budgetLines.length > 0,
  raci: (c) => c.raciColumns.length > 0 && c.raciCells.length > 0,
};

/**
 * The template's six planning steps as a checklist: each step links to its sections and ticks
 * itself off as they fill in (live). Shown on draft plans to walk a new plan's authors through.
 */
export function PlanningSteps() {
  const content = useDocContent();
  const steps = planningSteps.map((step) => {
    const sections = planSections.filter((s) => s.step === step.id && s.id !== "metrics");
    return { ...step, sections, done: sections.every((s) => filled[s.id as keyof typeof filled](content)) };
  });
  const done = steps.filter((s) => s.done).length;
  return (
    <details open={done < steps.length} className="mt-6 rounded-lg border border-indigo-200 bg-indigo-50/40 p-4">
      <summary className="cursor-pointer font-medium">
        Planning steps{" "}
        <span className="text-sm font-normal text-slate-600">
          · {done} of {steps.length} done
        </span>
      </summary>
      <ol className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-3" aria-label="Planning steps">
        {steps.map((step, i) => (
          <li key={step.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
            <p className="font-medium">
              <span aria-hidden="true" className={step.done ? "text-emerald-700" : "text-slate-400"}>
                {step.done ? "✓" : "○"}
              </span>{" "}
              {i + 1}. {step.title}
              <span className="sr-only">{step.done ? " (done)" : " (to do)"}</span>
            </p>
            <ul className="mt-1 flex flex-col gap-1">
              {step.sections.map((s) => (
                <li key={s.id} className="text-slate-600">
                  <a href={`#${s.id}`} className="font-medium text-indigo-700 underline">
                    {s.title}
                  </a>
                  : {s.hint}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </details>
  );
}
