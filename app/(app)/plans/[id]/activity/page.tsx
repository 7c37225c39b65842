import type { Metadata } from "next";
import { ActivityList } from "@/components/activity/activity-list";
import { PlanSubpage } from "@/components/plan/plan-subpage";
import { getPrincipal } from "@/lib/auth";
import { pageData } from "@/lib/page";
import { getPlanActivity } from "@/lib/services/activity";
import { getPlan } from "@/lib/services/plans";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Activity · Planwright" };

export default async function ActivityPage({ params }: Props) {
  const { id } = await params;
  const principal = await getPrincipal();
  const [{ plan }, entries] = await pageData(
    () => Promise.all([getPlan(principal, id), getPlanActivity(principal, id)]),
    `/plans/${id}/activity`,
  );
  return (
    <PlanSubpage
      plan={plan}
      crumb="Activity"
      title="Activity"
      tab="activity"
      intro="Who changed which section, and when, from the plan's history (one line per person per minute)."
    >
      <ActivityList entries={entries} />
    </PlanSubpage>
  );
}
