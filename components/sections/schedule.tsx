"use client";

import { ScheduleView } from "@/components/gantt/schedule-view";

/** The Schedule section: task grid beside the live timeline. */
export function ScheduleSection() {
  return <ScheduleView />;
}
