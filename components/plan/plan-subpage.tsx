import Link from "next/link";
import type { ReactNode } from "react";
import { PlanSubnav, type PlanTab } from "./plan-subnav";

/**
 * A page about one plan beside the plan itself (review, activity, sharing): the way back to the plan,
 * the page's title and what it is for, the links between the plan's pages, then the page.
 */
export function PlanSubpage({
  plan,
  crumb,
  title,
  intro,
  tab,
  children,
}: {
  plan: { id: string; title: string };
  /** The page's name after the plan's in the trail. */
  crumb: string;
  title: ReactNode;
  intro?: ReactNode;
  /** This page's tab in the plan's navigation, when it has one. */
  tab?: PlanTab;
  children: ReactNode;
}) {
  return (
    <main className="mx-auto max-w-4xl px-6 py-8">
      <p className="text-sm text-slate-500">
        <Link href={`/plans/${plan.id}`} className="hover:underline">
          {plan.title}
        </Link>{" "}
        / {crumb}
      </p>
      <h1 className="mt-1 text-3xl font-semibold">{title}</h1>
      {intro && <p className="mt-2 text-sm text-slate-600">{intro}</p>}
      <PlanSubnav planId={plan.id} current={tab} />
      {children}
    </main>
  );
}
