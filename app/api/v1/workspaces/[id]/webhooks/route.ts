import { apiRoute } from "@/lib/api";
import { createWebhook, getWebhooks } from "@/lib/services/webhooks";

type P = { id: string };

export const GET = apiRoute<P>(async ({ principal, params }) => getWebhooks(principal, params.id));
export const POST = apiRoute<P>(
  async ({ principal, params, body }) => createWebhook(principal, params.id, await body()),
  {
    status: 201,
  },
);
