import Link from "next/link";
import { format } from "date-fns";
import { sectionLabel } from "./section-labels";

type Cleared = { userId: string; name: string; createdAt: Date; comment: string };

/** "Approved 3 Mar 2026 by Ana and Ben", and which sections changed since, each a link to it. */
export function ApprovalSummary({
  planId,
  approval,
  changed,
}: {
  planId: string;
  approval: { approvedAt: Date; clearedBy: Cleared[] } | null;
  changed: string[];
}) {
  if (!approval) return null;
  const names = approval.clearedBy.map((c) => c.name);
  return (
    <div className="flex flex-col gap-1 text-sm">
      <p className="text-slate-700" data-testid="approval-summary">
        <span className="font-medium text-emerald-800">Approved</span>{" "}
        <time dateTime={approval.approvedAt.toISOString()}>{format(approval.approvedAt, "d MMM yyyy, HH:mm")}</time>
        {names.length > 0 && (
          <> by {names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`}</>
        )}
      </p>
      {changed.length > 0 && (
        <p className="text-amber-800">
          Changed since approval:{" "}
          {changed.map((s, i) => (
            <span key={s}>
              {i > 0 && ", "}
              <Link href={`/plans/${planId}#${s}`} className="underline">
                {sectionLabel(s)}
              </Link>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
