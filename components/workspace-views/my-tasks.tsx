import Link from "next/link";
import type { getWorkspaceViews } from "@/lib/services/workspace-views";
import { priorityLabels } from "@/lib/plan/template";
import { ColumnHeads } from "@/components/ui/column-heads";
import { Empty } from "@/components/ui/empty";
import { PriorityBadge, PriorityFilterSelect } from "@/components/ui/priority-badge";
import { Button } from "@/components/ui/button";

type Views = Awaited<ReturnType<typeof getWorkspaceViews>>;

const th =
  "border-b border-slate-200 px-2 py-1.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const td = "border-b border-slate-100 px-2 py-1.5 align-top";

const emptyText: Record<Views["taskGroups"][number]["id"], string> = {
  overdue: "Nothing of yours is overdue.",
  this_week: "Nothing of yours is due this week.",
  later: "Nothing of yours is due later.",
  done: "Nothing of yours is done yet.",
};

/** The caller's tasks across plans, overdue first; a GET form filters them, so it works without script. */
export function MyTasks({ views }: { views: Views }) {
  const { taskGroups, today, weekEnd, showDone, priority } = views;
  const total = taskGroups.reduce((n, g) => n + g.rows.length, 0);
  return (
    <>
      <h2 id="my-tasks" className="text-lg font-semibold">
        My tasks
      </h2>
      <p className="text-sm text-slate-600">
        Work assigned to you in this workspace&apos;s plans; this week runs to {weekEnd}.
      </p>
      <form method="get" className="mt-3 flex flex-wrap items-end gap-3" aria-label="Filter my tasks">
        <PriorityFilterSelect defaultValue={priority ?? ""} />
        <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
          <input type="checkbox" name="done" value="1" defaultChecked={showDone} />
          Show done
        </label>
        <Button type="submit" variant="secondary">
          Apply
        </Button>
      </form>
      {total === 0 ? (
        <Empty className="mt-3">
          {priority
            ? `No ${priorityLabels[priority].toLowerCase()}-priority tasks assigned to you.`
            : "Nothing is assigned to you in this workspace's plans."}
        </Empty>
      ) : (
        taskGroups.map((g) => (
          <section key={g.id} aria-labelledby={`my-tasks-${g.id}`} className="mt-4">
            <h3 id={`my-tasks-${g.id}`} className="text-sm font-semibold text-slate-700">
              {g.label} <span className="font-normal text-slate-500">({g.rows.length})</span>
            </h3>
            {g.rows.length === 0 ? (
              <p className="mt-1 text-sm text-slate-500">{emptyText[g.id]}</p>
            ) : (
              <table aria-label={`My tasks: ${g.label.toLowerCase()}`} className="mt-1 w-full border-collapse text-sm">
                <ColumnHeads columns={["Task", "Plan", "Due", "Priority", "Progress"]} cell={th} />
                <tbody>
                  {g.rows.map((t) => (
                    <tr key={`${t.planId}:${t.id}`}>
                      <td className={td}>
                        {t.kind === "milestone" && <span aria-label="Milestone">◆ </span>}
                        {t.name || "Untitled task"}
                      </td>
                      <td className={td}>
                        <Link href={`/plans/${t.planId}#schedule`} className="text-indigo-700 hover:underline">
                          {t.planTitle}
                        </Link>
                      </td>
                      <td className={`${td} ${g.id === "overdue" ? "font-medium text-red-700" : ""}`}>
                        {t.end === today ? "Today" : (t.end ?? "No date")}
                      </td>
                      <td className={td}>
                        <PriorityBadge priority={t.priority} />
                      </td>
                      <td className={td}>{t.progress}%</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ))
      )}
    </>
  );
}
