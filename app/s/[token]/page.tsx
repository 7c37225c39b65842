import { CollabStatus } from "@/components/collab/collab-status";
import { PlanBody } from "@/components/plan/plan-body";
import { FeedbackForm } from "@/components/share/feedback-form";
import { LinkFeedback } from "@/components/share/link-feedback";
import { ButtonAnchor } from "@/components/ui/button";
import { StatusBadge } from "@/components/ui/status-badge";
import { TimeAgo } from "@/components/ui/time-ago";
import { pageData } from "@/lib/page";
import { getLinkFeedback } from "@/lib/services/feedback";
import { leaveFeedbackAction } from "./actions";
import { loadSharedPlan, SharedPlanLive, sharedMetadata } from "./shared-plan";

type Props = { params: Promise<{ token: string }> };

export const metadata = sharedMetadata("Shared plan · Planwright");

/** A plan as read through a read-only link: every section, live, with no edit controls. */
export default async function SharedPlanPage({ params }: Props) {
  const { token } = await params;
  const view = await loadSharedPlan(token);
  const { plan, workspaceName, principal } = view;
  const feedback = await pageData(() => getLinkFeedback(principal));

  return (
    <SharedPlanLive token={token} view={view}>
      <div className="min-h-screen bg-slate-50">
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl items-center justify-between px-6 py-3">
            <span className="text-lg font-semibold text-indigo-700">Planwright</span>
            <span className="rounded-full bg-slate-100 px-3 py-1 text-xs font-medium text-slate-700">
              Read-only view
            </span>
          </div>
        </header>
        <main className="mx-auto max-w-6xl px-6 py-8">
          <p className="text-sm text-slate-500">Shared from {workspaceName}</p>
          <h1 className="mt-1 text-3xl font-semibold">{plan.title}</h1>
          <p className="mt-2 flex items-center gap-3 text-sm text-slate-600">
            <StatusBadge status={plan.status} />
            <span>
              Last change <TimeAgo date={plan.updatedAt} />
            </span>
          </p>
          <div className="mt-3">
            <CollabStatus />
          </div>
          {principal.allowDownloads && (
            <p className="mt-3 flex gap-2">
              <ButtonAnchor href={`/api/v1/shared/${token}/export.pdf`} size="sm" rel="noreferrer">
                Download PDF
              </ButtonAnchor>
              <ButtonAnchor href={`/api/v1/shared/${token}/export.md`} size="sm" rel="noreferrer">
                Download Markdown
              </ButtonAnchor>
            </p>
          )}
          {plan.summary && <p className="mt-4 max-w-3xl whitespace-pre-line text-slate-700">{plan.summary}</p>}
          <PlanBody />
          {principal.allowFeedback && <FeedbackForm action={leaveFeedbackAction} token={token} />}
          {feedback.length > 0 && <LinkFeedback items={feedback} />}
        </main>
      </div>
    </SharedPlanLive>
  );
}
