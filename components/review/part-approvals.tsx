import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { Empty } from "@/components/ui/empty";
import type { ActionState } from "@/lib/actions";
import type { PartStatus } from "@/lib/plan/parts";
import type { getPartApprovals } from "@/lib/services/part-review";
import { SignoffForm } from "./signoff-form";

type Action = (prev: ActionState | undefined, formData: FormData) => Promise<ActionState>;
type Part = Awaited<ReturnType<typeof getPartApprovals>>[number];

export const partStatusText: Record<PartStatus, string> = {
  approved: "Approved",
  changes_requested: "Changes requested",
  pending: "Waiting for sign-off",
  no_approvers: "No approvers",
};
const tone: Record<PartStatus, string> = {
  approved: "bg-emerald-50 text-emerald-800",
  changes_requested: "bg-amber-50 text-amber-800",
  pending: "bg-slate-100 text-slate-700",
  no_approvers: "bg-slate-50 text-slate-500",
};

/**
 * A part's status as a small badge (review page, plan header); `changed` when the part's content is
 * no longer what its approvers approved.
 */
export function PartBadge({ title, status, changed }: { title: string; status: PartStatus; changed?: boolean }) {
  return (
    <span
      className={`rounded-full px-2 py-0.5 text-xs font-medium ${changed ? "bg-amber-100 text-amber-900" : tone[status]}`}
      data-testid="part-badge"
    >
      {title}: {partStatusText[status]}
      {changed && ", changed since approval"}
    </span>
  );
}

/**
 * Sign-off by part: each named part of the plan has its own approvers, who approve it or ask for
 * changes, whatever the whole plan's status. Managers name the approvers.
 */
export function PartApprovals({
  planId,
  parts,
  me,
  candidates,
  canManage,
  canRequest,
  actions,
  maxLength,
}: {
  planId: string;
  parts: Part[];
  me: string | null;
  candidates: { id: string; name: string }[];
  canManage: boolean;
  /** May ask a part's approvers to sign it off (managers and editors). */
  canRequest: boolean;
  actions: { add: Action; remove: Action; signOff: Action; request: Action };
  maxLength: number;
}) {
  return (
    <section aria-labelledby="parts-title" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="parts-title" className="text-lg font-semibold">
        Sign-off by part
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Parts of the plan that their own approvers sign off, such as the resource allocation or the budget.
      </p>
      <div className="mt-3 grid gap-4 md:grid-cols-3">
        {parts.map((p) => (
          <div
            key={p.id}
            className="rounded-md border border-slate-100 p-3"
            aria-labelledby={`part-${p.id}`}
            role="group"
          >
            <h3 id={`part-${p.id}`} className="flex flex-wrap items-center gap-2 text-sm font-semibold">
              {p.title} <PartBadge title="Status" status={p.status} changed={p.changed} />
            </h3>
            {p.approvers.length === 0 ? (
              <Empty className="mt-2">No approvers for this part.</Empty>
            ) : (
              <ul className="mt-2 flex flex-col gap-1 text-sm" aria-label={`Who signs off ${p.title}`}>
                {p.approvers.map((a) => (
                  <li key={a.userId} className="flex items-center justify-between gap-2">
                    <span>
                      {a.name} ·{" "}
                      <span className="text-slate-600">
                        {a.latest ? partStatusText[a.latest.decision] : "Waiting for sign-off"}
                      </span>
                    </span>
                    {canManage && (
                      <ActionForm action={actions.remove} aria-label={`Remove ${a.name} from ${p.title}`}>
                        <input type="hidden" name="planId" value={planId} />
                        <input type="hidden" name="part" value={p.id} />
                        <input type="hidden" name="userId" value={a.userId} />
                        <SubmitButton variant="secondary">Remove</SubmitButton>
                      </ActionForm>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {canManage && candidates.length > 0 && (
              <ActionForm
                action={actions.add}
                className="mt-2 flex items-end gap-2"
                aria-label={`Add an approver of ${p.title}`}
              >
                <input type="hidden" name="planId" value={planId} />
                <input type="hidden" name="part" value={p.id} />
                <label className="flex flex-1 flex-col gap-1 text-xs font-medium text-slate-600">
                  Approver of {p.title}
                  <select name="userId" className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
                    {candidates.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                </label>
                <SubmitButton variant="secondary">Name approver</SubmitButton>
              </ActionForm>
            )}
            {canRequest && p.approvers.some((a) => a.userId !== me) && (
              <ActionForm action={actions.request} className="mt-2" aria-label={`Ask for the sign-off of ${p.title}`}>
                <input type="hidden" name="planId" value={planId} />
                <input type="hidden" name="part" value={p.id} />
                <SubmitButton variant="secondary" pendingText="Asking…">
                  Ask for sign-off
                </SubmitButton>
              </ActionForm>
            )}
            {me && p.approvers.some((a) => a.userId === me) && (
              <div className="mt-3">
                <SignoffForm action={actions.signOff} planId={planId} maxLength={maxLength} part={p} />
              </div>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
