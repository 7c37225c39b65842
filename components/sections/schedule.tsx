"use client";

import { LiveTaskList } from "@/components/collab/live-task-list";
import { useRows } from "@/components/collab/plan-data";

export function ScheduleSection() {
  const tasks = useRows("tasks");
  return <LiveTaskList initialTasks={tasks} />;
}
