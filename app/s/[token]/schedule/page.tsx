import type { Metadata } from "next";
import Link from "next/link";
import { CollabStatus } from "@/components/collab/collab-status";
import { PlanLive } from "@/components/plan/plan-live";
import { SchedulePage } from "@/components/schedule/schedule-page";
import { pageData } from "@/lib/page";
import { dateInTimeZone } from "@/lib/plan/dates";
import { getSharedPlanView, recordShareView } from "@/lib/services/sharing";

type Props = { params: Promise<{ token: string }> };

// Link holders' pages stay out of search engines and never leak the token through Referer.
export const metadata: Metadata = {
  title: "Shared schedule · Planwright",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

/** A plan's timeline through a read-only link: the whole window, live, no edit controls. */
export default async function SharedSchedulePage({ params }: Props) {
  const { token } = await params;
  const { plan, workspaceName, content, members, principal } = await pageData(() => getSharedPlanView(token));
  await recordShareView(principal);
  return (
    <PlanLive
      planId={plan.id}
      user={{ id: `link:${principal.linkId}`, name: "Guest viewer" }}
      canEdit={false}
      shareToken={token}
      initial={JSON.stringify(content)}
      members={members}
      today={dateInTimeZone(new Date(), "UTC")}
    >
      <main className="min-h-screen bg-white px-4 py-4">
        <p className="flex items-center justify-between text-sm text-slate-500">
          <span>
            Shared from {workspaceName} /{" "}
            <Link href={`/s/${token}`} className="hover:underline">
              {plan.title}
            </Link>
          </span>
          <span className="rounded-full bg-slate-100 px-3 py-1 text-xs font-medium text-slate-700">Read-only view</span>
        </p>
        <div className="mt-1 flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold">Schedule: {plan.title}</h1>
          <CollabStatus />
        </div>
        <SchedulePage />
      </main>
    </PlanLive>
  );
}
