import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { plans, webhookDeliveries, webhooks } from "@/db/schema";

export async function insertWebhook(values: typeof webhooks.$inferInsert) {
  const db = await getDb();
  const [row] = await db.insert(webhooks).values(values).returning();
  return row!;
}

export async function listWebhooks(workspaceId: string) {
  const db = await getDb();
  return db.select().from(webhooks).where(eq(webhooks.workspaceId, workspaceId)).orderBy(desc(webhooks.createdAt));
}

export async function getWebhook(workspaceId: string, id: string) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.id, id), eq(webhooks.workspaceId, workspaceId)));
  return row ?? null;
}

export async function deleteWebhookRow(workspaceId: string, id: string) {
  const db = await getDb();
  const rows = await db
    .delete(webhooks)
    .where(and(eq(webhooks.id, id), eq(webhooks.workspaceId, workspaceId)))
    .returning({ id: webhooks.id });
  return rows.length > 0;
}

/** Queue one delivery of `event` for every webhook of the workspace that subscribes to it. */
export async function enqueueDeliveries(workspaceId: string, event: string, payload: Record<string, unknown>) {
  return enqueueEvents(await getDb(), workspaceId, [{ event, payload }]);
}

/** Rows per INSERT, well under PostgreSQL's 65,535 parameters. */
const CHUNK = 1000;

/**
 * Queue each event for every webhook of the workspace subscribed to it, through `db` (a
 * transaction, when the events must be queued with the change they report).
 */
export async function enqueueEvents(
  db: Db,
  workspaceId: string,
  events: { event: string; payload: Record<string, unknown> }[],
) {
  if (events.length === 0) return 0;
  const targets = await db
    .select({ id: webhooks.id, events: webhooks.events })
    .from(webhooks)
    .where(eq(webhooks.workspaceId, workspaceId));
  const rows = events.flatMap((e) =>
    targets.filter((t) => t.events.includes(e.event)).map((t) => ({ webhookId: t.id, ...e })),
  );
  for (let i = 0; i < rows.length; i += CHUNK) await db.insert(webhookDeliveries).values(rows.slice(i, i + CHUNK));
  return rows.length;
}

/** The events any webhook of the plan's workspace subscribes to, and that workspace. */
export async function planSubscriptions(db: Db, planId: string) {
  const rows = await db
    .select({ workspaceId: plans.workspaceId, events: webhooks.events })
    .from(plans)
    .leftJoin(webhooks, eq(webhooks.workspaceId, plans.workspaceId))
    .where(eq(plans.id, planId));
  if (rows.length === 0) return null;
  return { workspaceId: rows[0]!.workspaceId, events: new Set(rows.flatMap((r) => r.events ?? [])) };
}

export async function listDeliveries(webhookId: string, limit = 50) {
  const db = await getDb();
  return db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, webhookId))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(limit);
}

/** Send a delivery again from scratch: pending now, attempts counted afresh. */
export async function requeueDelivery(webhookId: string, id: string) {
  const db = await getDb();
  const [row] = await db
    .update(webhookDeliveries)
    .set({ state: "pending", attempts: 0, nextAttemptAt: new Date(), lastError: null })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.webhookId, webhookId)))
    .returning();
  return row ?? null;
}

export type ClaimedDelivery = {
  id: string;
  event: string;
  payload: Record<string, unknown>;
  attempts: number;
  url: string;
  secret: string;
};

/**
 * Take up to `limit` due deliveries. Rows are locked with SKIP LOCKED and leased (their next attempt
 * pushed out by `leaseSeconds`), so several workers never send the same one, and a worker that dies
 * mid-send leaves it to be retried when the lease runs out.
 */
export async function claimDeliveries(limit: number, leaseSeconds: number): Promise<ClaimedDelivery[]> {
  const db = await getDb();
  const rows = await db.execute(sql`
    UPDATE webhook_deliveries d
    SET next_attempt_at = now() + make_interval(secs => ${leaseSeconds})
    FROM webhooks w
    WHERE w.id = d.webhook_id AND d.id IN (
      SELECT id FROM webhook_deliveries
      WHERE state = 'pending' AND next_attempt_at <= now()
      ORDER BY next_attempt_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING d.id, d.event, d.payload, d.attempts, w.url, w.secret`);
  return (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as ClaimedDelivery[];
}

/** The result of one attempt: delivered, retried at `retryAt`, or given up (`retryAt` null). */
export async function recordAttempt(
  id: string,
  outcome: { ok: boolean; status: number | null; error: string | null; retryAt: Date | null },
) {
  const db = await getDb();
  await db
    .update(webhookDeliveries)
    .set({
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      responseStatus: outcome.status,
      lastError: outcome.error,
      state: outcome.ok ? "delivered" : outcome.retryAt ? "pending" : "failed",
      ...(outcome.retryAt ? { nextAttemptAt: outcome.retryAt } : {}),
      ...(outcome.ok ? { deliveredAt: new Date() } : {}),
    })
    .where(eq(webhookDeliveries.id, id));
}
