import Link from "next/link";
import { Picture } from "@/components/print/print-parts";
import { milestonesSvg } from "@/lib/export/milestones-svg";
import { svgDataUrl } from "@/lib/export/svg";
import type { getWorkspaceViews } from "@/lib/services/workspace-views";
import { Empty } from "@/components/ui/empty";
import { ColumnHeads } from "@/components/ui/column-heads";
import { MyTasks } from "./my-tasks";

type Views = Awaited<ReturnType<typeof getWorkspaceViews>>;

const card = "mt-6 rounded-lg border border-slate-200 bg-white p-5";
const th =
  "border-b border-slate-200 px-2 py-1.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const td = "border-b border-slate-100 px-2 py-1.5 align-top";

/** The three cross-plan views of a workspace, rendered on the server from the projection. */
export function WorkspaceViews({ views }: { views: Views }) {
  const { milestones, highRisks, today } = views;
  return (
    <>
      <section aria-labelledby="my-tasks" className={card}>
        <MyTasks views={views} />
      </section>

      <section aria-labelledby="milestones" className={card}>
        <h2 id="milestones" className="text-lg font-semibold">
          Milestones across plans
        </h2>
        {milestones.length === 0 ? (
          <Empty className="mt-3">No plan has a dated milestone yet.</Empty>
        ) : (
          <>
            <div className="overflow-x-auto">
              <Picture
                src={svgDataUrl(milestonesSvg(milestones, today))}
                alt="Milestones of every plan on one timeline"
                testId="milestones-picture"
              />
            </div>
            <table aria-label="Milestones across plans" className="mt-3 w-full border-collapse text-sm">
              <ColumnHeads columns={["Date", "Milestone", "Plan", "State"]} cell={th} />
              <tbody>
                {milestones.map((m) => (
                  <tr key={`${m.planId}:${m.id}`}>
                    <td className={td}>{m.date}</td>
                    <td className={td}>{m.name || "Untitled milestone"}</td>
                    <td className={td}>
                      <Link href={`/plans/${m.planId}#schedule`} className="text-indigo-700 hover:underline">
                        {m.planTitle}
                      </Link>
                    </td>
                    <td className={td}>{m.progress >= 100 ? "Reached" : m.date < today ? "Missed" : "Upcoming"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      <section aria-labelledby="high-risks" className={card}>
        <h2 id="high-risks" className="text-lg font-semibold">
          Open high risks
        </h2>
        <p className="text-sm text-slate-600">Open or mitigating risks in each plan&apos;s high or critical band.</p>
        {highRisks.length === 0 ? (
          <Empty className="mt-3">No open high risks. Keep it that way.</Empty>
        ) : (
          <table aria-label="Open high risks" className="mt-3 w-full border-collapse text-sm">
            <ColumnHeads columns={["Risk", "Plan", "Score", "Owner", "Mitigation"]} cell={th} />
            <tbody>
              {highRisks.map((r) => (
                <tr key={`${r.planId}:${r.id}`}>
                  <td className={td}>{r.title || "Untitled risk"}</td>
                  <td className={td}>
                    <Link href={`/plans/${r.planId}#risks`} className="text-indigo-700 hover:underline">
                      {r.planTitle}
                    </Link>
                  </td>
                  <td className={td}>
                    {r.score} · {r.band?.label}
                  </td>
                  <td className={td}>{r.ownerName ?? "—"}</td>
                  <td className={`${td} whitespace-pre-line`}>{r.mitigation || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
