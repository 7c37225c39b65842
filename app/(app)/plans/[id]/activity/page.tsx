import type { Metadata } from "next";
import Link from "next/link";
import { ActivityList } from "@/components/activity/activity-list";
import { PlanSubnav } from "@/components/review/plan-subnav";
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
    <main className="mx-auto max-w-4xl px-6 py-8">
      <p className="text-sm text-slate-500">
        <Link href={`/plans/${plan.id}`} className="hover:underline">
          {plan.title}
        </Link>{" "}
        / Activity
      </p>
      <h1 className="mt-1 text-3xl font-semibold">Activity</h1>
      <p className="mt-2 text-sm text-slate-600">
        Who changed which section, and when, from the plan&apos;s history (one line per person per minute).
      </p>
      <PlanSubnav planId={plan.id} current="activity" />
      <ActivityList entries={entries} />
    </main>
  );
}
