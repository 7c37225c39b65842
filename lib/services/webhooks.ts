/** A workspace's webhooks and their delivery log: owners and admins only. */
import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import {
  deleteWebhookRow,
  getWebhook,
  insertWebhook,
  listDeliveries,
  listWebhooks,
  requeueDelivery,
} from "@/db/queries/webhooks";
import { requireWorkspace, type Principal } from "@/lib/access";
import { NotFoundError, ValidationError, parseInput } from "@/lib/errors";
import { uuid } from "@/lib/validation/common";
import { resolveTarget, WebhookAddressError } from "@/lib/webhooks/address";
import { webhookEvents } from "./webhook-events";

const webhookInput = z.object({
  url: z
    .string()
    .trim()
    .max(2000, "The URL is too long.")
    .pipe(z.url({ message: "Enter a full https:// URL." })),
  events: z
    .array(z.enum(webhookEvents, { message: `Choose from ${webhookEvents.join(", ")}.` }))
    .min(1, "Choose at least one event.")
    .transform((e) => [...new Set(e)]),
});

/** What a webhook shows: its secret only when it is made. */
const shown = ({ secret: _secret, ...w }: Awaited<ReturnType<typeof insertWebhook>>) => w;

export async function getWebhooks(principal: Principal | null, workspaceId: string) {
  await requireWorkspace(principal, workspaceId, "manage-webhooks");
  return (await listWebhooks(workspaceId)).map(shown);
}

/** Add a webhook; the answer carries its signing secret, shown this once. */
export async function createWebhook(principal: Principal | null, workspaceId: string, input: unknown) {
  const { principal: who } = await requireWorkspace(principal, workspaceId, "manage-webhooks");
  const data = parseInput(webhookInput, input);
  try {
    await resolveTarget(data.url);
  } catch (err) {
    if (err instanceof WebhookAddressError) throw new ValidationError(err.message, { url: [err.message] });
    throw err;
  }
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  const row = await insertWebhook({ workspaceId, url: data.url, events: data.events, secret, createdBy: who.userId });
  return { ...shown(row), secret };
}

async function webhookOf(principal: Principal | null, workspaceId: string, webhookId: string) {
  await requireWorkspace(principal, workspaceId, "manage-webhooks");
  const hook = uuid.safeParse(webhookId).success ? await getWebhook(workspaceId, webhookId) : null;
  if (!hook) throw new NotFoundError("Webhook");
  return hook;
}

export async function deleteWebhook(principal: Principal | null, workspaceId: string, webhookId: string) {
  await webhookOf(principal, workspaceId, webhookId);
  await deleteWebhookRow(workspaceId, webhookId);
}

export async function getDeliveries(principal: Principal | null, workspaceId: string, webhookId: string) {
  const hook = await webhookOf(principal, workspaceId, webhookId);
  return listDeliveries(hook.id);
}

/** Send a delivery again by hand, whatever became of it. */
export async function redeliver(principal: Principal | null, workspaceId: string, webhookId: string, id: string) {
  const hook = await webhookOf(principal, workspaceId, webhookId);
  const row = uuid.safeParse(id).success ? await requeueDelivery(hook.id, id) : null;
  if (!row) throw new NotFoundError("Delivery");
  return row;
}
