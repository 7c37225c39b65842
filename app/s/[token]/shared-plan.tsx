import type { Metadata } from "next";
import type { ReactNode } from "react";
import { PlanLive } from "@/components/plan/plan-live";
import { pageData } from "@/lib/page";
import { dateInTimeZone } from "@/lib/plan/dates";
import { getSharedPlanView, recordShareView } from "@/lib/services/sharing";

/** Link holders' pages stay out of search engines and never leak the token through Referer. */
export const sharedMetadata = (title: string): Metadata => ({
  title,
  robots: { index: false, follow: false },
  referrer: "no-referrer",
});

export type SharedPlanView = Awaited<ReturnType<typeof getSharedPlanView>>;

/** The plan behind a read-only link (the 404 page for a dead link), counted as one view of the link. */
export async function loadSharedPlan(token: string): Promise<SharedPlanView> {
  const view = await pageData(() => getSharedPlanView(token));
  await recordShareView(view.principal);
  return view;
}

/** The live, read-only plan a link's pages draw inside: joined by the link's token, no edit controls. */
export function SharedPlanLive({
  token,
  view,
  children,
}: {
  token: string;
  view: SharedPlanView;
  children: ReactNode;
}) {
  return (
    <PlanLive
      planId={view.plan.id}
      user={{ id: `link:${view.principal.linkId}`, name: "Guest viewer" }}
      canEdit={false}
      shareToken={token}
      initial={JSON.stringify(view.content)}
      members={view.members}
      today={dateInTimeZone(new Date(), "UTC")}
    >
      {children}
    </PlanLive>
  );
}
