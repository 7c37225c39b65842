import { postAnnouncementAction } from "@/app/(app)/plans/[id]/comment-actions";
import { ActionForm, Field, SubmitButton } from "@/components/forms/action-form";
import { TimeAgo } from "@/components/ui/time-ago";
import { ANNOUNCEMENT_MAX } from "@/lib/validation/comments";

type Announcement = { id: string; body: string; authorName: string | null; createdAt: Date };

/** The plan's status updates, newest first; its managers post new ones, which land in every member's inbox. */
export function Announcements({
  planId,
  announcements,
  canAnnounce,
}: {
  planId: string;
  announcements: Announcement[];
  canAnnounce: boolean;
}) {
  if (announcements.length === 0 && !canAnnounce) return null;
  const [latest, ...older] = announcements;
  return (
    <section aria-labelledby="updates-title" className="mt-6 max-w-3xl rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="updates-title" className="text-base font-semibold">
        Updates
      </h2>
      {latest ? (
        <Item a={latest} />
      ) : (
        <p className="mt-1 text-sm text-slate-500">
          No updates posted yet. Post one to tell the workspace how the plan is going.
        </p>
      )}
      {older.length > 0 && (
        <details className="mt-2">
          <summary className="cursor-pointer text-xs font-medium text-slate-600">{older.length} earlier</summary>
          {older.map((a) => (
            <Item key={a.id} a={a} />
          ))}
        </details>
      )}
      {canAnnounce && (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-medium text-indigo-700">Post an update</summary>
          <ActionForm
            action={postAnnouncementAction}
            resetOnSuccess
            className="mt-2 flex flex-col gap-2"
            aria-label="Post an update"
          >
            <input type="hidden" name="planId" value={planId} />
            <Field
              name="body"
              label="Update"
              maxLength={ANNOUNCEMENT_MAX}
              placeholder="e.g. Go-live moved to Monday; pilot results are in."
            />
            <div>
              <SubmitButton pendingText="Posting…">Post update</SubmitButton>
            </div>
          </ActionForm>
        </details>
      )}
    </section>
  );
}

function Item({ a }: { a: Announcement }) {
  return (
    <article className="mt-2 border-l-2 border-indigo-300 pl-3">
      <p className="text-sm whitespace-pre-line text-slate-800">{a.body}</p>
      <p className="mt-0.5 text-xs text-slate-500">
        {a.authorName ?? "A former member"} · <TimeAgo date={a.createdAt} />
      </p>
    </article>
  );
}
