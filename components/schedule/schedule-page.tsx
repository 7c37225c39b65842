"use client";

/**
 * The schedule page's body: the timeline across the whole window, then the milestone chart. The
 * same live data as the plan page's Schedule section (PlanLive above it), editable or not alike.
 */
import type { ReactNode } from "react";
import { MilestoneChart, useMilestoneReport } from "@/components/charts/milestone-chart";
import { CollabStatus } from "@/components/collab/collab-status";
import { ScheduleSection } from "./section";

/** The whole page inside PlanLive: the trail back to the plan, the title, then the schedule. */
export function SchedulePage({ trail, title }: { trail: ReactNode; title: string }) {
  const report = useMilestoneReport();
  return (
    <main className="min-h-screen bg-white px-4 py-4">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-500">{trail}</div>
      <div className="mt-1 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Schedule: {title}</h1>
        <CollabStatus />
      </div>
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
    </main>
  );
}
