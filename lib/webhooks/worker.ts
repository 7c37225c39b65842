/**
 * The delivery worker server.ts starts: claims due deliveries from the PostgreSQL queue and sends
 * them, retrying failures with exponential backoff (1 s, 2 s, 4 s, … up to MAX_ATTEMPTS).
 */
import { claimDeliveries, recordAttempt, type ClaimedDelivery } from "@/db/queries/webhooks";
import { sendDelivery } from "./send";

export const MAX_ATTEMPTS = 8;
const BATCH = 10;
/** Longer than one send may take, so a claimed delivery is not claimed again while in flight. */
const LEASE_SECONDS = 60;

export const backoffMs = (attempts: number) => 1000 * 2 ** Math.max(0, attempts - 1);

export async function deliverOne(d: ClaimedDelivery) {
  const body = JSON.stringify({ id: d.id, event: d.event, data: d.payload });
  const attempt = await sendDelivery({ url: d.url, secret: d.secret }, d, body);
  const attempts = d.attempts + 1;
  const retryAt = attempt.ok || attempts >= MAX_ATTEMPTS ? null : new Date(Date.now() + backoffMs(attempts));
  await recordAttempt(d.id, { ...attempt, retryAt });
}

/** Claim and send one batch; the number of deliveries attempted. */
export async function runWebhookQueueOnce(): Promise<number> {
  const claimed = await claimDeliveries(BATCH, LEASE_SECONDS);
  await Promise.all(claimed.map(deliverOne));
  return claimed.length;
}

/** Poll the queue every `intervalMs` until stopped. */
export function startWebhookWorker(intervalMs = 1000): () => Promise<void> {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = runWebhookQueueOnce()
      .catch((err) => console.error("[webhooks]", err))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  let timer = setTimeout(tick, intervalMs);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
