import Link from "next/link";

const tabs = [
  { id: "plan", label: "Plan", href: (id: string) => `/plans/${id}` },
  { id: "review", label: "Review & sign-off", href: (id: string) => `/plans/${id}/review` },
  { id: "activity", label: "Activity", href: (id: string) => `/plans/${id}/activity` },
] as const;

export type PlanTab = (typeof tabs)[number]["id"];

/** Links between a plan and its review and activity pages; `current` is the page shown, if it is one of them. */
export function PlanSubnav({ planId, current }: { planId: string; current?: PlanTab }) {
  return (
    <nav aria-label="Plan pages" className="mt-4 flex gap-1 border-b border-slate-200 text-sm">
      {tabs.map((t) => (
        <Link
          key={t.id}
          href={t.href(planId)}
          aria-current={t.id === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 font-medium ${t.id === current ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
