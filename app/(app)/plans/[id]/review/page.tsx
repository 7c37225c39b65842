import type { Metadata } from "next";
import { format } from "date-fns";
import { ApprovalSummary } from "@/components/review/approval-summary";
import { ApproversPanel } from "@/components/review/approvers-panel";
import { PartApprovals } from "@/components/review/part-approvals";
import { PlanSubpage } from "@/components/plan/plan-subpage";
import { SignoffForm } from "@/components/review/signoff-form";
import { SignoffHistory } from "@/components/review/signoff-history";
import { StatusActions } from "@/components/review/status-actions";
import { StatusBadge } from "@/components/ui/status-badge";
import type { PlanStatus } from "@/lib/services/review";
import { getPrincipal } from "@/lib/auth";
import { pageData } from "@/lib/page";
import { getPartApprovals } from "@/lib/services/part-review";
import { COMMENT_MAX, getReview } from "@/lib/services/review";
import {
  addApproverAction,
  addPartApproverAction,
  changeStatusAction,
  removeApproverAction,
  removePartApproverAction,
  requestPartSignoffAction,
  signOffAction,
  signOffPartAction,
} from "./actions";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Review & sign-off · Planwright" };

export default async function ReviewPage({ params }: Props) {
  const { id } = await params;
  const principal = await getPrincipal();
  const [review, parts] = await pageData(
    () => Promise.all([getReview(principal, id), getPartApprovals(principal, id)]),
    `/plans/${id}/review`,
  );
  const { plan, approvers, may } = review;
  const next: PlanStatus[] = [...(may.sendForReview ? (["in_review"] as const) : []), ...may.setStatus];
  const inReview = plan.status === "in_review";

  return (
    <PlanSubpage plan={plan} crumb="Review" title="Review & sign-off" tab="review">
      <section aria-labelledby="status-title" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="status-title" className="sr-only">
          Status
        </h2>
        <p className="flex items-center gap-2 text-sm text-slate-700">
          Status <StatusBadge status={plan.status} />
        </p>
        <p className="mt-2 text-sm text-slate-600">
          Draft → In review → Approved → Active → Done. A request for changes sends the plan back to draft.
        </p>
        <div className="mt-3">
          <ApprovalSummary planId={plan.id} approval={review.approval} changed={review.changed} />
        </div>
        {plan.status === "draft" && approvers.length === 0 && may.manageApprovers && (
          <p className="mt-3 text-sm text-slate-600">
            Name at least one approver below, then send the plan for review.
          </p>
        )}
        <div className="mt-4">
          <StatusActions planId={plan.id} next={next} action={changeStatusAction} />
        </div>
      </section>

      {may.signOff && (
        <section
          aria-labelledby="signoff-title"
          className="mt-6 rounded-lg border border-indigo-200 bg-indigo-50/40 p-5"
        >
          <h2 id="signoff-title" className="text-lg font-semibold">
            Your sign-off
          </h2>
          <p className="mt-1 mb-3 text-sm text-slate-600">
            You are named as an approver of this plan. Read it, then approve it or say what needs to change.
          </p>
          <SignoffForm action={signOffAction} planId={plan.id} maxLength={COMMENT_MAX} />
        </section>
      )}

      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <ApproversPanel
          planId={plan.id}
          approvers={approvers}
          candidates={review.members}
          inReview={inReview}
          canManage={may.manageApprovers}
          addAction={addApproverAction}
          removeAction={removeApproverAction}
        />
        <SignoffHistory signoffs={review.signoffs} />
      </div>

      <PartApprovals
        planId={plan.id}
        parts={parts}
        me={principal?.kind === "user" ? principal.userId : null}
        candidates={review.allMembers}
        canManage={may.manageParts}
        canRequest={may.requestParts}
        actions={{
          add: addPartApproverAction,
          remove: removePartApproverAction,
          signOff: signOffPartAction,
          request: requestPartSignoffAction,
        }}
        maxLength={COMMENT_MAX}
      />

      {review.approvals.length > 0 && (
        <section aria-labelledby="approvals-title" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="approvals-title" className="text-lg font-semibold">
            Approvals
          </h2>
          <ul className="mt-3 flex flex-col gap-1 text-sm">
            {review.approvals.map((a) => (
              <li key={a.id}>
                <time dateTime={a.approvedAt.toISOString()}>{format(a.approvedAt, "d MMM yyyy, HH:mm")}</time>
                {a.baselineId ? " · schedule baseline frozen" : " · no baseline"}
              </li>
            ))}
          </ul>
        </section>
      )}
    </PlanSubpage>
  );
}
