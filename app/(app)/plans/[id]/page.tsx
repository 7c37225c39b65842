import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { ActionForm, Choice, Field, SubmitButton } from "@/components/forms/action-form";
import { CollabStatus } from "@/components/collab/collab-status";
import { Announcements } from "@/components/comments/announcements";
import { CommentsProvider } from "@/components/comments/comments-context";
import { SectionComments } from "@/components/comments/section-comments";
import { PlanBody } from "@/components/plan/plan-body";
import { PlanLive } from "@/components/plan/plan-live";
import { ApprovalSummary } from "@/components/review/approval-summary";
import { ChangedBadge } from "@/components/review/changed-badge";
import { PlanSubnav } from "@/components/plan/plan-subnav";
import { PlanningSteps } from "@/components/review/planning-steps";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { PriorityBadge } from "@/components/ui/priority-badge";
import { PartBadge } from "@/components/review/part-approvals";
import { StatusBadge } from "@/components/ui/status-badge";
import { TimeAgo } from "@/components/ui/time-ago";
import { canOnPlan } from "@/lib/access/policy";
import { getPrincipal, getSessionUser } from "@/lib/auth";
import { setting } from "@/lib/env";
import { pageData } from "@/lib/page";
import { priorityLabels, statusLabels } from "@/lib/plan/template";
import { dateInTimeZone } from "@/lib/plan/dates";
import { getAnnouncements, getPlanComments } from "@/lib/services/comments";
import { DIGESTED_SECTIONS, type DigestedSection } from "@/lib/plan/section-digests";
import { getPlanView } from "@/lib/services/plans";
import { getPartApprovals } from "@/lib/services/part-review";
import { getApprovalState } from "@/lib/services/review";
import { SUMMARY_MAX, TITLE_MAX } from "@/lib/validation/plan";
import { archivePlanAction, deletePlanAction, duplicatePlanAction } from "../../workspaces/actions";
import { updatePlanDetailsAction } from "./actions";
import { Button, ButtonAnchor, ButtonLink } from "@/components/ui/button";

type Props = { params: Promise<{ id: string }> };

// One read per request for the title and the page (access check, projection, members).
const load = cache(async (planId: string) => getPlanView(await getPrincipal(), planId));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const found = await load(id).catch(() => null);
  return { title: found ? `${found.plan.title} · Planwright` : "Plan · Planwright" };
}

export default async function PlanPage({ params }: Props) {
  const { id } = await params;
  const principal = await getPrincipal();
  // First paint comes from the projection; the live document takes over once joined. Every read is
  // authorized on its own, so they all start at once (one wait for the database, not two).
  const [[{ plan, workspaceName, role, content, members }, comments, updates, approval, parts], me] = await Promise.all(
    [
      pageData(
        () =>
          Promise.all([
            load(id),
            getPlanComments(principal, id),
            getAnnouncements(principal, id),
            getApprovalState(principal, id),
            getPartApprovals(principal, id),
          ]),
        `/plans/${id}`,
      ),
      getSessionUser(),
    ],
  );
  const isDigested = (s: string): s is DigestedSection => (DIGESTED_SECTIONS as readonly string[]).includes(s);
  const mayEdit = canOnPlan(role, "rename");
  const mayManage = canOnPlan(role, "archive");

  return (
    <PlanLive
      planId={plan.id}
      user={{ id: me?.id ?? "", name: me?.name ?? "Someone" }}
      canEdit={canOnPlan(role, "edit")}
      initial={JSON.stringify(content)}
      members={members}
      today={dateInTimeZone(new Date(), "UTC")}
      importMaxBytes={setting("IMPORT_MAX_BYTES")}
    >
      <main className="mx-auto max-w-6xl px-6 py-8">
        <p className="text-sm text-slate-500">
          <Link href={`/workspaces/${plan.workspaceId}`} className="hover:underline">
            {workspaceName}
          </Link>{" "}
          / Plans
        </p>
        <header className="mt-1 flex flex-wrap items-start justify-between gap-4">
          <div>
            <h1 className="text-3xl font-semibold">{plan.title}</h1>
            <p className="mt-2 flex items-center gap-3 text-sm text-slate-600">
              <StatusBadge status={plan.status} />
              <PriorityBadge priority={plan.priority} />
              {plan.archivedAt && (
                <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium">Archived</span>
              )}
              <span>
                Last change <TimeAgo date={plan.updatedAt} />
              </span>
              {parts
                .filter((p) => p.status !== "no_approvers")
                .map((p) => (
                  <PartBadge key={p.id} title={p.title} status={p.status} changed={p.changed} />
                ))}
            </p>
          </div>
          <div className="flex items-center gap-1">
            <ButtonLink href={`/plans/${plan.id}/print`} variant="secondary">
              Print view
            </ButtonLink>
            <ButtonAnchor href={`/api/v1/plans/${plan.id}/export.pdf`} variant="secondary">
              PDF
            </ButtonAnchor>
            <ButtonAnchor href={`/api/v1/plans/${plan.id}/export.md`} variant="secondary">
              Markdown
            </ButtonAnchor>
            <ButtonLink href={`/plans/${plan.id}/share`} variant="secondary">
              Share
            </ButtonLink>
            {canOnPlan(role, "duplicate") && (
              <ActionForm action={duplicatePlanAction} aria-label="Duplicate plan">
                <input type="hidden" name="planId" value={plan.id} />
                <Button type="submit" variant="secondary">
                  Duplicate
                </Button>
              </ActionForm>
            )}
            {mayManage && (
              <div className="flex items-center gap-1">
                <ActionForm action={archivePlanAction} aria-label={plan.archivedAt ? "Restore plan" : "Archive plan"}>
                  <input type="hidden" name="planId" value={plan.id} />
                  <input type="hidden" name="archived" value={plan.archivedAt ? "false" : "true"} />
                  <Button type="submit" variant="ghost">
                    {plan.archivedAt ? "Restore" : "Archive"}
                  </Button>
                </ActionForm>
                <ConfirmAction
                  action={deletePlanAction}
                  fields={{ planId: plan.id, workspaceId: plan.workspaceId, redirectTo: "workspace" }}
                  label="Delete"
                  title={`Delete “${plan.title}”?`}
                  body="The plan and everything in it are removed for everyone. This cannot be undone."
                  confirmLabel="Delete plan"
                />
              </div>
            )}
          </div>
        </header>
        <div className="mt-3">
          <CollabStatus />
        </div>
        {approval && (
          <div className="mt-3">
            <ApprovalSummary planId={plan.id} approval={approval} changed={[]} />
          </div>
        )}
        <PlanSubnav planId={plan.id} current="plan" />
        {plan.summary ? (
          <p className="mt-4 max-w-3xl whitespace-pre-line text-slate-700">{plan.summary}</p>
        ) : (
          <p className="mt-4 text-sm text-slate-500">
            No purpose written yet{mayEdit ? " — add one under “Edit details”." : "."}
          </p>
        )}
        {mayEdit && (
          <details className="mt-4 max-w-xl rounded-lg border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer text-sm font-medium">Edit details</summary>
            <ActionForm action={updatePlanDetailsAction} className="mt-3 flex flex-col gap-3" aria-label="Plan details">
              <input type="hidden" name="planId" value={plan.id} />
              <Field name="title" label="Title" defaultValue={plan.title} maxLength={TITLE_MAX} required />
              <Field name="summary" label="Purpose" defaultValue={plan.summary} maxLength={SUMMARY_MAX} />
              <Choice
                name="priority"
                label="Priority"
                defaultValue={plan.priority}
                options={Object.entries(priorityLabels).map(([value, label]) => ({ value, label }))}
              />
              <p className="text-sm text-slate-600">
                Status ({statusLabels[plan.status]}) changes on{" "}
                <Link href={`/plans/${plan.id}/review`} className="text-indigo-700 underline">
                  Review &amp; sign-off
                </Link>
                .
              </p>
              <div>
                <SubmitButton pendingText="Saving…">Save details</SubmitButton>
              </div>
            </ActionForm>
          </details>
        )}
        {plan.status === "draft" && mayEdit && <PlanningSteps />}
        <Announcements planId={plan.id} announcements={updates.announcements} canAnnounce={updates.canAnnounce} />
        <CommentsProvider planId={plan.id} members={members} initial={comments}>
          <PlanBody
            headerSlot={(section) => <SectionComments section={section} />}
            badgeSlot={
              approval
                ? (section) =>
                    isDigested(section) ? (
                      <ChangedBadge section={section} approved={approval.sectionDigests[section]} />
                    ) : null
                : undefined
            }
          />
        </CommentsProvider>
      </main>
    </PlanLive>
  );
}
