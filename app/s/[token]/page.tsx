import type { Metadata } from "next";
import { PlanSections } from "@/components/plan/plan-sections";
import { SectionNav } from "@/components/plan/section-nav";
import { StatusBadge } from "@/components/ui/status-badge";
import { TimeAgo } from "@/components/ui/time-ago";
import { pageData } from "@/lib/page";
import { getSharedPlan, recordShareView } from "@/lib/services/sharing";

type Props = { params: Promise<{ token: string }> };

// Link holders' pages stay out of search engines and never leak the token through Referer.
export const metadata: Metadata = {
  title: "Shared plan · Planwright",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function SharedPlanPage({ params }: Props) {
  const { token } = await params;
  const { plan, workspaceName, principal } = await pageData(() => getSharedPlan(token));
  await recordShareView(principal);

  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between px-6 py-3">
          <span className="text-lg font-semibold text-indigo-700">Planwright</span>
          <span className="rounded-full bg-slate-100 px-3 py-1 text-xs font-medium text-slate-700">Read-only view</span>
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
        {plan.summary && <p className="mt-4 max-w-3xl whitespace-pre-line text-slate-700">{plan.summary}</p>}
        <div className="mt-8 grid grid-cols-1 gap-6 lg:grid-cols-[14rem_1fr]">
          <SectionNav />
          <PlanSections />
        </div>
      </main>
    </div>
  );
}
