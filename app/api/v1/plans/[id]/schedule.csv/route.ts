import { apiRoute } from "@/lib/api";
import { scheduleToCsv } from "@/lib/schedule/csv";
import { getPlanView } from "@/lib/services/plans";

type P = { id: string };

/**
 * The schedule as CSV, for anyone who may read the plan. Import has no route: the browser parses
 * the file and writes the rows into the live document (see docs/gantt.md).
 */
export const GET = apiRoute<P>(async ({ principal, params }) => {
  const { content, members } = await getPlanView(principal, params.id);
  const names = new Map([
    ...members.map((m) => [m.id, m.name] as const),
    ...content.resources.map((r) => [r.id, r.name] as const),
  ]);
  const calendar = { workingWeekdays: content.settings.workingWeekdays, holidays: content.holidays };
  const body = scheduleToCsv({
    tasks: content.tasks,
    dependencies: content.dependencies,
    deliverables: content.deliverables,
    nameOf: (id) => (id ? (names.get(id) ?? null) : null),
    calendar,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="schedule.csv"',
      "Cache-Control": "private, no-store",
    },
  });
});
