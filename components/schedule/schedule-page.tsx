"use client";

/**
 * The schedule page's body: the timeline across the whole window, then the milestone chart. The
 * same live data as the plan page's Schedule section (PlanLive above it), editable or not alike.
 */
import { MilestoneChart, useMilestoneReport } from "@/components/charts/milestone-chart";
import { ScheduleSection } from "./section";

export function SchedulePage() {
  const report = useMilestoneReport();
  return (
    <>
      <section aria-labelledby="schedule-heading">
        <h2 id="schedule-heading" className="sr-only">
          Timeline
        </h2>
        <ScheduleSection layout="page" />
      </section>
      <section aria-labelledby="milestones-heading" className="mt-6 rounded-md border border-slate-200 p-3">
        <h2 id="milestones-heading" className="text-sm font-semibold">
          Milestones
        </h2>
        <MilestoneChart report={report} />
      </section>
    </>
  );
}
