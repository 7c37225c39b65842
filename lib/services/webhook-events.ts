/**
 * The events webhooks subscribe to, and queuing one. Task and risk changes, whoever makes them (a
 * browser, the JSON API, an import), are queued by the plan's projection (lib/collab/row-events.ts);
 * plan status, approval and comment events come from their services.
 */
import "server-only";
import { enqueueDeliveries } from "@/db/queries/webhooks";

export const webhookEvents = [
  "task.changed",
  "risk.changed",
  "plan.status_changed",
  "plan.approval",
  "comment.created",
] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

/**
 * Queue `event` for the workspace's webhooks. The change it reports has happened already, so a
 * failure to queue is logged rather than turned into an error for the caller.
 */
export async function emitEvent(workspaceId: string, event: WebhookEvent, data: Record<string, unknown>) {
  try {
    await enqueueDeliveries(workspaceId, event, { ...data, workspaceId, at: new Date().toISOString() });
  } catch (err) {
    console.error("[webhooks] could not queue", event, err);
  }
}
