import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { Empty } from "@/components/ui/empty";
import { TimeAgo } from "@/components/ui/time-ago";
import type { ActionState } from "@/lib/actions";
import { planSections } from "@/lib/plan/template";
import type { getFeedback } from "@/lib/services/feedback";
import { FEEDBACK_BODY_MAX } from "@/lib/validation/feedback";

type Action = (prev: ActionState | undefined, formData: FormData) => Promise<ActionState>;
type Item = Awaited<ReturnType<typeof getFeedback>>[number];

const sectionTitle = (id: string) => planSections.find((s) => s.id === id)?.title ?? id;

/** Questions and comments left through the plan's links, for members to answer and resolve. */
export function FeedbackList({
  planId,
  items,
  answer,
  resolve,
}: {
  planId: string;
  items: Item[];
  answer: Action;
  resolve: Action;
}) {
  return (
    <section className="mt-10" aria-labelledby="feedback-list-title">
      <h2 id="feedback-list-title" className="text-lg font-medium">
        Feedback from link readers
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Left by people without an account on links that take feedback; the names are theirs, not verified.
      </p>
      {items.length === 0 ? (
        <Empty className="mt-3">No feedback yet.</Empty>
      ) : (
        <ul className="mt-3 flex flex-col gap-3" aria-label="Feedback">
          {items.map((f) => (
            <li
              key={f.id}
              className="rounded-lg border border-slate-200 bg-white p-4 text-sm"
              data-testid="feedback-item"
            >
              <p className="text-slate-500">
                <span className="font-medium text-slate-800">{f.name}</span> ·{" "}
                {f.kind === "question" ? "Question" : "Comment"} on {sectionTitle(f.section)} ·{" "}
                <TimeAgo date={f.createdAt} />
                {f.linkLabel && ` · via “${f.linkLabel}”`}
                {f.resolvedAt && <span className="ml-2 rounded bg-emerald-50 px-1.5 text-emerald-800">Resolved</span>}
              </p>
              <p className="mt-1 whitespace-pre-line text-slate-800">{f.body}</p>
              {f.reply && (
                <p className="mt-2 whitespace-pre-line border-l-2 border-indigo-200 pl-3 text-slate-700">
                  <span className="font-medium">{f.repliedByName ?? "A former member"}:</span> {f.reply}
                </p>
              )}
              <div className="mt-2 flex flex-wrap items-end gap-3">
                <ActionForm
                  action={answer}
                  resetOnSuccess
                  className="flex flex-1 flex-col gap-1"
                  aria-label={`Reply to ${f.name}`}
                >
                  <input type="hidden" name="planId" value={planId} />
                  <input type="hidden" name="feedbackId" value={f.id} />
                  <label className="text-xs font-medium text-slate-600" htmlFor={`reply-${f.id}`}>
                    {f.reply ? "Change the reply" : "Reply"}
                  </label>
                  <textarea
                    id={`reply-${f.id}`}
                    name="reply"
                    rows={2}
                    maxLength={FEEDBACK_BODY_MAX}
                    className="rounded-md border border-slate-300 px-2 py-1 text-sm"
                  />
                  <div>
                    <SubmitButton variant="secondary" pendingText="Saving…">
                      Send reply
                    </SubmitButton>
                  </div>
                </ActionForm>
                <ActionForm
                  action={resolve}
                  aria-label={`${f.resolvedAt ? "Reopen" : "Resolve"} feedback of ${f.name}`}
                >
                  <input type="hidden" name="planId" value={planId} />
                  <input type="hidden" name="feedbackId" value={f.id} />
                  <input type="hidden" name="resolved" value={f.resolvedAt ? "false" : "true"} />
                  <SubmitButton variant="secondary">{f.resolvedAt ? "Reopen" : "Resolve"}</SubmitButton>
                </ActionForm>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
