import Link from "next/link";
import { SchedulePage } from "@/components/schedule/schedule-page";
import { loadSharedPlan, SharedPlanLive, sharedMetadata } from "../shared-plan";

type Props = { params: Promise<{ token: string }> };

export const metadata = sharedMetadata("Shared schedule · Planwright");

/** A plan's timeline through a read-only link: the whole window, live, no edit controls. */
export default async function SharedSchedulePage({ params }: Props) {
  const { token } = await params;
  const view = await loadSharedPlan(token);
  const { plan, workspaceName } = view;
  return (
    <SharedPlanLive token={token} view={view}>
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
    </SharedPlanLive>
  );
}
