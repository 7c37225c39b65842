import type { ReactNode } from "react";
import { planSections, planningSteps, type PlanSectionId } from "@/lib/plan/template";
import { Empty } from "@/components/ui/empty";

const stepTitle = Object.fromEntries(planningSteps.map((s) => [s.id, s.title]));

/**
 * Every section of the plan in order, each with its hint, and either its editor (`content`) or an
 * honest empty state.
 */
export function PlanSections({
  content = {},
  headerSlot,
  badgeSlot,
}: {
  content?: Partial<Record<PlanSectionId, ReactNode>>;
  /** Optional extras under each section's hint (e.g. its comments button). */
  headerSlot?: (id: PlanSectionId) => ReactNode;
  /** Optional badge beside each section's title (e.g. "Changed since approval"). */
  badgeSlot?: (id: PlanSectionId) => ReactNode;
}) {
  return (
    <div className="flex flex-col gap-4">
      {planSections.map((s, i) => (
        <section
          key={s.id}
          id={s.id}
          aria-labelledby={`${s.id}-title`}
          className="scroll-mt-6 rounded-lg border border-slate-200 bg-white p-5"
        >
          <div className="flex items-baseline justify-between gap-4">
            <div className="flex flex-wrap items-baseline">
              <h2 id={`${s.id}-title`} className="text-lg font-semibold">
                <span className="mr-2 text-slate-500">{i + 1}.</span>
                {s.title}
              </h2>
              {badgeSlot?.(s.id)}
            </div>
            <span className="text-xs font-medium uppercase tracking-wide text-slate-500">{stepTitle[s.step]}</span>
          </div>
          <p className="mt-1 text-sm text-slate-600">{s.hint}</p>
          {headerSlot?.(s.id)}
          {content[s.id] ?? <Empty>Nothing here yet.</Empty>}
        </section>
      ))}
    </div>
  );
}
