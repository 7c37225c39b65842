import { apiRoute } from "@/lib/api";
import { getDeliveries } from "@/lib/services/webhooks";

type P = { id: string; webhookId: string };

export const GET = apiRoute<P>(async ({ principal, params }) => getDeliveries(principal, params.id, params.webhookId));
