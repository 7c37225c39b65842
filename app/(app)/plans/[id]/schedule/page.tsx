import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { PlanLive } from "@/components/plan/plan-live";
import { SchedulePage } from "@/components/schedule/schedule-page";
import { canOnPlan } from "@/lib/access/policy";
import { getPrincipal, getSessionUser } from "@/lib/auth";
import { pageData } from "@/lib/page";
import { dateInTimeZone } from "@/lib/plan/dates";
import { getPlanView } from "@/lib/services/plans";

type Props = { params: Promise<{ id: string }> };

// One read per request for the title and the page (access check, projection, members).
const load = cache(async (planId: string) => getPlanView(await getPrincipal(), planId));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const found = await load(id).catch(() => null);
  return { title: found ? `Schedule · ${found.plan.title} · Planwright` : "Schedule · Planwright" };
}

/** A plan's timeline across the whole window, drawn from the projection first, then live. */
export default async function PlanSchedulePage({ params }: Props) {
  const { id } = await params;
  const [{ plan, workspaceName, role, content, members }, me] = await Promise.all([
    pageData(() => load(id), `/plans/${id}/schedule`),
    getSessionUser(),
  ]);
  return (
    <PlanLive
      planId={plan.id}
      user={{ id: me?.id ?? "", name: me?.name ?? "Someone" }}
      canEdit={canOnPlan(role, "edit")}
      initial={JSON.stringify(content)}
      members={members}
      today={dateInTimeZone(new Date(), "UTC")}
    >
      <SchedulePage
        title={plan.title}
        trail={
          <p>
            <Link href={`/workspaces/${plan.workspaceId}`} className="hover:underline">
              {workspaceName}
            </Link>{" "}
            /{" "}
            <Link href={`/plans/${plan.id}`} className="hover:underline">
              {plan.title}
            </Link>
          </p>
        }
      />
    </PlanLive>
  );
}
