import Link from "next/link";
import { ActionForm, Field, SubmitButton } from "@/components/forms/action-form";
import { CompletenessScore } from "@/components/plan/completeness-score";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { PriorityBadge, PriorityFilterSelect } from "@/components/ui/priority-badge";
import { StatusBadge } from "@/components/ui/status-badge";
import { TimeAgo } from "@/components/ui/time-ago";
import { WorkspaceHeader } from "@/components/workspace-header";
import { canOnPlan, planRoleFor } from "@/lib/access/policy";
import { getPrincipal } from "@/lib/auth";
import { pageData } from "@/lib/page";
import { listWorkspacePlans } from "@/lib/services/plans";
import { getWorkspace } from "@/lib/services/workspaces";
import { planningSteps, priorityLabels } from "@/lib/plan/template";
import { TITLE_MAX } from "@/lib/validation/plan";
import { archivePlanAction, createPlanAction, deletePlanAction } from "../actions";
import { Button } from "@/components/ui/button";

export default async function WorkspacePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ archived?: string; priority?: string }>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const archived = query.archived === "1";
  const priority = query.priority && query.priority in priorityLabels ? query.priority : "";
  const principal = await getPrincipal();
  const [workspace, plans] = await pageData(
    () => Promise.all([getWorkspace(principal, id), listWorkspacePlans(principal, id, { archived, priority })]),
    `/workspaces/${id}`,
  );
  const mayManage = (ownerId: string | null) =>
    canOnPlan(planRoleFor(workspace.role, ownerId === principal?.userId), "archive");

  return (
    <main className="mx-auto max-w-6xl px-6 py-8">
      <WorkspaceHeader id={id} name={workspace.name} current="plans" />
      <div className="mt-6 flex items-center justify-between">
        <h2 className="text-lg font-medium">{archived ? "Archived plans" : "Plans"}</h2>
        <Link
          href={archived ? `/workspaces/${id}` : `/workspaces/${id}?archived=1`}
          className="text-sm text-indigo-700 underline"
        >
          {archived ? "Show current plans" : "Show archived plans"}
        </Link>
      </div>
      <PriorityFilter archived={archived} priority={priority} />
      {plans.length === 0 ? (
        <p className="mt-3 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          {priority
            ? `No ${archived ? "archived " : ""}plans of ${priorityLabels[priority as keyof typeof priorityLabels].toLowerCase()} priority.`
            : archived
              ? "No archived plans."
              : "No plans yet. Start one from the implementation-plan template below."}
        </p>
      ) : (
        <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm" aria-label="Plans">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Title
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Status
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Priority
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Complete
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Owner
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Last change
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {plans.map((p) => (
                <tr key={p.id}>
                  <td className="px-4 py-2">
                    <Link href={`/plans/${p.id}`} className="font-medium text-indigo-700 hover:underline">
                      {p.title}
                    </Link>
                  </td>
                  <td className="px-4 py-2">
                    <StatusBadge status={p.status} />
                  </td>
                  <td className="px-4 py-2">
                    <PriorityBadge priority={p.priority} />
                  </td>
                  <td className="px-4 py-2">
                    <CompletenessScore score={p.completeness} />
                  </td>
                  <td className="px-4 py-2 text-slate-700">{p.ownerName ?? "—"}</td>
                  <td className="px-4 py-2 text-slate-600">
                    <TimeAgo date={p.updatedAt} />
                  </td>
                  <td className="px-4 py-2 text-right">
                    {mayManage(p.ownerId) && (
                      <div className="flex justify-end gap-1">
                        <ActionForm
                          action={archivePlanAction}
                          aria-label={`${archived ? "Restore" : "Archive"} ${p.title}`}
                        >
                          <input type="hidden" name="planId" value={p.id} />
                          <input type="hidden" name="archived" value={archived ? "false" : "true"} />
                          <Button type="submit" variant="ghost">
                            {archived ? "Restore" : "Archive"}
                          </Button>
                        </ActionForm>
                        <ConfirmAction
                          action={deletePlanAction}
                          fields={{ planId: p.id, workspaceId: id }}
                          label="Delete"
                          title={`Delete “${p.title}”?`}
                          body="The plan and everything in it are removed for everyone. This cannot be undone."
                          confirmLabel="Delete plan"
                        />
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!archived && (
        <section className="mt-8 max-w-xl rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="font-medium">New plan</h2>
          <p className="mt-1 text-sm text-slate-600">
            Starts from the implementation-plan template: objectives, scope, deliverables, stakeholders, research,
            strategy, schedule, risks, resources &amp; budget, roles &amp; RACI and metrics. The plan page then walks
            you through the six planning steps:
          </p>
          <ol className="mt-2 list-inside list-decimal text-sm text-slate-600">
            {planningSteps.map((s) => (
              <li key={s.id}>{s.title}</li>
            ))}
          </ol>
          <ActionForm action={createPlanAction} className="mt-3 flex flex-col gap-3" aria-label="New plan">
            <input type="hidden" name="workspaceId" value={id} />
            {plans.length > 0 && !archived && (
              <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
                Start from
                <select
                  name="source"
                  defaultValue=""
                  className="rounded-md border border-slate-300 bg-white px-2 py-2 text-sm"
                >
                  <option value="">The implementation-plan template</option>
                  {plans.map((p) => (
                    <option key={p.id} value={p.id}>
                      A copy of “{p.title}”
                    </option>
                  ))}
                </select>
              </label>
            )}
            <Field
              name="title"
              label="Title"
              placeholder="e.g. CRM migration (for a copy: “Copy of …” when left empty)"
              maxLength={TITLE_MAX}
              required
            />
            <Field name="summary" label="Purpose (optional)" placeholder="Why this plan exists, in a sentence or two" />
            <div>
              <SubmitButton pendingText="Creating…">Create plan</SubmitButton>
            </div>
          </ActionForm>
        </section>
      )}
    </main>
  );
}

/** Filters the list by priority through the address, so a filtered list can be bookmarked and works without script. */
function PriorityFilter({ archived, priority }: { archived: boolean; priority: string }) {
  return (
    <form method="get" className="mt-3 flex items-end gap-2" aria-label="Filter plans">
      {archived && <input type="hidden" name="archived" value="1" />}
      <PriorityFilterSelect defaultValue={priority} />
      <Button type="submit" variant="secondary">
        Filter
      </Button>
    </form>
  );
}
