"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions";
import { createWebhook, deleteWebhook, redeliver } from "@/lib/services/webhooks";

const id = (v: string | undefined) => v ?? "";
const page = (workspaceId: string | undefined) => `/workspaces/${workspaceId}/webhooks`;

export const createWebhookAction = authedAction(async (principal, f) => {
  const events = Object.keys(f)
    .filter((k) => k.startsWith("event:"))
    .map((k) => k.slice("event:".length));
  const hook = await createWebhook(principal, id(f.workspaceId), { url: f.url, events });
  revalidatePath(page(f.workspaceId));
  return {
    ok: true,
    message: "Webhook added. Keep its signing secret now: it is shown this once.",
    secret: hook.secret,
  };
});

export const deleteWebhookAction = authedAction(async (principal, f) => {
  await deleteWebhook(principal, id(f.workspaceId), id(f.webhookId));
  revalidatePath(page(f.workspaceId));
});

export const redeliverAction = authedAction(async (principal, f) => {
  await redeliver(principal, id(f.workspaceId), id(f.webhookId), id(f.deliveryId));
  revalidatePath(page(f.workspaceId));
  return { ok: true, message: "Queued for delivery." };
});
