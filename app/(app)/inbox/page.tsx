import type { Metadata } from "next";
import { InboxList } from "@/components/inbox/inbox-list";
import { getPrincipal } from "@/lib/auth";
import { pageData } from "@/lib/page";
import { getInbox } from "@/lib/services/inbox";

export const metadata: Metadata = { title: "Inbox · Planwright" };

export default async function InboxPage() {
  const principal = await getPrincipal();
  const { items, unread } = await pageData(() => getInbox(principal), "/inbox");
  return (
    <main className="mx-auto max-w-3xl px-6 py-8">
      <h1 className="text-2xl font-semibold">Inbox</h1>
      <p className="mt-1 text-sm text-slate-600">Mentions, plan updates and sign-off requests from your workspaces.</p>
      <InboxList items={items} unread={unread} />
    </main>
  );
}
