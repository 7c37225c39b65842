/**
 * Webhook events for rows of a plan, from what its projection is about to replace: a task or risk
 * that appears, changes or disappears between the last projection and this one is one event. Every
 * write to a plan (browser, JSON API, import) reaches the projection, so each change is reported
 * once whatever made it, and in the projection's transaction, so an event is queued exactly when the
 * change it reports is committed.
 */
import type { Db } from "@/db";
import { readProjectedRows } from "@/db/projection";
import { enqueueEvents, planSubscriptions } from "@/db/queries/webhooks";
import type { DocContent } from "@/lib/doc";
import { canonical } from "@/lib/plan/section-digests";

/** Which collections' row changes are webhook events. */
export const rowEvents = { tasks: "task.changed", risks: "risk.changed" } as const;

type Row = { id: string };
export type RowChange = { action: "created" | "updated" | "deleted"; row: Row };

/** A row's fields in a stable order, absent and null alike (a column reads back null), so equal rows compare equal. */
const key = (row: Row) => canonical(Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null)));

/** What changed from `before` to `after`, by row id: new rows, changed rows, then removed rows. */
export function diffRows(before: readonly Row[], after: readonly Row[]): RowChange[] {
  const old = new Map(before.map((r) => [r.id, key(r)]));
  const changes: RowChange[] = [];
  for (const row of after) {
    const was = old.get(row.id);
    if (was === undefined) changes.push({ action: "created", row });
    else if (was !== key(row)) changes.push({ action: "updated", row });
    old.delete(row.id);
  }
  const gone = new Set(old.keys());
  for (const row of before) if (gone.has(row.id)) changes.push({ action: "deleted", row });
  return changes;
}

/**
 * Queue the row events between the plan's projected rows and `content`, inside `tx`, before the
 * projection replaces them. Costs one query when nobody subscribes.
 */
export async function queueRowEvents(tx: Db, planId: string, content: DocContent): Promise<number> {
  const subscribed = await planSubscriptions(tx, planId);
  if (!subscribed) return 0;
  const at = new Date().toISOString();
  const events = [];
  for (const [name, event] of Object.entries(rowEvents) as [keyof typeof rowEvents, string][]) {
    if (!subscribed.events.has(event)) continue;
    const before = await readProjectedRows(tx, planId, name);
    for (const { action, row } of diffRows(before, content[name]))
      events.push({ event, payload: { planId, action, row, workspaceId: subscribed.workspaceId, at } });
  }
  return enqueueEvents(tx, subscribed.workspaceId, events);
}
