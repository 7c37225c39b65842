/**
 * Project a plan's document into relational tables, in one transaction, so server components and
 * cross-plan SQL read current content without decoding documents. Malformed rows are reported
 * (log line, metric, plan_projections.invalid_rows) and skipped. Task and risk changes since the
 * last projection are queued as webhook events in the same transaction (./row-events.ts).
 */
import { sql } from "drizzle-orm";
import type * as Y from "yjs";
import { getDb, type Db } from "@/db";
import { planProjections } from "@/db/schema";
import { readDocContent, schemaVersionOf, toPlanContent } from "@/lib/doc";
import { planCompleteness } from "@/lib/plan/completeness";
import { planPercentComplete } from "@/lib/plan/progress";
import { sqlState } from "@/db/errors";
import { processMetrics } from "@/lib/metrics";
import { loadDoc } from "./persistence";
import { writeContentProjection } from "./project-content";
import { queueRowEvents } from "./row-events";

const lockKey = (planId: string) => sql`hashtextextended(${"planwright.collab.project:" + planId}, 0)`;

/** Write the projection of `doc` for one plan. Returns false when the plan no longer exists. */
export async function projectPlan(planId: string, doc: Y.Doc, target?: Db): Promise<boolean> {
  const { content, invalid } = readDocContent(doc);
  const rules = toPlanContent(content);
  const schemaVersion = schemaVersionOf(doc);
  if (invalid.length) {
    console.warn(
      `[collab] plan ${planId}: skipped ${invalid.length} malformed row(s): ${invalid
        .slice(0, 3)
        .map((r) => `${r.section}/${r.id}: ${r.error}`)
        .join(" | ")}`,
    );
    processMetrics().invalidRows.inc(invalid.length);
  }
  const db = target ?? (await getDb());
  try {
    await db.transaction(async (tx) => {
      // Instances projecting the same plan take turns, so delete-then-insert never interleaves.
      await tx.execute(sql`select pg_advisory_xact_lock(${lockKey(planId)})`);
      await queueRowEvents(tx, planId, content);
      await writeContentProjection(tx, planId, content);
      const state = {
        schemaVersion,
        taskCount: content.tasks.length,
        invalidRows: invalid.slice(0, 100),
        strategy: content.strategy,
        scopeText: content.scopeText,
        settings: content.settings,
        completeness: planCompleteness(rules).score,
        percentComplete: Math.round(planPercentComplete(rules.tasks, rules.calendar)),
        projectedAt: new Date(),
      };
      await tx
        .insert(planProjections)
        .values({ planId, ...state })
        .onConflictDoUpdate({ target: planProjections.planId, set: state });
    });
  } catch (err) {
    if (sqlState(err) === "23503") return false; // the plan was deleted meanwhile
    throw err;
  }
  processMetrics().projections.inc();
  return true;
}

/** Rebuild one plan's projection from its stored log (the log is authoritative). */
export async function rebuildProjection(planId: string): Promise<boolean> {
  const { doc } = await loadDoc(planId);
  try {
    return await projectPlan(planId, doc);
  } finally {
    doc.destroy();
  }
}

/** However busy a plan is, its projection is never further behind than this. */
const MAX_LAG_MS = 1000;
/** Projections running at once, so they never starve the log's group commits of connections. */
const MAX_CONCURRENT = 2;

/**
 * Debounces projection per plan: runs `debounceMs` after the last change, and at most a second
 * after the first one even while edits keep coming.
 */
export class ProjectionScheduler {
  private timers = new Map<string, { timer: NodeJS.Timeout; first: number }>();
  private running = new Map<string, Promise<void>>();
  private active = 0;
  private waiting: (() => void)[] = [];

  constructor(
    private debounceMs: number,
    private docFor: (planId: string) => Y.Doc | undefined,
  ) {}

  schedule(planId: string) {
    const now = Date.now();
    const existing = this.timers.get(planId);
    const first = existing?.first ?? now;
    if (existing) clearTimeout(existing.timer);
    const wait = Math.max(0, Math.min(this.debounceMs, first + MAX_LAG_MS - this.debounceMs - now));
    this.timers.set(planId, { first, timer: setTimeout(() => void this.run(planId), wait) });
  }

  /** Project now if something is pending (before a document leaves memory). */
  async flush(planId: string) {
    if (this.timers.has(planId)) await this.run(planId);
    else await this.running.get(planId);
  }

  private async run(planId: string) {
    const t = this.timers.get(planId);
    if (t) clearTimeout(t.timer);
    this.timers.delete(planId);
    await this.running.get(planId);
    const job = (async () => {
      if (this.active >= MAX_CONCURRENT) await new Promise<void>((resolve) => this.waiting.push(resolve));
      this.active++;
      try {
        const doc = this.docFor(planId);
        if (doc) await projectPlan(planId, doc);
      } catch (err) {
        console.error(`[collab] projection of plan ${planId} failed:`, err instanceof Error ? err.message : err);
      } finally {
        this.active--;
        this.waiting.shift()?.();
        this.running.delete(planId);
      }
    })();
    this.running.set(planId, job);
    await job;
  }

  async close() {
    for (const planId of [...this.timers.keys()]) await this.run(planId);
    await Promise.all(this.running.values());
  }
}
