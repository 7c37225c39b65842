import Link from "next/link";
import { getPrincipal } from "@/lib/auth";
import { getUnreadCount } from "@/lib/services/inbox";

/** "Inbox" in the app header, with the number of unread items when there are any. */
export async function InboxLink() {
  const principal = await getPrincipal();
  const unread = principal ? await getUnreadCount(principal).catch(() => 0) : 0;
  return (
    <Link
      href="/inbox"
      className="flex items-center gap-1.5 text-sm text-slate-700 hover:text-slate-900"
      aria-label={unread ? `Inbox, ${unread} unread` : "Inbox"}
    >
      Inbox
      {unread > 0 && (
        <span
          data-testid="unread-count"
          className="min-w-5 rounded-full bg-indigo-600 px-1.5 py-0.5 text-center text-xs leading-none font-semibold text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
