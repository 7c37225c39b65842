"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions";
import { markAllRead, markRead } from "@/lib/services/inbox";

export const markReadAction = authedAction(async (principal, f) => {
  await markRead(principal, [f.id ?? ""]);
  revalidatePath("/inbox");
});

export const markAllReadAction = authedAction(async (principal) => {
  const n = await markAllRead(principal);
  revalidatePath("/inbox");
  return { ok: true, message: n ? `Marked ${n} read.` : "Nothing unread." };
});
