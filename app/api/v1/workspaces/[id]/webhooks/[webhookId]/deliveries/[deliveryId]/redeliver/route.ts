import { apiRoute } from "@/lib/api";
import { redeliver } from "@/lib/services/webhooks";

type P = { id: string; webhookId: string; deliveryId: string };

export const POST = apiRoute<P>(async ({ principal, params }) =>
  redeliver(principal, params.id, params.webhookId, params.deliveryId),
);
