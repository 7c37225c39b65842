import type { Metadata } from "next";
import Link from "next/link";
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
      <SchedulePage
        title={plan.title}
        trail={
          <>
            <p>
              Shared from {workspaceName} /{" "}
              <Link href={`/s/${token}`} className="hover:underline">
                {plan.title}
              </Link>
            </p>
            <span className="rounded-full bg-slate-100 px-3 py-1 text-xs font-medium text-slate-700">
              Read-only view
            </span>
          </>
        }
      />
    </PlanLive>
  );
}
