import Link from "next/link";
import { Empty } from "@/components/ui/empty";
import { addDays } from "@/lib/plan/dates";
import { isoWeek } from "@/lib/plan/capacity";
import type { getWorkload } from "@/lib/services/workspace-views";

type Workload = Awaited<ReturnType<typeof getWorkload>>;

const th = "border-b border-slate-200 px-2 py-1.5 text-left text-xs font-semibold text-slate-500";
const td = "border-b border-slate-100 px-2 py-1.5 align-top tabular-nums";

/**
 * Hours per person and week across the workspace's plans; weeks over capacity are marked. People named
 * only as a plan resource (not members) have rows of their own, matched by name across plans.
 */
export function WorkloadView({ workload, weeks }: { workload: Workload; weeks: number }) {
  const { people, from, planTitles } = workload;
  const mondays = Array.from({ length: weeks }, (_, i) => addDays(from, 7 * i));
  return (
    <section aria-labelledby="workload" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="workload" className="text-lg font-semibold">
        Workload per person and week
      </h2>
      <p className="text-sm text-slate-600">
        Hours planned for each person across all plans (tasks × working days × allocation), against the hours they have.
        People who are not members are matched by the name their plans give them. Set capacity and absences in each
        plan&apos;s Resources section.
      </p>
      {people.length === 0 ? (
        <Empty className="mt-3">Nobody has dated tasks in the coming {weeks} weeks.</Empty>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table aria-label="Workload per person and week" className="w-full border-collapse text-sm">
            <thead>
              <tr>
                <th scope="col" className={th}>
                  Person
                </th>
                {mondays.map((m) => (
                  <th key={m} scope="col" className={th}>
                    {isoWeek(m)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.key} data-testid="workload-row">
                  <th scope="row" className={`${td} text-left font-medium`}>
                    {p.name}
                    {!p.member && (
                      <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">
                        Not a member
                      </span>
                    )}
                    {p.overAllocated && <span className="ml-2 text-xs font-semibold text-red-700">Over-allocated</span>}
                  </th>
                  {mondays.map((m) => {
                    const w = p.weeks.find((x) => x.weekStart === m);
                    if (!w || w.hours === 0)
                      return (
                        <td key={m} className={`${td} text-slate-400`}>
                          –
                        </td>
                      );
                    const plans = w.sources.map((id) => planTitles[id] ?? "").join(", ");
                    return (
                      <td
                        key={m}
                        className={`${td} ${w.overAllocated ? "bg-red-50 font-semibold text-red-800" : ""}`}
                        title={plans}
                      >
                        {w.hours} / {w.capacity} h{w.overAllocated && <span className="sr-only"> over capacity</span>}
                        {w.overAllocated && (
                          <span className="block text-xs font-normal">
                            {w.sources.map((id) => (
                              <Link key={id} href={`/plans/${id}#resources`} className="mr-1 hover:underline">
                                {planTitles[id]}
                              </Link>
                            ))}
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
