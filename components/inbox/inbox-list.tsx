import Link from "next/link";
import { markAllReadAction, markReadAction } from "@/app/(app)/inbox/actions";
import { ActionForm } from "@/components/forms/action-form";
import { TimeAgo } from "@/components/ui/time-ago";
import type { InboxRow } from "@/lib/services/inbox";
import { plainBody } from "@/lib/validation/comments";
import { Button } from "@/components/ui/button";

const kindLabel: Record<InboxRow["kind"], string> = {
  mention: "Mention",
  announcement: "Update",
  signoff_request: "Sign-off request",
  signoff: "Sign-off",
};

const excerpt = (text: string) => (text.length > 240 ? `${text.slice(0, 239)}…` : text);

/** Where an item leads: the section a comment is in, the plan's updates, or the plan's sign-off. */
function hrefOf(item: InboxRow): string {
  if (item.kind === "mention" && item.commentSection) return `/plans/${item.planId}#${item.commentSection}`;
  if (item.kind === "announcement") return `/plans/${item.planId}#updates-title`;
  return `/plans/${item.planId}`;
}

/** A person's inbox: unread first in bold, each with its plan, a short quote and a way to mark it read. */
export function InboxList({ items, unread }: { items: InboxRow[]; unread: number }) {
  if (items.length === 0) {
    return (
      <p className="mt-6 rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-500">
        Nothing here yet. Mentions, plan updates and sign-off requests will arrive here.
      </p>
    );
  }
  return (
    <>
      <div className="mt-4 flex items-center justify-between gap-4">
        <p className="text-sm text-slate-600" data-testid="inbox-unread">
          {unread === 0 ? "All caught up." : `${unread} unread`}
        </p>
        {unread > 0 && (
          <ActionForm action={markAllReadAction} aria-label="Mark all read">
            <Button type="submit" variant="secondary">
              Mark all read
            </Button>
          </ActionForm>
        )}
      </div>
      <ul aria-label="Inbox" className="mt-3 flex flex-col gap-2">
        {items.map((item) => {
          const text = item.commentBody ?? item.announcementBody;
          return (
            <li
              key={item.id}
              aria-label={`${item.readAt ? "" : "Unread: "}${item.summary}`}
              className={`rounded-lg border p-3 ${item.readAt ? "border-slate-200 bg-white" : "border-indigo-200 bg-indigo-50/50"}`}
            >
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="text-xs font-medium uppercase tracking-wide text-slate-600">
                    {kindLabel[item.kind]} · {item.planTitle} · <TimeAgo date={item.createdAt} />
                  </p>
                  <Link
                    href={hrefOf(item)}
                    className={`mt-0.5 block text-sm hover:underline ${item.readAt ? "" : "font-semibold"}`}
                  >
                    {item.summary}
                  </Link>
                  {text && (
                    <p className="mt-1 text-sm whitespace-pre-line break-words text-slate-700">
                      {excerpt(plainBody(text))}
                    </p>
                  )}
                </div>
                {!item.readAt && (
                  <ActionForm action={markReadAction} aria-label={`Mark read: ${item.summary}`}>
                    <input type="hidden" name="id" value={item.id} />
                    <Button type="submit" variant="ghost-accent" size="sm">
                      Mark read
                    </Button>
                  </ActionForm>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
