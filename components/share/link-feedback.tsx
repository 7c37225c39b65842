import { TimeAgo } from "@/components/ui/time-ago";
import { planSections } from "@/lib/plan/template";
import type { getLinkFeedback } from "@/lib/services/feedback";

type Item = Awaited<ReturnType<typeof getLinkFeedback>>[number];

const sectionTitle = (id: string) => planSections.find((s) => s.id === id)?.title ?? id;

/**
 * On a read-only link's page: the questions and comments left through this same link, each with the
 * team's answer once there is one. Every reader of the link sees them, so nothing here is private.
 */
export function LinkFeedback({ items }: { items: Item[] }) {
  return (
    <section aria-labelledby="link-feedback-title" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="link-feedback-title" className="text-lg font-semibold">
        Questions and answers
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        What readers of this link asked, and what the plan&apos;s team answered.
      </p>
      <ul className="mt-3 flex flex-col gap-3" aria-label="Questions and answers">
        {items.map((f) => (
          <li key={f.id} className="rounded-md border border-slate-100 p-3 text-sm" data-testid="link-feedback-item">
            <p className="text-slate-500">
              <span className="font-medium text-slate-800">{f.name}</span> ·{" "}
              {f.kind === "question" ? "Question" : "Comment"} on {sectionTitle(f.section)} ·{" "}
              <TimeAgo date={f.createdAt} />
            </p>
            <p className="mt-1 whitespace-pre-line text-slate-800">{f.body}</p>
            {f.reply ? (
              <p className="mt-2 whitespace-pre-line border-l-2 border-indigo-200 pl-3 text-slate-700">
                <span className="font-medium">Answer from the team:</span> {f.reply}
              </p>
            ) : (
              <p className="mt-2 text-slate-500">Not answered yet.</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
