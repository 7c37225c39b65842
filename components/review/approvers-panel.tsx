import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import type { ActionState } from "@/lib/actions";
import { Empty } from "@/components/ui/empty";
import { Button } from "@/components/ui/button";

type Action = (prev: ActionState | undefined, formData: FormData) => Promise<ActionState>;
type Approver = {
  userId: string;
  name: string;
  current: { decision: "approved" | "changes_requested"; at: Date } | null;
};

const decisionText = { approved: "Approved", changes_requested: "Requested changes" } as const;

/** The approvers named on a plan with their decision in the current round; managers add and remove them. */
export function ApproversPanel({
  planId,
  approvers,
  candidates,
  inReview,
  canManage,
  addAction,
  removeAction,
}: {
  planId: string;
  approvers: Approver[];
  candidates: { id: string; name: string }[];
  inReview: boolean;
  canManage: boolean;
  addAction: Action;
  removeAction: Action;
}) {
  return (
    <section aria-labelledby="approvers-title" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="approvers-title" className="text-lg font-semibold">
        Approvers
      </h2>
      <p className="mt-1 text-sm text-slate-600">Everyone named here must approve before the plan is approved.</p>
      {approvers.length === 0 ? (
        <Empty className="mt-3">
          No approvers yet.
          {canManage ? " Add at least one to send the plan for review." : " A plan manager names them."}
        </Empty>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100" aria-label="Approvers">
          {approvers.map((a) => (
            <li key={a.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="font-medium">{a.name}</span>
              <span className="flex items-center gap-3 text-sm">
                {inReview && (
                  <span
                    className={
                      a.current?.decision === "approved"
                        ? "text-emerald-700"
                        : a.current
                          ? "text-amber-800"
                          : "text-slate-500"
                    }
                  >
                    {a.current ? decisionText[a.current.decision] : "Waiting for sign-off"}
                  </span>
                )}
                {canManage && (
                  <ActionForm action={removeAction} aria-label={`Remove ${a.name} as approver`}>
                    <input type="hidden" name="planId" value={planId} />
                    <input type="hidden" name="userId" value={a.userId} />
                    <Button type="submit" variant="ghost">
                      Remove<span className="sr-only"> {a.name}</span>
                    </Button>
                  </ActionForm>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canManage &&
        (candidates.length > 0 ? (
          <ActionForm
            action={addAction}
            aria-label="Name an approver"
            className="mt-4 flex flex-wrap items-end gap-2"
            resetOnSuccess
          >
            <input type="hidden" name="planId" value={planId} />
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
              Add approver
              <select
                name="userId"
                defaultValue=""
                className="rounded-md border border-slate-300 bg-white px-2 py-2 text-sm"
              >
                <option value="" disabled>
                  Choose a member…
                </option>
                {candidates.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </label>
            <SubmitButton pendingText="Adding…" variant="secondary">
              Add
            </SubmitButton>
          </ActionForm>
        ) : (
          <p className="mt-4 text-sm text-slate-500">Every workspace member is already an approver.</p>
        ))}
    </section>
  );
}
