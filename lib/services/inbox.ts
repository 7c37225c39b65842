import "server-only";
import { countUnread, listNotifications, markNotificationsRead } from "@/db/queries/inbox";
import { requireUser, type Principal } from "@/lib/access";
import { parseInput } from "@/lib/errors";
import { uuid } from "@/lib/validation/common";
import { z } from "zod";

/** The caller's inbox: mentions, announcements and sign-off requests, newest first, with the unread count. */
export async function getInbox(principal: Principal | null) {
  const who = requireUser(principal);
  const [items, unread] = await Promise.all([listNotifications(who.userId), countUnread(who.userId)]);
  return { items, unread };
}

export async function getUnreadCount(principal: Principal | null): Promise<number> {
  return countUnread(requireUser(principal).userId);
}

/** One inbox item as pages and components show it. */
export type { InboxRow } from "@/db/queries/inbox";

const ids = z.array(uuid).min(1).max(200);

/** Mark some of the caller's own items read (others' ids are simply not found). */
export async function markRead(principal: Principal | null, input: unknown): Promise<number> {
  const who = requireUser(principal);
  return markNotificationsRead(who.userId, parseInput(ids, input));
}

export async function markAllRead(principal: Principal | null): Promise<number> {
  return markNotificationsRead(requireUser(principal).userId);
}
