import { apiRoute } from "@/lib/api";
import { deleteWebhook } from "@/lib/services/webhooks";

type P = { id: string; webhookId: string };

export const DELETE = apiRoute<P>(async ({ principal, params }) => {
  await deleteWebhook(principal, params.id, params.webhookId);
  return null;
});
