import { apiRoute } from "@/lib/api";
import { scheduleToIcs } from "@/lib/schedule/ics";
import { getPlanView } from "@/lib/services/plans";

type P = { id: string };

/** The schedule's milestones and due dates as iCalendar, for anyone who may read the plan. */
export const GET = apiRoute<P>(async ({ principal, params }) => {
  const view = await getPlanView(principal, params.id);
  const body = scheduleToIcs({
    planId: params.id,
    planTitle: view.plan.title,
    tasks: view.content.tasks,
    deliverables: view.content.deliverables,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="schedule.ics"',
      "Cache-Control": "private, no-store",
    },
  });
});
